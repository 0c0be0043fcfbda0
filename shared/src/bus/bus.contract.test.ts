import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "../testing/wait-for.ts";
import { startConsumer } from "./consumer.ts";
import type { Bus } from "./contract.ts";
import { MemoryBus } from "./memory.ts";
import { RedisBus } from "./redis.ts";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const backends: [string, () => Promise<Bus>][] = [
  ["memory", async () => new MemoryBus()],
  // Trimming on every ack, so the retention test need not wait out the once-a-second default.
  ["redis", () => RedisBus.connect(redisUrl, `sbtest:${crypto.randomUUID()}:`, { trimIntervalMs: 0 })],
];

for (const [name, connect] of backends) {
  describe(`bus contract: ${name}`, () => {
    let bus: Bus;
    beforeAll(async () => {
      bus = await connect();
    });
    afterAll(async () => {
      await bus.close();
    });

    test("a group delivers each entry once, in order, and acked entries are not redelivered", async () => {
      await bus.ensureGroup("s1", "g");
      await bus.ensureGroup("s1", "g"); // idempotent
      const ids = [await bus.append("s1", "a"), await bus.append("s1", "b"), await bus.append("s1", "c")];
      const first = await bus.readGroup("s1", "g", "c1", { count: 2, blockMs: 0 });
      expect(first.map((e) => e.data)).toEqual(["a", "b"]);
      expect(first.map((e) => e.id)).toEqual(ids.slice(0, 2));
      const second = await bus.readGroup("s1", "g", "c2", { count: 10, blockMs: 0 });
      expect(second.map((e) => e.data)).toEqual(["c"]);
      await bus.ack("s1", "g", ids);
      expect(await bus.readPending("s1", "g", "c1", 10)).toEqual([]);
      expect(await bus.readGroup("s1", "g", "c1", { count: 10, blockMs: 0 })).toEqual([]);
    });

    test("two groups each see every entry", async () => {
      await bus.ensureGroup("s2", "g1");
      await bus.ensureGroup("s2", "g2");
      await bus.append("s2", "x");
      expect((await bus.readGroup("s2", "g1", "c", { count: 10, blockMs: 0 })).map((e) => e.data)).toEqual([
        "x",
      ]);
      expect((await bus.readGroup("s2", "g2", "c", { count: 10, blockMs: 0 })).map((e) => e.data)).toEqual([
        "x",
      ]);
    });

    test("a blocking read wakes up when an entry is appended", async () => {
      await bus.ensureGroup("s3", "g");
      const reading = bus.readGroup("s3", "g", "c", { count: 10, blockMs: 5000 });
      // Not for correctness: gives the read time to block first, so the append has to wake it.
      await Bun.sleep(50);
      await bus.append("s3", "late");
      const entries = await reading;
      expect(entries.map((e) => e.data)).toEqual(["late"]);
    });

    test("a blocking read returns empty after its timeout", async () => {
      await bus.ensureGroup("s4", "g");
      const started = performance.now();
      expect(await bus.readGroup("s4", "g", "c", { count: 10, blockMs: 100 })).toEqual([]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    });

    test("unacked entries come back to the same consumer and can be claimed by another", async () => {
      await bus.ensureGroup("s5", "g");
      await bus.append("s5", "job");
      const [delivered] = await bus.readGroup("s5", "g", "dead", { count: 1, blockMs: 0 });
      expect(delivered?.data).toBe("job");
      const again = await bus.readPending("s5", "g", "dead", 10);
      expect(again.map((e) => e.data)).toEqual(["job"]);
      expect(await bus.claimIdle("s5", "g", "alive", 60_000, 10)).toEqual([]);
      const claimed = await waitFor("the entry to be idle for 20 ms and claimed", async () => {
        const entries = await bus.claimIdle("s5", "g", "alive", 20, 10);
        return entries.length > 0 && entries;
      });
      expect(claimed.map((e) => e.data)).toEqual(["job"]);
      expect(claimed[0]!.deliveries).toBeGreaterThan(1);
      expect(await bus.readPending("s5", "g", "dead", 10)).toEqual([]);
      await bus.ack("s5", "g", [claimed[0]!.id]);
      expect(await bus.claimIdle("s5", "g", "alive", 0, 10)).toEqual([]);
    });

    test("entries every group has acked leave the stream; unacked, unread and groupless ones stay", async () => {
      const ENTRIES = 300;
      for (let i = 0; i < ENTRIES; i++) await bus.append("s7", `e${i}`);
      await bus.append("s7-nobody", "kept");
      await bus.ensureGroup("s7", "fast");
      await bus.ensureGroup("s7", "slow");
      const read = await bus.readGroup("s7", "fast", "c", { count: ENTRIES, blockMs: 0 });
      expect(read).toHaveLength(ENTRIES);
      // All but the first acked by one group: the other group has read nothing yet.
      await bus.ack(
        "s7",
        "fast",
        read.slice(1).map((entry) => entry.id),
      );
      expect(await bus.streamLength("s7")).toBe(ENTRIES);
      const slow = await bus.readGroup("s7", "slow", "c", { count: ENTRIES, blockMs: 0 });
      await bus.ack(
        "s7",
        "slow",
        slow.map((entry) => entry.id),
      );
      // The first entry is still pending on "fast": nothing may go, and it still reads whole.
      expect(await bus.streamLength("s7")).toBe(ENTRIES);
      const pending = await bus.readPending("s7", "fast", "c", 10);
      expect(pending.map((entry) => entry.data)).toEqual(["e0"]);
      await bus.ack("s7", "fast", [pending[0]!.id]);
      // Redis trims whole internal nodes (100 entries by default): the newest one may stay.
      const left = await bus.streamLength("s7");
      expect(left).toBeLessThanOrEqual(100);
      await bus.append("s7", "after");
      const next = await bus.readGroup("s7", "fast", "c", { count: 10, blockMs: 0 });
      expect(next.map((entry) => entry.data)).toEqual(["after"]);
      expect(await bus.streamLength("s7-nobody")).toBe(1);
    });

    test("each group's backlog counts what it has not been given (lag) and not acked (pending)", async () => {
      expect(await bus.groupBacklogs("s8-unknown")).toEqual([]);
      for (const data of ["a", "b", "c", "d", "e"]) await bus.append("s8", data);
      await bus.ensureGroup("s8", "reader");
      await bus.ensureGroup("s8", "idle");
      const read = await bus.readGroup("s8", "reader", "c", { count: 3, blockMs: 0 });
      await bus.ack("s8", "reader", [read[0]!.id]);
      const byGroup = (backlogs: Awaited<ReturnType<Bus["groupBacklogs"]>>) =>
        Object.fromEntries(backlogs.map(({ group, ...counts }) => [group, counts]));
      expect(byGroup(await bus.groupBacklogs("s8"))).toEqual({
        reader: { pending: 2, lag: 2 },
        idle: { pending: 0, lag: 5 },
      });
      await bus.ack(
        "s8",
        "reader",
        read.map((entry) => entry.id),
      );
      await bus.readGroup("s8", "idle", "c", { count: 10, blockMs: 0 });
      await bus.append("s8", "f");
      expect(byGroup(await bus.groupBacklogs("s8"))).toEqual({
        reader: { pending: 0, lag: 3 },
        idle: { pending: 5, lag: 1 },
      });
    });

    test("the consumer loop acks after the handler and retries a failed entry", async () => {
      const seen: string[] = [];
      let failOnce = true;
      const consumer = startConsumer(
        bus,
        { stream: "s6", group: "g", consumer: "c", blockMs: 50, claimIdleMs: 50 },
        async (entry) => {
          if (entry.data === "flaky" && failOnce) {
            failOnce = false;
            throw new Error("transient");
          }
          seen.push(entry.data);
        },
      );
      await bus.append("s6", "one");
      await bus.append("s6", "flaky");
      await bus.append("s6", "two");
      await waitFor("the consumer to handle all three entries", () => seen.length >= 3, { timeoutMs: 5000 });
      await consumer.stop();
      expect(seen.sort()).toEqual(["flaky", "one", "two"]);
      expect(await bus.readPending("s6", "g", "c", 10)).toEqual([]);
    });

    test("hashes set, get, list and delete", async () => {
      await bus.hashSet("h", "a", "1");
      await bus.hashSet("h", "b", "2");
      await bus.hashSet("h", "a", "3");
      expect(await bus.hashGet("h", "a")).toBe("3");
      expect(await bus.hashGet("h", "zz")).toBeNull();
      expect(await bus.hashGetAll("h")).toEqual({ a: "3", b: "2" });
      await bus.hashDelete("h", "a");
      expect(await bus.hashGetAll("h")).toEqual({ b: "2" });
    });

    test("pub/sub delivers to every subscriber until it unsubscribes", async () => {
      const got1: string[] = [];
      const got2: string[] = [];
      const off1 = await bus.subscribe("ch", (m) => got1.push(m));
      const off2 = await bus.subscribe("ch", (m) => got2.push(m));
      await bus.publish("ch", "hello");
      await waitFor("both subscribers to get the first message", () => got1.length >= 1 && got2.length >= 1);
      expect(got1).toEqual(["hello"]);
      expect(got2).toEqual(["hello"]);
      await off1();
      await bus.publish("ch", "again");
      // The second subscriber's copy bounds the check that the first got nothing more.
      await waitFor("the remaining subscriber to get the second message", () => got2.length >= 2);
      expect(got1).toEqual(["hello"]);
      expect(got2).toEqual(["hello", "again"]);
      await off2();
    });

    test("leases: taken under the cap, refused at it; a held lease re-acquired counts once", async () => {
      const run = `gw-${crypto.randomUUID()}`;
      const scope = `calls:${crypto.randomUUID()}`;
      expect(await bus.acquireLease(scope, "c1", `${run}-a`, 2, 60_000)).toEqual({
        ok: true,
        count: 1,
        created: true,
      });
      expect(await bus.acquireLease(scope, "c2", `${run}-b`, 2, 60_000)).toEqual({
        ok: true,
        count: 2,
        created: true,
      });
      expect(await bus.acquireLease(scope, "c3", `${run}-a`, 2, 60_000)).toEqual({ ok: false, count: 2 });
      expect(await bus.acquireLease(scope, "c1", `${run}-a`, 2, 60_000)).toEqual({
        ok: true,
        count: 2,
        created: false,
      });
      // Scopes are counted apart.
      expect((await bus.acquireLease(`${scope}:other`, "c3", `${run}-a`, 2, 60_000)).ok).toBe(true);
      expect(await bus.countLeases(scope)).toBe(2);
      // A lower cap refuses new leases until enough end; it never ends the ones held.
      expect((await bus.acquireLease(scope, "c4", `${run}-a`, 1, 60_000)).ok).toBe(false);
      expect(await bus.countLeases(scope)).toBe(2);
    });

    test("leases: concurrent acquirers never take more than the cap", async () => {
      const run = `gw-${crypto.randomUUID()}`;
      const scope = `calls:${crypto.randomUUID()}`;
      const grants = await Promise.all(
        Array.from({ length: 20 }, (_, i) => bus.acquireLease(scope, `c${i}`, `${run}-${i % 3}`, 5, 60_000)),
      );
      expect(grants.filter((grant) => grant.ok)).toHaveLength(5);
      expect(await bus.countLeases(scope)).toBe(5);
    });

    test("leases: released exactly once; a second release or an unknown lease is harmless", async () => {
      const run = `gw-${crypto.randomUUID()}`;
      const scope = `calls:${crypto.randomUUID()}`;
      await bus.acquireLease(scope, "c1", `${run}-a`, 1, 60_000);
      expect(await bus.releaseLease(scope, "c1")).toBe(true);
      expect(await bus.releaseLease(scope, "c1")).toBe(false);
      expect(await bus.releaseLease(scope, "never-held")).toBe(false);
      expect(await bus.countLeases(scope)).toBe(0);
      // The slot is free once, not twice.
      expect((await bus.acquireLease(scope, "c2", `${run}-a`, 1, 60_000)).ok).toBe(true);
      expect((await bus.acquireLease(scope, "c3", `${run}-a`, 1, 60_000)).ok).toBe(false);
      // A released lease is gone from its holder too: renewing brings nothing back.
      await bus.releaseLease(scope, "c2");
      expect(await bus.renewLeases(`${run}-a`, 60_000)).toBe(0);
      expect(await bus.countLeases(scope)).toBe(0);
    });

    test("leases: expire unless their holder renews them; renewing never revives an expired one", async () => {
      const run = `gw-${crypto.randomUUID()}`;
      const scope = `calls:${crypto.randomUUID()}`;
      expect((await bus.acquireLease(scope, "kept", `${run}-live`, 2, 400)).ok).toBe(true);
      expect((await bus.acquireLease(scope, "lost", `${run}-dead`, 2, 400)).ok).toBe(true);
      // Only the live holder renews: its lease outlives the dead one's.
      await waitFor("the unrenewed lease to expire", async () => {
        expect(await bus.renewLeases(`${run}-live`, 400)).toBe(1);
        return (await bus.countLeases(scope)) === 1;
      });
      expect(await bus.renewLeases(`${run}-dead`, 60_000)).toBe(0);
      expect((await bus.acquireLease(scope, "next", `${run}-live`, 2, 60_000)).ok).toBe(true);
      expect(await bus.releaseLease(scope, "lost")).toBe(false);
      expect(await bus.releaseLease(scope, "kept")).toBe(true);
      // A full scope takes a new lease once an old one expires.
      const full = `calls:${crypto.randomUUID()}`;
      expect((await bus.acquireLease(full, "short", `${run}-dead`, 1, 100)).ok).toBe(true);
      expect((await bus.acquireLease(full, "waiting", `${run}-live`, 1, 60_000)).ok).toBe(false);
      await waitFor(
        "the expired lease to free its slot",
        async () => (await bus.acquireLease(full, "waiting", `${run}-live`, 1, 60_000)).ok,
      );
    });

    test("leases: reclaiming a holder ends all its leases in every scope and no one else's", async () => {
      const run = `gw-${crypto.randomUUID()}`;
      const first = `calls:${crypto.randomUUID()}`;
      const second = `calls:${crypto.randomUUID()}`;
      const gone = `${run}-gone`;
      await bus.acquireLease(first, "a1", gone, 5, 60_000);
      await bus.acquireLease(first, "a2", gone, 5, 60_000);
      await bus.acquireLease(second, "a3", gone, 5, 60_000);
      await bus.acquireLease(first, "b1", `${run}-other`, 5, 60_000);
      expect(await bus.reclaimLeases(gone)).toBe(3);
      expect(await bus.reclaimLeases(gone)).toBe(0);
      expect(await bus.countLeases(first)).toBe(1);
      expect(await bus.countLeases(second)).toBe(0);
      expect(await bus.renewLeases(`${run}-other`, 60_000)).toBe(1);
      // The call that ends later releases its reclaimed lease harmlessly.
      expect(await bus.releaseLease(first, "a1")).toBe(false);
      expect(await bus.releaseLease(first, "b1")).toBe(true);
    });

    test("window counters count within a window and reset in the next", async () => {
      const a = await bus.incrementWindow("k", 200);
      const b = await bus.incrementWindow("k", 200);
      if (a.resetAtMs === b.resetAtMs) expect(b.count).toBe(a.count + 1);
      expect(b.resetAtMs).toBeGreaterThan(Date.now() - 1);
      // Each window is a key of its own: the first increment that lands in a later one counts 1.
      const c = await waitFor("an increment in the next window", async () => {
        const next = await bus.incrementWindow("k", 200);
        return next.resetAtMs > b.resetAtMs && next;
      });
      expect(c.count).toBe(1);
      expect(c.resetAtMs).toBeGreaterThan(b.resetAtMs);
    });
  });
}
