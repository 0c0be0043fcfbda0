import { expect, test } from "bun:test";
import { startBatchConsumer, startConsumer } from "./consumer.ts";
import { MemoryBus } from "./memory.ts";

/** The in-process bus, telling when a consumer starts waiting for new entries. */
class WatchedBus extends MemoryBus {
  onRead: (() => void) | null = null;
  override readGroup(...args: Parameters<MemoryBus["readGroup"]>) {
    this.onRead?.();
    return super.readGroup(...args);
  }
}

test("an entry delivered while the consumer is stopping is handled and acked, not left pending", async () => {
  const bus = new WatchedBus();
  const waiting = new Promise<void>((resolve) => {
    bus.onRead = resolve;
  });
  const seen: string[] = [];
  const consumer = startConsumer(
    bus,
    { stream: "events", group: "g", consumer: "c", blockMs: 5000, claimIdleMs: 60_000 },
    async (entry) => {
      seen.push(entry.data);
    },
  );
  await waiting;
  const startedMs = Date.now();
  const stopping = consumer.stop();
  await bus.append("events", "late");
  await stopping;
  expect(Date.now() - startedMs).toBeLessThan(2000);
  expect(seen).toEqual(["late"]);
  expect(await bus.readPending("events", "g", "c", 10)).toEqual([]);
  await bus.close();
});

test("entries that arrive while the consumer gathers after a read are handled as one batch", async () => {
  const bus = new MemoryBus();
  const batches: string[][] = [];
  const { promise: handledFirst, resolve: firstHandled } = Promise.withResolvers<void>();
  const { promise: handledAll, resolve: allHandled } = Promise.withResolvers<void>();
  const consumer = startBatchConsumer(
    bus,
    { stream: "events", group: "g", consumer: "c", blockMs: 5000, claimIdleMs: 60_000, gatherMs: 1000 },
    async (entries) => {
      batches.push(entries.map((entry) => entry.data));
      if (batches.length === 1) firstHandled();
      if (batches.flat().length === 3) allHandled();
      return entries.map((entry) => entry.id);
    },
  );
  await bus.append("events", "first");
  await handledFirst;
  // Two entries 20 ms apart: without the gather the consumer, already waiting, reads each alone.
  await bus.append("events", "second");
  await Bun.sleep(20);
  await bus.append("events", "third");
  await handledAll;
  await consumer.stop();
  expect(batches).toEqual([["first"], ["second", "third"]]);
  expect(await bus.readPending("events", "g", "c", 10)).toEqual([]);
  await bus.close();
});

test("stop() ends a gather at once", async () => {
  const bus = new MemoryBus();
  const { promise: handledOne, resolve: handled } = Promise.withResolvers<void>();
  const consumer = startBatchConsumer(
    bus,
    { stream: "events", group: "g", consumer: "c", blockMs: 5000, claimIdleMs: 60_000, gatherMs: 60_000 },
    async (entries) => {
      handled();
      return entries.map((entry) => entry.id);
    },
  );
  await bus.append("events", "one");
  await handledOne;
  const startedMs = Date.now();
  await consumer.stop();
  expect(Date.now() - startedMs).toBeLessThan(5000);
  await bus.close();
});
