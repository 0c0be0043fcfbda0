// The bus joins control and gateways. Two implementations pass the same contract tests:
// Redis (production, several processes) and in-process memory (the embedded default).
//
// Streams are at-least-once with consumer groups: an entry stays pending until acked, a
// consumer that restarts re-reads its own pending entries, and entries pending on a dead
// consumer can be claimed by another after an idle time. An entry is dropped from its stream
// once every group has read and acked it, so a long-running platform keeps only the backlog;
// a stream no group reads yet keeps everything (a group created later starts from the first
// entry). Pub/sub is best effort and only
// used for cache invalidation. Hashes hold routing tables and snapshots.

export interface StreamEntry {
  id: string;
  data: string;
  deliveries: number;
}

export interface WindowCount {
  count: number;
  resetAtMs: number;
}

/** One consumer group's backlog on a stream, as Redis's XINFO GROUPS reports it. */
export interface GroupBacklog {
  group: string;
  /** Entries delivered to the group's consumers and not yet acked. */
  pending: number;
  /** Entries in the stream not yet delivered to the group (consumer lag). */
  lag: number;
}

export type Unsubscribe = () => Promise<void>;

/** What `acquireLease` answers; `count` is the scope's unexpired leases after the attempt. */
export type LeaseGrant =
  | {
      ok: true;
      count: number;
      /** False when the lease was held already: it is only extended, nothing new is counted. */
      created: boolean;
    }
  | { ok: false; count: number };

export interface Bus {
  readonly kind: "memory" | "redis";

  append(stream: string, data: string): Promise<string>;
  ensureGroup(stream: string, group: string): Promise<void>;
  /** New entries for this group; waits up to `blockMs` when there are none. */
  readGroup(
    stream: string,
    group: string,
    consumer: string,
    options: { count: number; blockMs: number },
  ): Promise<StreamEntry[]>;
  /** Entries delivered to this consumer and not yet acked (after a restart, say). */
  readPending(stream: string, group: string, consumer: string, count: number): Promise<StreamEntry[]>;
  /** Takes over entries that have been pending on any consumer for at least `minIdleMs`. */
  claimIdle(
    stream: string,
    group: string,
    consumer: string,
    minIdleMs: number,
    count: number,
  ): Promise<StreamEntry[]>;
  ack(stream: string, group: string, ids: string[]): Promise<void>;
  /**
   * Entries still held in the stream. Entries every group has acked are dropped, though not
   * necessarily at once (Redis trims whole internal nodes, at most once a second per stream).
   */
  streamLength(stream: string): Promise<number>;
  /** Each consumer group of the stream with its pending count and lag; none for an unknown stream. */
  groupBacklogs(stream: string): Promise<GroupBacklog[]>;

  hashSet(key: string, field: string, value: string): Promise<void>;
  hashGet(key: string, field: string): Promise<string | null>;
  hashGetAll(key: string): Promise<Record<string, string>>;
  hashDelete(key: string, field: string): Promise<void>;

  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe>;
  /**
   * Runs `handler` each time the connection comes back after it was lost: whatever the bus
   * held may be gone (a restarted Redis keeps nothing it did not persist) and messages sent
   * meanwhile were missed. The in-process bus never disconnects. Returns its remover.
   */
  onReconnect(handler: () => void): () => void;

  /** Counts one hit in the fixed window of `windowMs` that contains now. */
  incrementWindow(key: string, windowMs: number): Promise<WindowCount>;

  // Leases: things held at once in a scope (an org's calls in progress), counted for the whole
  // platform and never leaked. A lease lives until it is released, its holder's leases are
  // reclaimed, or `ttlMs` passes without its holder renewing it. Expiry is on the bus's clock
  // (Redis server time), so holders' clocks need not agree.

  /**
   * Takes lease `leaseId` in `scope` for `holder` unless the scope already has `cap` unexpired
   * leases. Atomic: concurrent acquirers never take more than `cap`. A lease held already is
   * extended to `ttlMs` from now and keeps its holder (`created: false`).
   */
  acquireLease(
    scope: string,
    leaseId: string,
    holder: string,
    cap: number,
    ttlMs: number,
  ): Promise<LeaseGrant>;
  /** Ends the lease; true only for the release that ended a live lease (a second is harmless). */
  releaseLease(scope: string, leaseId: string): Promise<boolean>;
  /** Extends every live lease of `holder` to `ttlMs` from now; expired or reclaimed ones stay gone. */
  renewLeases(holder: string, ttlMs: number): Promise<number>;
  /** Ends every lease of `holder` (it died or restarted); returns how many were live. */
  reclaimLeases(holder: string): Promise<number>;
  /** Unexpired leases in `scope`. */
  countLeases(scope: string): Promise<number>;

  close(): Promise<void>;
}
