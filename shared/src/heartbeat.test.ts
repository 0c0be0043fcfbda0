import { expect, test } from "bun:test";
import { MemoryBus } from "./bus/memory.ts";
import { Hashes } from "./bus/topics.ts";
import { encodeHeartbeat, leaseTtlMs, parseHeartbeat, startHeartbeat } from "./heartbeat.ts";
import { waitFor } from "./testing/wait-for.ts";

test("heartbeats round-trip, and bare epoch numbers are read too", () => {
  expect(parseHeartbeat(encodeHeartbeat({ last_seen_ms: 5, started_ms: 2 }))).toEqual({
    last_seen_ms: 5,
    started_ms: 2,
  });
  expect(parseHeartbeat("1700000000000")).toEqual({ last_seen_ms: 1_700_000_000_000, started_ms: null });
  expect(parseHeartbeat("{}")).toBeNull();
  expect(parseHeartbeat("nope")).toBeNull();
  expect(parseHeartbeat(undefined)).toBeNull();
});

test("a gateway beats at once and on every interval, and removes its entry on stop", async () => {
  const bus = new MemoryBus();
  const errors: unknown[] = [];
  const before = Date.now();
  const writer = startHeartbeat(bus, "gw-1", 50, (error) => errors.push(error));
  const beat = async () => parseHeartbeat(await bus.hashGet(Hashes.gatewayHeartbeats, "gw-1"));
  const first = await waitFor("the first heartbeat", beat);
  expect(first.started_ms!).toBeGreaterThanOrEqual(before);
  const later = await waitFor("a later heartbeat", async () => {
    const next = await beat();
    return next !== null && next.last_seen_ms > first.last_seen_ms && next;
  });
  expect(later.started_ms).toBe(first.started_ms);
  await writer.stop();
  expect(await bus.hashGet(Hashes.gatewayHeartbeats, "gw-1")).toBeNull();
  expect(errors).toEqual([]);
  await bus.close();
});

test("each beat renews the gateway's leases past their TTL; stopping ends them", async () => {
  const bus = new MemoryBus();
  const errors: unknown[] = [];
  const ttlMs = leaseTtlMs(50);
  expect((await bus.acquireLease("calls:org_1", "call_live", "gw-1", 5, ttlMs)).ok).toBe(true);
  expect((await bus.acquireLease("calls:org_1", "call_of_dead_gw", "gw-dead", 5, ttlMs)).ok).toBe(true);
  const renewedCounts: number[] = [];
  const writer = startHeartbeat(
    bus,
    "gw-1",
    50,
    (error) => errors.push(error),
    async (renewed) => renewedCounts.push(renewed),
  );
  // Poll until the unrenewed lease has expired and then some: the renewed one is counted throughout.
  const longAfterTtl = Date.now() + 3 * ttlMs;
  await waitFor(
    "the unrenewed lease to expire, three TTLs on",
    async () => {
      const count = await bus.countLeases("calls:org_1");
      expect(count).toBeGreaterThanOrEqual(1);
      return count === 1 && Date.now() >= longAfterTtl;
    },
    { timeoutMs: 5000, intervalMs: 20 },
  );
  expect(await bus.releaseLease("calls:org_1", "call_of_dead_gw")).toBe(false);
  // Each beat reports how many of the gateway's leases it found to renew.
  expect(renewedCounts.length).toBeGreaterThan(2);
  expect(new Set(renewedCounts)).toEqual(new Set([1]));
  await writer.stop();
  expect(await bus.countLeases("calls:org_1")).toBe(0);
  expect(errors).toEqual([]);
  await bus.close();
});
