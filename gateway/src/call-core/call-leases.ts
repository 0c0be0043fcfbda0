// The per-org cap on calls in progress, counted for the whole platform: every call (inbound,
// outbound, web) holds a lease in its org's scope on the bus from before it is accepted until
// it ends. The gateway's heartbeat renews its leases; those of a gateway that dies expire a few
// heartbeats later, or at once when control's reaper reclaims them. A lease of a call still
// running here that went missing (Redis restarted or flushed, or this gateway was taken for
// lost) is put back on the next beat. On top of the org's cap, SIP_MAX_CALLS_PER_ORG bounds
// the calls of one org this gateway holds (a safety ceiling).
import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import { leaseTtlMs } from "@switchboard/shared/heartbeat";
import type { Logger } from "@switchboard/shared/logger";

/** The lease scope counting an org's calls in progress. */
export const callLeaseScope = (orgId: string) => `calls:${orgId}`;

/** A release the bus could not take is tried again this often (the heartbeat renews it meanwhile). */
const RELEASE_RETRY_MS = 1000;

/** The org is at its platform-wide cap, or this gateway at its ceiling for the org. */
type CallRefusal = "org_cap" | "gateway_ceiling";

type CallAdmission = { ok: true; lease: CallLease } | { ok: false; refusal: CallRefusal; cap: number };

export interface CallLease {
  readonly orgId: string;
  readonly callId: string;
  /** Frees the call's place; only the first call does anything. */
  release(): Promise<void>;
}

interface CallLeasesOptions {
  bus: Bus;
  gatewayId: string;
  config: Pick<Config, "sipMaxCallsPerOrg" | "orgDefaultMaxConcurrentCalls" | "gatewayHeartbeatIntervalMs">;
  log: Logger;
}

export class CallLeases {
  /** org id -> calls of the org this gateway holds or is admitting. */
  private readonly heldPerOrg = new Map<string, number>();
  /** call id -> org id: the leases this gateway took and has not released. */
  private readonly owned = new Map<string, string>();

  constructor(private readonly options: CallLeasesOptions) {}

  /** Calls of the org this gateway holds (or is admitting). */
  heldFor(orgId: string): number {
    return this.heldPerOrg.get(orgId) ?? 0;
  }

  /** Takes the call's place in its org's cap, before the call is accepted. */
  async acquire(orgId: string, callId: string): Promise<CallAdmission> {
    const { bus, gatewayId, config } = this.options;
    const ceiling = config.sipMaxCallsPerOrg;
    // Counted before the first await, so concurrent admissions see each other.
    if (this.heldFor(orgId) >= ceiling) return { ok: false, refusal: "gateway_ceiling", cap: ceiling };
    this.adjust(orgId, 1);
    try {
      const cap = await this.capOf(orgId);
      const grant = await bus.acquireLease(
        callLeaseScope(orgId),
        callId,
        gatewayId,
        cap,
        leaseTtlMs(config.gatewayHeartbeatIntervalMs),
      );
      if (!grant.ok) {
        this.adjust(orgId, -1);
        return { ok: false, refusal: "org_cap", cap };
      }
      if (grant.created) this.owned.set(callId, orgId);
      return { ok: true, lease: this.lease(orgId, callId, grant.created) };
    } catch (error) {
      this.adjust(orgId, -1);
      throw error;
    }
  }

  /**
   * After the heartbeat renewed `renewed` of this gateway's leases: when fewer than it owns
   * were there, puts the missing ones back (whatever the cap: those calls are running); returns
   * how many. The calls count again, and their releases find their leases.
   */
  async restoreMissing(renewed: number): Promise<number> {
    if (renewed >= this.owned.size) return 0;
    const { bus, gatewayId, config } = this.options;
    let restored = 0;
    for (const [callId, orgId] of [...this.owned]) {
      const grant = await bus.acquireLease(
        callLeaseScope(orgId),
        callId,
        gatewayId,
        Number.MAX_SAFE_INTEGER,
        leaseTtlMs(config.gatewayHeartbeatIntervalMs),
      );
      // Released meanwhile: give back what was just put back.
      if (!this.owned.has(callId)) await bus.releaseLease(callLeaseScope(orgId), callId);
      else if (grant.ok && grant.created) restored += 1;
    }
    if (restored > 0) this.options.log.warn({ restored }, "call leases missing from the bus put back");
    return restored;
  }

  /** The org's cap as control published it, else ORG_DEFAULT_MAX_CONCURRENT_CALLS. */
  private async capOf(orgId: string): Promise<number> {
    const value = Number(await this.options.bus.hashGet(Hashes.orgCallLimits, orgId));
    return Number.isInteger(value) && value > 0 ? value : this.options.config.orgDefaultMaxConcurrentCalls;
  }

  private lease(orgId: string, callId: string, created: boolean): CallLease {
    let released: Promise<void> | null = null;
    return {
      orgId,
      callId,
      release: () => {
        released ??= this.release(orgId, callId, created);
        return released;
      },
    };
  }

  private async release(orgId: string, callId: string, created: boolean): Promise<void> {
    this.adjust(orgId, -1);
    // A lease this call found already held (a duplicate of a call running elsewhere) is not its own.
    if (!created) return;
    this.owned.delete(callId);
    const attempt = async (): Promise<void> => {
      try {
        await this.options.bus.releaseLease(callLeaseScope(orgId), callId);
      } catch (error) {
        this.options.log.warn({ err: error, call_id: callId }, "call lease not released; retrying");
        setTimeout(() => void attempt(), RELEASE_RETRY_MS).unref?.();
      }
    };
    await attempt();
  }

  private adjust(orgId: string, delta: number): void {
    const count = this.heldFor(orgId) + delta;
    if (count <= 0) this.heldPerOrg.delete(orgId);
    else this.heldPerOrg.set(orgId, count);
  }
}
