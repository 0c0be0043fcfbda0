// A scripted delay counts from when the request reached the stand-in, as a provider's latency
// does: the stand-in's own parsing must not add to it, or benchmarks would charge that time to
// the gateway.

/** Resolves at `deadlineMs` on the performance.now() clock (at once when already past). */
export function sleepUntil(deadlineMs: number): Promise<void> {
  const waitMs = deadlineMs - performance.now();
  return waitMs > 0 ? Bun.sleep(waitMs) : Promise.resolve();
}
