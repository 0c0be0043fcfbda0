// One streamed provider request with timeouts, retries and metrics. Retries happen only while
// nothing has been yielded: once the caller has seen output, a failure is passed on as is.
import { ProviderError } from "../types.ts";
import { isAbortError, ProviderAbortError, timeoutError, toProviderError } from "./errors.ts";
import { type ProviderFamily, type ProviderMetrics, providerMetrics } from "./metrics.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy, sleep } from "./policy.ts";

interface ResilientStreamOptions<T> {
  family: ProviderFamily;
  provider: string;
  policy?: Partial<RetryPolicy>;
  metrics?: ProviderMetrics;
  signal: AbortSignal;
  /** Starts one attempt; must stop its I/O when `signal` aborts. */
  start: (signal: AbortSignal) => AsyncIterable<T>;
}

export async function* resilientStream<T>(options: ResilientStreamOptions<T>): AsyncGenerator<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const metrics = options.metrics ?? providerMetrics;
  for (let attempt = 1; ; attempt++) {
    if (options.signal.aborted) throw new ProviderAbortError();
    const attemptController = new AbortController();
    const forwardAbort = () => attemptController.abort(new ProviderAbortError());
    options.signal.addEventListener("abort", forwardAbort, { once: true });
    const startedAt = performance.now();
    let firstOutputMs: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let rejectStalled: (error: unknown) => void = () => {};
    const stalled = new Promise<never>((_, reject) => {
      rejectStalled = reject;
    });
    stalled.catch(() => {});
    const arm = (timeoutMs: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const error = timeoutError(options.provider, what, timeoutMs);
        rejectStalled(error);
        attemptController.abort(error);
      }, timeoutMs);
    };
    const onAbort = () => rejectStalled(new ProviderAbortError());
    options.signal.addEventListener("abort", onAbort, { once: true });
    let iterator: AsyncIterator<T> | undefined;
    try {
      iterator = options.start(attemptController.signal)[Symbol.asyncIterator]();
      while (true) {
        // The clock runs only while waiting on the provider, not while the consumer holds a value.
        if (firstOutputMs === null) arm(policy.firstOutputTimeoutMs, "first output");
        else arm(policy.idleTimeoutMs, "stream");
        const next = await Promise.race([iterator.next(), stalled]);
        clearTimeout(timer);
        if (next.done) break;
        if (firstOutputMs === null) firstOutputMs = performance.now() - startedAt;
        yield next.value;
      }
      clearTimeout(timer);
      record(metrics, options, attempt, startedAt, firstOutputMs, null);
      return;
    } catch (error) {
      clearTimeout(timer);
      attemptController.abort(new ProviderAbortError());
      if (options.signal.aborted || (isAbortError(error) && !(error instanceof ProviderError))) {
        throw new ProviderAbortError();
      }
      const failure = toProviderError(options.provider, error);
      record(metrics, options, attempt, startedAt, firstOutputMs, failure);
      const mayRetry = failure.retryable && firstOutputMs === null && attempt < policy.maxAttempts;
      if (!mayRetry) throw failure;
      await sleep(backoffDelayMs(policy, attempt), options.signal).catch(() => {
        throw new ProviderAbortError();
      });
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener("abort", forwardAbort);
      options.signal.removeEventListener("abort", onAbort);
      // Ends the attempt's I/O when the consumer stopped early (break, barge-in).
      attemptController.abort(new ProviderAbortError());
      iterator?.return?.().catch(() => {});
    }
  }
}

function record<T>(
  metrics: ProviderMetrics,
  options: ResilientStreamOptions<T>,
  attempt: number,
  startedAt: number,
  firstOutputMs: number | null,
  failure: ProviderError | null,
): void {
  metrics.record({
    family: options.family,
    provider: options.provider,
    firstOutputMs,
    durationMs: performance.now() - startedAt,
    ok: failure === null,
    ...(failure ? { retryable: failure.retryable, status: failure.status } : {}),
    attempt,
  });
}
