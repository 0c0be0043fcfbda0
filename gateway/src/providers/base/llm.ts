// The LLM family's base: timeouts, retries before the first token, and metrics, once.
import type { LlmEvent, LlmProvider, LlmRequest } from "../types.ts";
import type { ProviderMetrics } from "./metrics.ts";
import type { RetryPolicy } from "./policy.ts";
import { resilientStream } from "./stream.ts";

export interface BaseOptions {
  policy?: Partial<RetryPolicy>;
  metrics?: ProviderMetrics;
}

export function withLlmBase(inner: LlmProvider, options: BaseOptions = {}): LlmProvider {
  return {
    name: inner.name,
    stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
      return resilientStream({
        family: "llm",
        provider: inner.name,
        signal,
        ...options,
        start: (attemptSignal) => inner.stream(request, attemptSignal),
      });
    },
  };
}
