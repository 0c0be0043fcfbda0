// The bus contract's onReconnect, on both backends; Redis on a server of the test's own,
// killed and restarted empty on the same port (the shared Redis is never restarted).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type OwnRedis, startOwnRedis } from "../testing/redis-server.ts";
import { waitFor } from "../testing/wait-for.ts";
import type { Bus } from "./contract.ts";
import { MemoryBus } from "./memory.ts";
import { RedisBus } from "./redis.ts";

let redis: OwnRedis;
beforeAll(async () => {
  redis = await startOwnRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const backends: [string, () => Promise<Bus>][] = [
  ["memory", async () => new MemoryBus()],
  ["redis", () => RedisBus.connect(redis.url, `sbtest:${crypto.randomUUID()}:`)],
];

for (const [name, connect] of backends) {
  describe(`bus contract: ${name}`, () => {
    test("onReconnect: a connection that never dropped reports nothing; the remover works", async () => {
      const bus = await connect();
      let reconnects = 0;
      const remove = bus.onReconnect(() => reconnects++);
      await bus.subscribe("reconnect-probe", () => {});
      await bus.hashSet("h", "f", "v");
      expect(await bus.hashGet("h", "f")).toBe("v");
      remove();
      remove();
      expect(reconnects).toBe(0);
      await bus.close();
    });
  });
}

describe("bus contract: redis", () => {
  test("onReconnect runs after a restart; hashes come back empty, subscriptions still deliver", async () => {
    const bus = await RedisBus.connect(redis.url, `sbtest:${crypto.randomUUID()}:`);
    const received: string[] = [];
    await bus.subscribe("after-restart", (message) => received.push(message));
    let reconnects = 0;
    const remove = bus.onReconnect(() => reconnects++);
    let removedCalls = 0;
    bus.onReconnect(() => removedCalls++)();
    await bus.hashSet("state", "kept", "no");

    await redis.restart();
    await waitFor("the reconnect to be reported", () => reconnects > 0);
    expect(removedCalls).toBe(0);
    expect(await bus.hashGet("state", "kept")).toBeNull();
    await bus.hashSet("state", "again", "yes");
    expect(await bus.hashGet("state", "again")).toBe("yes");
    // The subscriber reconnects on its own schedule; once it has, messages arrive again.
    await waitFor(
      "a message on the resubscribed channel",
      async () => {
        await bus.publish("after-restart", "hello");
        return received.includes("hello");
      },
      { intervalMs: 20 },
    );
    remove();
    await bus.close();
  });
});
