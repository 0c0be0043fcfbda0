import { expect, test } from "bun:test";
import { PollLoop } from "./poll-loop.ts";

/** A pass that records its calls and lets the test decide when each one ends. */
function scriptedPasses() {
  const passes: Array<{ finish: (worked: boolean) => void }> = [];
  let notify: (() => void) | null = null;
  return {
    passes,
    pass: () =>
      new Promise<boolean>((resolve) => {
        passes.push({ finish: resolve });
        notify?.();
      }),
    /** Resolves once `count` passes have started. */
    started(count: number): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if (passes.length >= count) resolve();
          else notify = check;
        };
        check();
      });
    },
  };
}

// The idle wait is an hour: a test that passes never waited for it.
const HOUR_MS = 3_600_000;

test("work found: the next pass follows at once; none found: it waits until woken", async () => {
  const script = scriptedPasses();
  const loop = new PollLoop(script.pass, HOUR_MS, () => {});
  loop.start();
  await script.started(1);
  script.passes[0]!.finish(true);
  await script.started(2);
  script.passes[1]!.finish(false);
  await Promise.resolve();
  expect(script.passes).toHaveLength(2);
  loop.wake();
  await script.started(3);
  script.passes[2]!.finish(false);
  const stopped = loop.stop();
  await stopped;
  expect(script.passes).toHaveLength(3);
});

test("a wake that arrives during a pass is not lost", async () => {
  const script = scriptedPasses();
  const loop = new PollLoop(script.pass, HOUR_MS, () => {});
  loop.start();
  await script.started(1);
  loop.wake();
  script.passes[0]!.finish(false);
  await script.started(2);
  script.passes[1]!.finish(false);
  await loop.stop();
  expect(script.passes).toHaveLength(2);
});

test("a failing pass is reported and the loop goes on; stop lets the pass in hand finish", async () => {
  const errors: unknown[] = [];
  let calls = 0;
  let release: () => void = () => {};
  const loop = new PollLoop(
    async () => {
      calls++;
      if (calls === 1) throw new Error("database down");
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return false;
    },
    HOUR_MS,
    (error) => errors.push(error),
  );
  loop.start();
  loop.wake();
  while (calls < 2) await Promise.resolve();
  let stopped = false;
  const stopping = loop.stop().then(() => {
    stopped = true;
  });
  await Promise.resolve();
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(stopped).toBe(true);
  expect((errors[0] as Error).message).toBe("database down");
});
