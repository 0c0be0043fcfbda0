// The full rebuild of what control publishes, and when it runs: at control start (before the
// API serves), whenever the bus reconnects, when a gateway finds the state missing, and every
// BUS_RECONCILE_INTERVAL_S. Each run compares the bus with the database hash by hash, repairs
// every entry that is missing, different or should not exist (through the entry's own publish
// path, invalidation included), then writes the "state published" marker.

import { STATE_GENERATION_FIELD, STATE_PUBLISHED_AT_FIELD } from "@switchboard/shared/bus/state";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { Logger } from "@switchboard/shared/logger";
import type { BusStateDeps } from "./published-hashes.ts";
import { type BusHashName, rebuiltHashes } from "./registry.ts";

interface ReconcileReport {
  /** Entries written or deleted, per hash. */
  repaired: Partial<Record<BusHashName, number>>;
  total: number;
  generation: number;
}

/** The bus was emptied while the rebuild ran: what it wrote before is gone too. */
export class BusEmptiedDuringRebuild extends Error {
  constructor() {
    super("the bus was emptied during the rebuild");
  }
}

/**
 * One full rebuild. `instanceId` names this control's in-progress mark in the marker hash: a
 * flush during the run takes the mark with it, and the run then withdraws its marker and fails
 * instead of declaring a half-empty bus published.
 */
export async function reconcileBusState(
  deps: BusStateDeps,
  instanceId: string = crypto.randomUUID(),
): Promise<ReconcileReport> {
  const { bus } = deps;
  const inProgress = `rebuilding:${instanceId}`;
  await bus.hashSet(Hashes.controlState, inProgress, String(Date.now()));
  const repaired: ReconcileReport["repaired"] = {};
  let total = 0;
  for (const [name, hash] of rebuiltHashes()) {
    const fingerprint = hash.fingerprint ?? ((value: string) => value);
    for (const [key, fields] of await hash.expected(deps)) {
      const found = await bus.hashGetAll(key);
      const stale = [...fields].filter(([field, want]) => {
        const value = found[field];
        return value === undefined || fingerprint(value) !== want;
      });
      const unwanted = Object.keys(found).filter((field) => !fields.has(field));
      for (const [field] of stale) await hash.repair(deps, key, field, found[field] ?? null);
      for (const field of unwanted) await hash.repair(deps, key, field, found[field]!);
      const count = stale.length + unwanted.length;
      if (count > 0) repaired[name] = (repaired[name] ?? 0) + count;
      total += count;
    }
  }
  // Informational: rebuilds this bus has seen since it was last empty.
  const generation = Number(await bus.hashGet(Hashes.controlState, STATE_GENERATION_FIELD)) + 1 || 1;
  await bus.hashSet(Hashes.controlState, STATE_GENERATION_FIELD, String(generation));
  await bus.hashSet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD, String(Date.now()));
  if ((await bus.hashGet(Hashes.controlState, inProgress)) === null) {
    await bus.hashDelete(Hashes.controlState, STATE_PUBLISHED_AT_FIELD);
    throw new BusEmptiedDuringRebuild();
  }
  await bus.hashDelete(Hashes.controlState, inProgress);
  return { repaired, total, generation };
}

/** A gateway's request for the state starts a rebuild at most this often. */
const MIN_REQUESTED_GAP_MS = 1000;
/** A failed rebuild is tried again this soon, whatever the interval. */
const RETRY_AFTER_FAILURE_MS = 1000;

type ReconcileReason = "start" | "reconnect" | "requested" | "periodic";

/**
 * Runs rebuilds one at a time: a trigger during a run asks for one more run after it, so a
 * reconnect or request that arrives mid-run is never lost and never runs twice at once.
 */
export class BusStateReconciler {
  private readonly instanceId = crypto.randomUUID().slice(0, 8);
  private running: Promise<void> | null = null;
  private again: ReconcileReason | null = null;
  private lastStartMs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private requestTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly cleanups: Array<() => Promise<void> | void> = [];

  constructor(
    private readonly deps: BusStateDeps,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  /** The first full rebuild (its failure fails the start), then the triggers. */
  async start(): Promise<ReconcileReport> {
    const report = await this.runOnce("start");
    this.cleanups.push(this.deps.bus.onReconnect(() => void this.trigger("reconnect")));
    this.cleanups.push(await this.deps.bus.subscribe(Channels.stateRequested, () => this.requested()));
    this.schedule(this.intervalMs);
    return report;
  }

  /** Starts a rebuild now, or right after the one running; resolves when it has run. */
  trigger(reason: ReconcileReason): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = reason;
      return this.running;
    }
    this.running = (async () => {
      let next: ReconcileReason | null = reason;
      while (next && !this.stopped) {
        this.again = null;
        try {
          await this.runOnce(next);
          this.schedule(this.intervalMs);
        } catch (error) {
          this.log.error({ err: error, reason: next }, "bus state rebuild failed");
          this.schedule(RETRY_AFTER_FAILURE_MS);
        }
        next = this.again;
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.requestTimer) clearTimeout(this.requestTimer);
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
    await this.running;
  }

  private async runOnce(reason: ReconcileReason): Promise<ReconcileReport> {
    this.lastStartMs = Date.now();
    const report = await reconcileBusState(this.deps, this.instanceId);
    const fields = { reason, repaired: report.repaired, generation: report.generation };
    // Drift outside start means something wrote past control or the bus lost data.
    if (report.total > 0 && reason !== "start") this.log.warn(fields, "bus state repaired from the database");
    else this.log.info(fields, "bus state published");
    return report;
  }

  private requested(): void {
    if (this.stopped || this.requestTimer) return;
    if (this.running) {
      // The state may have been lost after the running rebuild checked the bus.
      this.again ??= "requested";
      return;
    }
    const waitMs = this.lastStartMs + MIN_REQUESTED_GAP_MS - Date.now();
    if (waitMs <= 0) {
      void this.trigger("requested");
      return;
    }
    this.requestTimer = setTimeout(() => {
      this.requestTimer = null;
      void this.trigger("requested");
    }, waitMs);
    this.requestTimer.unref?.();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.trigger("periodic"), delayMs);
    this.timer.unref?.();
  }
}
