import type { Bus, StreamEntry } from "./contract.ts";

interface ConsumerOptions {
  stream: string;
  group: string;
  consumer: string;
  batchSize?: number;
  blockMs?: number;
  /** Entries pending this long on any consumer (a dead one, say) are claimed. */
  claimIdleMs?: number;
  /**
   * After a read that was not full, wait this long before the next one, so that entries of a
   * busy stream arriving meanwhile are handled together (one transaction, one read, one ack)
   * rather than one read each. The first entry after a quiet spell is read at once.
   */
  gatherMs?: number;
  onError?: (error: unknown, entry: StreamEntry) => void;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * Reads a stream through a consumer group and acks each entry only after its handler
 * resolved, so an entry whose handler failed, or whose process died, is delivered again:
 * first this consumer's own pending entries, then new ones, and periodically entries left
 * pending by any consumer for `claimIdleMs`. Handlers must therefore be idempotent.
 */
export function startConsumer(
  bus: Bus,
  options: ConsumerOptions,
  handle: (entry: StreamEntry) => Promise<void>,
): RunningConsumer {
  return startBatchConsumer(bus, options, async (entries) => {
    const done: string[] = [];
    for (const entry of entries) {
      try {
        await handle(entry);
        done.push(entry.id);
      } catch (error) {
        options.onError?.(error, entry);
      }
    }
    return done;
  });
}

/**
 * As startConsumer, but the handler takes every entry of one read at once (up to
 * `batchSize`) and resolves with the ids it has finished; only those are acked, after it
 * resolved. Entries it leaves out are delivered again. It reports its own failures.
 */
export function startBatchConsumer(
  bus: Bus,
  options: ConsumerOptions,
  handleBatch: (entries: StreamEntry[]) => Promise<string[]>,
): RunningConsumer {
  const batchSize = options.batchSize ?? 32;
  const blockMs = options.blockMs ?? 1000;
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const gatherMs = options.gatherMs ?? 0;
  let running = true;
  let wakeFromGather: (() => void) | null = null;

  function gather(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        wakeFromGather = null;
        resolve();
      }, gatherMs);
      wakeFromGather = () => {
        clearTimeout(timer);
        wakeFromGather = null;
        resolve();
      };
    });
  }

  async function process(entries: StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const done = await handleBatch(entries);
    await bus.ack(options.stream, options.group, done);
  }

  const loop = (async () => {
    await bus.ensureGroup(options.stream, options.group);
    await process(await bus.readPending(options.stream, options.group, options.consumer, 1000));
    let lastClaimMs = 0;
    while (running) {
      try {
        if (Date.now() - lastClaimMs >= Math.min(claimIdleMs, 5000)) {
          lastClaimMs = Date.now();
          await process(
            await bus.claimIdle(options.stream, options.group, options.consumer, claimIdleMs, batchSize),
          );
        }
        const entries = await bus.readGroup(options.stream, options.group, options.consumer, {
          count: batchSize,
          blockMs,
        });
        // Entries read as stop() began are handled and acked too: they are already delivered.
        await process(entries);
        if (gatherMs > 0 && running && entries.length > 0 && entries.length < batchSize) await gather();
      } catch (error) {
        if (!running) break;
        options.onError?.(error, { id: "", data: "", deliveries: 0 });
        // A flushed or restarted Redis lost the group with its stream: make it again.
        if (String(error).includes("NOGROUP"))
          await bus.ensureGroup(options.stream, options.group).catch(() => {});
        await Bun.sleep(250);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      wakeFromGather?.();
      await loop.catch(() => {});
    },
  };
}
