// One browser call token starts one call, whichever transport (WHIP, a LiveKit room) and
// gateway comes first, on both bus backends.
import { afterAll, describe, expect, test } from "bun:test";
import type { Bus } from "../bus/contract.ts";
import { MemoryBus } from "../bus/memory.ts";
import { RedisBus } from "../bus/redis.ts";
import { claimCallStart } from "./call-token.ts";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const buses: Bus[] = [];
afterAll(() => Promise.all(buses.map((bus) => bus.close())));

describe.each([
  ["memory", async () => new MemoryBus()],
  ["redis", () => RedisBus.connect(redisUrl, `sbtest:${crypto.randomUUID()}:`)],
] as const)("claimCallStart on the %s bus", (_name, connect) => {
  test("the first claim of a call wins, later and concurrent ones lose; other calls are free", async () => {
    const bus = await connect();
    buses.push(bus);
    const expiresAt = new Date(Date.now() + 120_000);
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimCallStart(bus, "call_a", expiresAt)));
    expect(claims.filter(Boolean).length).toBe(1);
    expect(await claimCallStart(bus, "call_a", expiresAt)).toBe(false);
    expect(await claimCallStart(bus, "call_b", expiresAt)).toBe(true);
  });
});
