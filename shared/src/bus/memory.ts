import type { Bus, GroupBacklog, LeaseGrant, StreamEntry, Unsubscribe, WindowCount } from "./contract.ts";

interface PendingEntry {
  /** Kept here so the entry can leave the stream while it is still pending. */
  data: string;
  /** The entry's position in its stream. */
  index: number;
  consumer: string;
  deliveredAtMs: number;
  deliveries: number;
}

interface Group {
  /** Position (counted from the stream's first entry ever) of the next entry never delivered. */
  nextIndex: number;
  pending: Map<string, PendingEntry>;
}

interface Stream {
  entries: { id: string; data: string }[];
  /** Position of entries[0]: entries before it were delivered to every group and dropped. */
  firstIndex: number;
  groups: Map<string, Group>;
  waiters: Set<() => void>;
}

/** The in-process bus of the embedded default: one process runs control and gateway. */
export class MemoryBus implements Bus {
  readonly kind = "memory" as const;
  private readonly streams = new Map<string, Stream>();
  private readonly hashes = new Map<string, Map<string, string>>();
  private readonly channels = new Map<string, Set<(message: string) => void>>();
  private readonly windows = new Map<string, WindowCount>();
  /** scope -> lease id -> its holder and expiry. */
  private readonly leases = new Map<string, Map<string, { holder: string; expiresAtMs: number }>>();
  private lastIdMs = 0;
  private lastIdSeq = 0;
  private closed = false;

