// The STT family's base: connection timeout and retries on open, and per-utterance metrics
// (flush to final transcript), once for every STT adapter.
import type { ProviderError, SttOptions, SttProvider, SttSession, TranscriptEvent } from "../types.ts";
import { timeoutError, toProviderError } from "./errors.ts";
import type { BaseOptions } from "./llm.ts";
import { providerMetrics } from "./metrics.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, sleep } from "./policy.ts";

export function withSttBase(inner: SttProvider, options: BaseOptions = {}): SttProvider {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const metrics = options.metrics ?? providerMetrics;
  return {
    name: inner.name,
    async open(
      sttOptions: SttOptions,
      onTranscript: (event: TranscriptEvent) => void,
      onError: (error: ProviderError) => void,
    ): Promise<SttSession> {
      let flushedAt: number | null = null;
      let openedAt = performance.now();
      const record = (ok: boolean, error?: ProviderError, attempt = 1) =>
        metrics.record({
          family: "stt",
          provider: inner.name,
          firstOutputMs: ok && flushedAt !== null ? performance.now() - flushedAt : null,
          durationMs: performance.now() - (flushedAt ?? openedAt),
          ok,
          ...(error ? { retryable: error.retryable, status: error.status } : {}),
          attempt,
        });
      const transcript = (event: TranscriptEvent) => {
        if (event.isFinal && flushedAt !== null) {
          record(true);
          flushedAt = null;
        }
        onTranscript(event);
      };
      const failed = (error: ProviderError) => {
        record(false, error);
        onError(error);
      };
      for (let attempt = 1; ; attempt++) {
        openedAt = performance.now();
        try {
          const session = await withTimeout(
            inner.open(sttOptions, transcript, failed),
            policy.firstOutputTimeoutMs,
            inner.name,
          );
          return {
            sendAudio: (pcm) => session.sendAudio(pcm),
            flush: () => {
              flushedAt ??= performance.now();
              session.flush();
            },
            close: () => session.close(),
          };
        } catch (error) {
          const failure = toProviderError(inner.name, error);
          record(false, failure, attempt);
          if (!failure.retryable || attempt >= policy.maxAttempts) throw failure;
          await sleep(backoffDelayMs(policy, attempt), new AbortController().signal);
        }
      }
    },
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, provider: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(provider, "connect", timeoutMs)), timeoutMs);
  });
  // A session that opens after the timeout is closed so its socket does not leak.
  promise.then(
    (session) => {
      if (timedOut) (session as { close?: () => Promise<void> }).close?.().catch(() => {});
    },
    () => {},
  );
  return Promise.race([promise, timeout])
    .finally(() => clearTimeout(timer))
    .catch((error) => {
      timedOut = true;
      throw error;
    });
}
