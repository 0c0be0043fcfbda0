import { createClient } from "redis";
import type { Bus, GroupBacklog, LeaseGrant, StreamEntry, Unsubscribe, WindowCount } from "./contract.ts";
import {
  ACQUIRE_LEASE,
  COUNT_LEASES,
  RECLAIM_LEASES,
  RELEASE_LEASE,
  RENEW_LEASES,
  runScript,
} from "./redis-lease-scripts.ts";

type RedisClient = ReturnType<typeof createClient>;

interface RawStreamMessage {
  id: string;
  message: Record<string, string>;
}

const DATA_FIELD = "data";

function toEntries(messages: (RawStreamMessage | null)[] | undefined, deliveries: number): StreamEntry[] {
  const entries: StreamEntry[] = [];
  for (const message of messages ?? []) {
    // A null message is an entry trimmed from the stream while it was pending.
    if (message) entries.push({ id: message.id, data: message.message[DATA_FIELD] ?? "", deliveries });
  }
  return entries;
}

/** Stream ids are `<ms>-<seq>`; compares them numerically. */
function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split("-").map(BigInt) as [bigint, bigint];
  const [bMs, bSeq] = b.split("-").map(BigInt) as [bigint, bigint];
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}

/** XINFO GROUPS answers each group as a flat [field, value, ...] list (RESP2). */
function groupField(group: unknown[], field: string): unknown {
  const at = group.indexOf(field);
  return at >= 0 ? group[at + 1] : undefined;
}

interface RedisBusOptions {
  /** Acked entries are trimmed at most this often per stream (default 1000 ms). */
  trimIntervalMs?: number;
}

/** Redis streams, hashes and pub/sub. Blocking reads get their own connection each. */
export class RedisBus implements Bus {
  readonly kind = "redis" as const;
  private subscriber: RedisClient | null = null;
  private readonly blockingClients = new Map<string, RedisClient>();
  private readonly lastTrimMs = new Map<string, number>();
  private readonly trimIntervalMs: number;
  private readonly reconnectHandlers = new Set<() => void>();

  private constructor(
    private readonly url: string,
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    options: RedisBusOptions,
  ) {
    this.trimIntervalMs = options.trimIntervalMs ?? 1000;
    this.watchReconnects(client);
  }

  static async connect(url: string, keyPrefix = "sb:", options: RedisBusOptions = {}): Promise<RedisBus> {
    const client = createClient({ url });
    client.on("error", () => {
      // Reconnection is automatic; commands issued meanwhile reject with the cause.
    });
    await client.connect();
    return new RedisBus(url, client, keyPrefix, options);
  }

  private key(name: string): string {
    return this.keyPrefix + name;
  }

  private async blockingClient(name: string): Promise<RedisClient> {
    let client = this.blockingClients.get(name);
    if (!client) {
      client = this.client.duplicate();
      client.on("error", () => {});
      this.blockingClients.set(name, client);
      await client.connect();
    }
    return client;
  }

  async append(stream: string, data: string): Promise<string> {
    return this.client.xAdd(this.key(stream), "*", { [DATA_FIELD]: data });
  }

  async ensureGroup(stream: string, group: string): Promise<void> {
    try {
      await this.client.xGroupCreate(this.key(stream), group, "0", { MKSTREAM: true });
    } catch (error) {
      if (!String(error).includes("BUSYGROUP")) throw error;
    }
  }

  async readGroup(
    stream: string,
    group: string,
    consumer: string,
    options: { count: number; blockMs: number },
  ): Promise<StreamEntry[]> {
    const client =
      options.blockMs > 0
        ? await this.blockingClient(`${stream}\u0000${group}\u0000${consumer}`)
        : this.client;
    const reply = (await client.xReadGroup(
      group,
      consumer,
      { key: this.key(stream), id: ">" },
      options.blockMs > 0 ? { COUNT: options.count, BLOCK: options.blockMs } : { COUNT: options.count },
    )) as { name: string; messages: RawStreamMessage[] }[] | null;
    return toEntries(reply?.[0]?.messages, 1);
  }

  async readPending(stream: string, group: string, consumer: string, count: number): Promise<StreamEntry[]> {
    const reply = (await this.client.xReadGroup(
      group,
      consumer,
      { key: this.key(stream), id: "0" },
      { COUNT: count },
    )) as { name: string; messages: RawStreamMessage[] }[] | null;
    return toEntries(reply?.[0]?.messages, 2);
  }

  async claimIdle(
    stream: string,
    group: string,
    consumer: string,
    minIdleMs: number,
    count: number,
  ): Promise<StreamEntry[]> {
    const reply = (await this.client.xAutoClaim(this.key(stream), group, consumer, minIdleMs, "0-0", {
      COUNT: count,
    })) as { messages: (RawStreamMessage | null)[] };
    return toEntries(reply.messages, 2);
  }

  async ack(stream: string, group: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.client.xAck(this.key(stream), group, ids);
    const nowMs = Date.now();
    if (nowMs - (this.lastTrimMs.get(stream) ?? 0) < this.trimIntervalMs) return;
    this.lastTrimMs.set(stream, nowMs);
    // Housekeeping only: a failed trim leaves the entries for the next one.
    await this.trimAcked(stream).catch(() => {});
  }

  async streamLength(stream: string): Promise<number> {
    return this.client.xLen(this.key(stream));
  }