  private stream(name: string): Stream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = { entries: [], firstIndex: 0, groups: new Map(), waiters: new Set() };
      this.streams.set(name, stream);
    }
    return stream;
  }

  private group(streamName: string, groupName: string): Group {
    const group = this.stream(streamName).groups.get(groupName);
    if (!group) throw new Error(`NOGROUP no consumer group ${groupName} on stream ${streamName}`);
    return group;
  }

  private nextId(): string {
    const nowMs = Date.now();
    if (nowMs > this.lastIdMs) {
      this.lastIdMs = nowMs;
      this.lastIdSeq = 0;
    } else {
      this.lastIdSeq += 1;
    }
    return `${this.lastIdMs}-${this.lastIdSeq}`;
  }

  async append(streamName: string, data: string): Promise<string> {
    const stream = this.stream(streamName);
    const id = this.nextId();
    stream.entries.push({ id, data });
    for (const wake of stream.waiters) wake();
    stream.waiters.clear();
    return id;
  }

  async ensureGroup(streamName: string, groupName: string): Promise<void> {
    const stream = this.stream(streamName);
    // A new group starts at the oldest entry still held (the first, unless other groups have
    // consumed and dropped some), as a Redis group created at id 0 does.
    if (!stream.groups.has(groupName))
      stream.groups.set(groupName, { nextIndex: stream.firstIndex, pending: new Map() });
  }

  async readGroup(
    streamName: string,
    groupName: string,
    consumer: string,
    options: { count: number; blockMs: number },
  ): Promise<StreamEntry[]> {
    const stream = this.stream(streamName);
    const group = this.group(streamName, groupName);
    const end = () => stream.firstIndex + stream.entries.length;
    if (group.nextIndex >= end() && options.blockMs > 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, options.blockMs);
        function done() {
          clearTimeout(timer);
          stream.waiters.delete(done);
          resolve();
        }
        stream.waiters.add(done);
      });
    }
    const delivered: StreamEntry[] = [];
    const nowMs = Date.now();
    while (group.nextIndex < end() && delivered.length < options.count) {
      const index = group.nextIndex++;
      const entry = stream.entries[index - stream.firstIndex]!;
      group.pending.set(entry.id, { data: entry.data, index, consumer, deliveredAtMs: nowMs, deliveries: 1 });
      delivered.push({ id: entry.id, data: entry.data, deliveries: 1 });
    }
    this.dropDelivered(stream);
    return delivered;
  }

  async readPending(
    streamName: string,
    groupName: string,
    consumer: string,
    count: number,
  ): Promise<StreamEntry[]> {
    const group = this.group(streamName, groupName);
    const result: StreamEntry[] = [];
    for (const [id, pending] of group.pending) {
      if (result.length >= count) break;
      if (pending.consumer !== consumer) continue;
      pending.deliveries += 1;
      pending.deliveredAtMs = Date.now();
      result.push({ id, data: pending.data, deliveries: pending.deliveries });
    }
    return result;
  }

  async claimIdle(
    streamName: string,
    groupName: string,
    consumer: string,
    minIdleMs: number,
    count: number,
  ): Promise<StreamEntry[]> {
    const group = this.group(streamName, groupName);
    const nowMs = Date.now();
    const result: StreamEntry[] = [];
    for (const [id, pending] of group.pending) {
      if (result.length >= count) break;
      if (nowMs - pending.deliveredAtMs < minIdleMs) continue;
      pending.consumer = consumer;
      pending.deliveredAtMs = nowMs;
      pending.deliveries += 1;
      result.push({ id, data: pending.data, deliveries: pending.deliveries });
    }
    return result;
  }

  async ack(streamName: string, groupName: string, ids: string[]): Promise<void> {
    const group = this.group(streamName, groupName);
    for (const id of ids) group.pending.delete(id);
  }

  /** From the oldest entry some group has not acked (or not read) to the newest. */
  async streamLength(streamName: string): Promise<number> {
    const stream = this.streams.get(streamName);
    if (!stream) return 0;
    let oldest = stream.firstIndex;
    for (const group of stream.groups.values())
      for (const pending of group.pending.values()) oldest = Math.min(oldest, pending.index);
    return stream.firstIndex + stream.entries.length - oldest;
  }

  async groupBacklogs(streamName: string): Promise<GroupBacklog[]> {
    const stream = this.streams.get(streamName);
    if (!stream) return [];
    const end = stream.firstIndex + stream.entries.length;
    return [...stream.groups].map(([group, state]) => ({
      group,
      pending: state.pending.size,
      lag: end - state.nextIndex,
    }));
  }

  /**
   * Drops the entries every group has been given (pending ones live on in their group's
   * pending list until acked). Amortized: the array is shifted only once the dropped part is
   * at least half of it, so each entry is moved about once.
   */
  private dropDelivered(stream: Stream): void {
    if (stream.groups.size === 0) return;
    let lowest = Number.POSITIVE_INFINITY;
    for (const group of stream.groups.values()) lowest = Math.min(lowest, group.nextIndex);
    const droppable = lowest - stream.firstIndex;
    if (droppable < 64 || droppable * 2 < stream.entries.length) return;
    stream.entries.splice(0, droppable);
    stream.firstIndex = lowest;
  }

  async hashSet(key: string, field: string, value: string): Promise<void> {
    let hash = this.hashes.get(key);
    if (!hash) {
      hash = new Map();
      this.hashes.set(key, hash);
    }
    hash.set(field, value);
  }

  async hashGet(key: string, field: string): Promise<string | null> {
    return this.hashes.get(key)?.get(field) ?? null;
  }

  async hashGetAll(key: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.hashes.get(key) ?? []);
  }

  async hashDelete(key: string, field: string): Promise<void> {
    this.hashes.get(key)?.delete(field);
  }

  async publish(channel: string, message: string): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Delivered on a later turn of the event loop, as a network bus would.
    queueMicrotask(() => {
      for (const handler of handlers) handler(message);
    });
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
    }
    handlers.add(handler);
    return async () => {
      handlers.delete(handler);
    };
  }

  /** Never called: nothing stands between the process and its own memory. */
  onReconnect(_handler: () => void): () => void {
    return () => {};
  }

  async incrementWindow(key: string, windowMs: number): Promise<WindowCount> {
    const nowMs = Date.now();
    const resetAtMs = (Math.floor(nowMs / windowMs) + 1) * windowMs;
    let window = this.windows.get(key);
    if (!window || window.resetAtMs !== resetAtMs) {
      if (this.windows.size > 100_000) this.sweepWindows(nowMs);
      window = { count: 0, resetAtMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetAtMs };
  }

  private sweepWindows(nowMs: number): void {
    for (const [key, window] of this.windows) if (window.resetAtMs <= nowMs) this.windows.delete(key);
  }

  // --- Leases ---

  /** The scope's leases with the expired ones dropped. */
  private liveLeases(scope: string, nowMs: number): Map<string, { holder: string; expiresAtMs: number }> {
    let leases = this.leases.get(scope);
    if (!leases) {
      leases = new Map();
      this.leases.set(scope, leases);
    }
    for (const [id, lease] of leases) if (lease.expiresAtMs <= nowMs) leases.delete(id);
    return leases;
  }

  async acquireLease(
    scope: string,
    leaseId: string,
    holder: string,
    cap: number,
    ttlMs: number,
  ): Promise<LeaseGrant> {
    const nowMs = Date.now();
    const leases = this.liveLeases(scope, nowMs);
    const held = leases.get(leaseId);
    if (held) {
      held.expiresAtMs = nowMs + ttlMs;
      return { ok: true, count: leases.size, created: false };
    }
    if (leases.size >= cap) return { ok: false, count: leases.size };
    leases.set(leaseId, { holder, expiresAtMs: nowMs + ttlMs });
    return { ok: true, count: leases.size, created: true };
  }

  async releaseLease(scope: string, leaseId: string): Promise<boolean> {
    const leases = this.leases.get(scope);
    const lease = leases?.get(leaseId);
    if (!leases || !lease) return false;
    leases.delete(leaseId);
    if (leases.size === 0) this.leases.delete(scope);
    return lease.expiresAtMs > Date.now();
  }

  async renewLeases(holder: string, ttlMs: number): Promise<number> {
    const nowMs = Date.now();
    let renewed = 0;
    for (const scope of [...this.leases.keys()]) {
      const leases = this.liveLeases(scope, nowMs);
      if (leases.size === 0) this.leases.delete(scope);
      for (const lease of leases.values()) {
        if (lease.holder !== holder) continue;
        lease.expiresAtMs = nowMs + ttlMs;
        renewed += 1;
      }
    }
    return renewed;
  }

  async reclaimLeases(holder: string): Promise<number> {
    const nowMs = Date.now();
    let reclaimed = 0;
    for (const [scope, leases] of this.leases) {
      for (const [id, lease] of leases) {
        if (lease.holder !== holder) continue;
        leases.delete(id);
        if (lease.expiresAtMs > nowMs) reclaimed += 1;
      }
      if (leases.size === 0) this.leases.delete(scope);
    }
    return reclaimed;
  }

  async countLeases(scope: string): Promise<number> {
    return this.leases.has(scope) ? this.liveLeases(scope, Date.now()).size : 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const stream of this.streams.values()) {
      for (const wake of stream.waiters) wake();
      stream.waiters.clear();
    }
  }
}
