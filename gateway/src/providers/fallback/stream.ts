// Runs the same request on one provider after another: a retryable failure before any output
// moves on to the next; output already seen, a final error, or the last provider ends it.
import { isAbortError, toProviderError } from "../base/errors.ts";
import type { ProviderError } from "../types.ts";

interface FallbackAttempt<T> {
  provider: string;
  start: () => AsyncIterable<T>;
}

export async function* fallbackStream<T>(
  attempts: FallbackAttempt<T>[],
  onSwitch?: (from: string, to: string, error: ProviderError) => void,
): AsyncGenerator<T> {
  for (let index = 0; index < attempts.length; index++) {
    const attempt = attempts[index] as FallbackAttempt<T>;
    let produced = false;
    try {
      for await (const value of attempt.start()) {
        produced = true;
        yield value;
      }
      return;
    } catch (error) {
      if (isAbortError(error)) throw error;
      const failure = toProviderError(attempt.provider, error);
      const next = attempts[index + 1];
      if (produced || !failure.retryable || !next) throw failure;
      onSwitch?.(attempt.provider, next.provider, failure);
    }
  }
}
