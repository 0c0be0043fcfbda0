// Gateway liveness: each gateway writes its heartbeat to Hashes.gatewayHeartbeats every
// GATEWAY_HEARTBEAT_INTERVAL_MS; control ends the open calls of a gateway that fell silent,
// and of an earlier run of a gateway that restarted under the same id (calls never survive
// a restart, so a call that began before `started_ms` is lost). Each beat also renews the
// gateway's leases (its calls' places in their orgs' concurrent-call caps): they outlive the
// last beat by LEASE_TTL_HEARTBEATS intervals, so a dead gateway's calls stop counting by then.
import type { Bus } from "./bus/contract.ts";
import { Hashes } from "./bus/topics.ts";

export interface GatewayHeartbeat {
  last_seen_ms: number;
  /** When this run of the gateway started. */
  started_ms: number | null;
}

/** Heartbeat intervals a gateway's leases outlive its last beat. */
const LEASE_TTL_HEARTBEATS = 4;

/** How long a lease taken or renewed now lives without another beat. */
export function leaseTtlMs(heartbeatIntervalMs: number): number {
  return heartbeatIntervalMs * LEASE_TTL_HEARTBEATS;
}

export function encodeHeartbeat(heartbeat: GatewayHeartbeat): string {
  return JSON.stringify(heartbeat);
}

/** A JSON heartbeat, or a bare epoch-ms number; null for anything else. */
export function parseHeartbeat(value: string | null | undefined): GatewayHeartbeat | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return { last_seen_ms: Number(value), started_ms: null };
  try {
    const parsed = JSON.parse(value) as Partial<GatewayHeartbeat>;
    if (typeof parsed.last_seen_ms !== "number") return null;
    return {
      last_seen_ms: parsed.last_seen_ms,
      started_ms: typeof parsed.started_ms === "number" ? parsed.started_ms : null,
    };
  } catch {
    return null;
  }
}

interface HeartbeatWriter {
  stop(): Promise<void>;
}

/**
 * Writes now, then every `intervalMs`, renewing the gateway's leases with each beat and
 * telling `onLeasesRenewed` how many were still there; a failed write is reported and retried
 * on the next beat. Stopping ends the gateway's leases too.
 */
export function startHeartbeat(
  bus: Bus,
  gatewayId: string,
  intervalMs: number,
  onError: (error: unknown) => void,
  onLeasesRenewed?: (renewed: number) => Promise<unknown>,
): HeartbeatWriter {
  const startedMs = Date.now();
  const beat = () =>
    Promise.all([
      bus.hashSet(
        Hashes.gatewayHeartbeats,
        gatewayId,
        encodeHeartbeat({ last_seen_ms: Date.now(), started_ms: startedMs }),
      ),
      bus.renewLeases(gatewayId, leaseTtlMs(intervalMs)).then((renewed) => onLeasesRenewed?.(renewed)),
    ]).catch(onError);
  let pending = beat();
  const timer = setInterval(() => {
    pending = beat();
  }, intervalMs);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      // Its calls have ended: a lease still held now was never released, and nothing renews it.
      await bus.reclaimLeases(gatewayId).catch(onError);
      await bus.hashDelete(Hashes.gatewayHeartbeats, gatewayId).catch(onError);
    },
  };
}
