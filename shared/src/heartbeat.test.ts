import { expect, test } from "bun:test";
import { MemoryBus } from "./bus/memory.ts";
import { Hashes } from "./bus/topics.ts";
import { encodeHeartbeat, parseHeartbeat, startHeartbeat } from "./heartbeat.ts";

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
  await Bun.sleep(10);
  const first = parseHeartbeat(await bus.hashGet(Hashes.gatewayHeartbeats, "gw-1"));
  expect(first).not.toBeNull();
  expect(first!.started_ms!).toBeGreaterThanOrEqual(before);
  await Bun.sleep(200);
  const later = parseHeartbeat(await bus.hashGet(Hashes.gatewayHeartbeats, "gw-1"));
  expect(later!.last_seen_ms).toBeGreaterThan(first!.last_seen_ms);
  expect(later!.started_ms).toBe(first!.started_ms);
  await writer.stop();
  expect(await bus.hashGet(Hashes.gatewayHeartbeats, "gw-1")).toBeNull();
  expect(errors).toEqual([]);
  await bus.close();
});
