import { expect, test } from "bun:test";
import { startConsumer } from "./consumer.ts";
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
