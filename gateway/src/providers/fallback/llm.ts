// An LLM that is the first of its providers to answer without a retryable failure.
import type { LlmEvent, LlmProvider, LlmRequest, ProviderError } from "../types.ts";
import { fallbackStream } from "./stream.ts";

export class FallbackLlm implements LlmProvider {
  readonly name: string;

  constructor(
    private readonly providers: LlmProvider[],
    private readonly onSwitch?: (from: string, to: string, error: ProviderError) => void,
  ) {
    if (providers.length === 0) throw new Error("FallbackLlm needs at least one provider");
    this.name = providers.map((provider) => provider.name).join(">");
  }

  stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    return fallbackStream(
      this.providers.map((provider) => ({
        provider: provider.name,
        start: () => provider.stream(request, signal),
      })),
      this.onSwitch,
    );
  }
}
