import { describe, expect, test } from "bun:test";
import { waitFor } from "./wait-for.ts";

describe("waitFor", () => {
  test("returns the probe's first truthy value, sync or async", async () => {
    let calls = 0;
    expect(
      await waitFor("the third probe", () => (++calls >= 3 ? { calls } : null), { intervalMs: 1 }),
    ).toEqual({
      calls: 3,
    });
    expect(await waitFor("an async value", async () => "ready")).toBe("ready");
  });

  test("treats null, undefined, false, 0 and the empty string as not yet", async () => {
    const values: unknown[] = [null, undefined, false, 0, "", 7];
    expect(await waitFor("a non-zero count", () => values.shift() as number, { intervalMs: 1 })).toBe(7);
    expect(values).toEqual([]);
  });

  test("throws naming what it waited for and for how long", async () => {
    let calls = 0;
    const started = performance.now();
    const error = await waitFor(
      "the answer",
      () => {
        calls++;
        return false;
      },
      { timeoutMs: 60, intervalMs: 5 },
    ).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("timed out after 60 ms waiting for the answer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(60);
    expect(calls).toBeGreaterThan(2);
  });

  test("probes once more at the deadline", async () => {
    const started = performance.now();
    const value = await waitFor(
      "a value that turns up during the last pause",
      () => (performance.now() - started >= 50 ? "late" : null),
      { timeoutMs: 50, intervalMs: 1_000 },
    );
    expect(value).toBe("late");
  });

  test("a probe that throws fails at once with its own error", async () => {
    const started = performance.now();
    await expect(
      waitFor("never", () => {
        throw new Error("probe broke");
      }),
    ).rejects.toThrow("probe broke");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
