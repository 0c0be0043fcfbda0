// The one polling wait for every package's tests. It never returns a boolean to ignore: either
// the probe's value or an error naming what was awaited. A probe that throws fails at once.
interface WaitForOptions {
  /** How long to keep probing (real time). */
  timeoutMs?: number;
  /** Pause between probes. */
  intervalMs?: number;
}

export const WAIT_FOR_DEFAULTS = { timeoutMs: 10_000, intervalMs: 10 } as const;

type Pending = null | undefined | false | 0 | "";

/**
 * Probes until `probe` returns a truthy value and returns that value; throws
 * `timed out after N ms waiting for <what>` when `timeoutMs` passes first. The probe runs
 * once more at the deadline, so a condition met during the last pause still counts.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Pending | Promise<T | Pending>,
  options: WaitForOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? WAIT_FOR_DEFAULTS.timeoutMs;
  const intervalMs = options.intervalMs ?? WAIT_FOR_DEFAULTS.intervalMs;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const expired = performance.now() >= deadline;
    const value = await probe();
    if (value) return value as T;
    if (expired) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await Bun.sleep(Math.max(0, Math.min(intervalMs, deadline - performance.now())));
  }
}