  async groupBacklogs(stream: string): Promise<GroupBacklog[]> {
    const key = this.key(stream);
    // XINFO GROUPS answers an error for a key that does not exist.
    if ((await this.client.exists(key)) === 0) return [];
    const groups = (await this.client.sendCommand(["XINFO", "GROUPS", key])) as unknown[][];
    return Promise.all(
      groups.map(async (group) => {
        let lag = groupField(group, "lag");
        // Redis 7 reports lag as nil when it cannot tell (entries deleted after the group's
        // last delivered one): then count what follows it.
        if (lag === null || lag === undefined) {
          const after = (await this.client.sendCommand([
            "XRANGE",
            key,
            `(${String(groupField(group, "last-delivered-id"))}`,
            "+",
          ])) as unknown[];
          lag = after.length;
        }
        return {
          group: String(groupField(group, "name")),
          pending: Number(groupField(group, "pending")),
          lag: Number(lag),
        };
      }),
    );
  }

  /**
   * Drops entries every group has acked: everything older than the oldest entry some group
   * still has pending or has not read yet (XTRIM MINID, approximate so Redis removes whole
   * internal nodes). A stream with no group is left alone.
   */
  private async trimAcked(stream: string): Promise<void> {
    const key = this.key(stream);
    const groups = (await this.client.sendCommand(["XINFO", "GROUPS", key])) as unknown[][];
    if (groups.length === 0) return;
    let keepFrom: string | null = null;
    for (const group of groups) {
      let oldestNeeded = String(groupField(group, "last-delivered-id"));
      if (Number(groupField(group, "pending")) > 0) {
        const summary = (await this.client.sendCommand([
          "XPENDING",
          key,
          String(groupField(group, "name")),
        ])) as unknown[];
        oldestNeeded = String(summary[1]);
      }
      if (keepFrom === null || compareStreamIds(oldestNeeded, keepFrom) < 0) keepFrom = oldestNeeded;
    }
    if (keepFrom !== null && keepFrom !== "0-0")
      await this.client.sendCommand(["XTRIM", key, "MINID", "~", keepFrom]);
  }

  async hashSet(key: string, field: string, value: string): Promise<void> {
    await this.client.hSet(this.key(key), field, value);
  }

  async hashGet(key: string, field: string): Promise<string | null> {
    return (await this.client.hGet(this.key(key), field)) ?? null;
  }

  async hashGetAll(key: string): Promise<Record<string, string>> {
    return (await this.client.hGetAll(this.key(key))) as Record<string, string>;
  }

  async hashDelete(key: string, field: string): Promise<void> {
    await this.client.hDel(this.key(key), field);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(this.key(channel), message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    if (!this.subscriber) {
      this.subscriber = this.client.duplicate();
      this.subscriber.on("error", () => {});
      await this.subscriber.connect();
      this.watchReconnects(this.subscriber);
    }
    const subscriber = this.subscriber;
    const listener = (message: string) => handler(message);
    await subscriber.subscribe(this.key(channel), listener);
    return async () => {
      await subscriber.unsubscribe(this.key(channel), listener);
    };
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => {
      this.reconnectHandlers.delete(handler);
    };
  }

  /**
   * node-redis reconnects by itself (and resubscribes); a 'ready' after the first, which
   * `connect()` has already awaited, is a reconnection. Either the command or the subscriber
   * connection coming back counts: the subscriber's gap is where messages were missed.
   */
  private watchReconnects(client: RedisClient): void {
    client.on("ready", () => {
      for (const handler of this.reconnectHandlers) handler();
    });
  }

  async incrementWindow(key: string, windowMs: number): Promise<WindowCount> {
    const nowMs = Date.now();
    const windowIndex = Math.floor(nowMs / windowMs);
    const redisKey = this.key(`window:${key}:${windowIndex}`);
    const replies = await this.client
      .multi()
      .incr(redisKey)
      .pExpire(redisKey, windowMs * 2)
      .exec();
    const count = Number(replies[0]);
    return { count, resetAtMs: (windowIndex + 1) * windowMs };
  }

  // --- Leases: the key layout is described in redis-lease-scripts.ts ---

  private get leaseBase(): string {
    return this.key("{leases}:");
  }

  async acquireLease(
    scope: string,
    leaseId: string,
    holder: string,
    cap: number,
    ttlMs: number,
  ): Promise<LeaseGrant> {
    const base = this.leaseBase;
    const [ok, count, created] = (await runScript(
      this.client,
      ACQUIRE_LEASE,
      [`${base}scope:${scope}`, `${base}owner:${scope}`, `${base}holder:${holder}`],
      [leaseId, holder, String(cap), String(Math.ceil(ttlMs)), scope],
    )) as [number, number, number];
    return ok === 1 ? { ok: true, count, created: created === 1 } : { ok: false, count };
  }

  async releaseLease(scope: string, leaseId: string): Promise<boolean> {
    const base = this.leaseBase;
    const released = await runScript(
      this.client,
      RELEASE_LEASE,
      [`${base}scope:${scope}`, `${base}owner:${scope}`],
      [leaseId, scope, `${base}holder:`],
    );
    return released === 1;
  }

  async renewLeases(holder: string, ttlMs: number): Promise<number> {
    const base = this.leaseBase;
    return Number(
      await runScript(
        this.client,
        RENEW_LEASES,
        [`${base}holder:${holder}`],
        [holder, String(Math.ceil(ttlMs)), base],
      ),
    );
  }

  async reclaimLeases(holder: string): Promise<number> {
    const base = this.leaseBase;
    return Number(await runScript(this.client, RECLAIM_LEASES, [`${base}holder:${holder}`], [holder, base]));
  }

  async countLeases(scope: string): Promise<number> {
    return Number(await runScript(this.client, COUNT_LEASES, [`${this.leaseBase}scope:${scope}`], []));
  }

  async close(): Promise<void> {
    const clients = [this.client, this.subscriber, ...this.blockingClients.values()];
    this.subscriber = null;
    this.blockingClients.clear();
    await Promise.all(clients.map((client) => (client?.isOpen ? client.destroy() : undefined)));
  }

  get connectionUrl(): string {
    return this.url;
  }
}
