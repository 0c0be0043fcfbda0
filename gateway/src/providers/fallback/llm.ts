// An LLM that is the first of its providers to answer without a retryable failure.
import type { LlmEvent, LlmProvider, LlmRequest, ProviderError } from "../types.ts";
import { fallbackStream } from "./stream.ts";

interface LlmChoice {
  provider: LlmProvider;
  /** Each provider has its own model names; these replace the request's when set. */
  model?: string;
  temperature?: number;
  maxTokens?: number;
}

export class FallbackLlm implements LlmProvider {
  readonly name: string;

  constructor(
    private readonly choices: LlmChoice[],
    private readonly onSwitch?: (from: string, to: string, error: ProviderError) => void,
  ) {
    if (choices.length === 0) throw new Error("FallbackLlm needs at least one provider");
    this.name = choices.map((choice) => choice.provider.name).join(">");
  }

  stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    return fallbackStream(
      this.choices.map(({ provider, model, temperature, maxTokens }) => ({
        provider: provider.name,
        start: () =>
          provider.stream(
            {
              ...request,
              model: model ?? request.model,
              temperature: temperature ?? request.temperature,
              maxTokens: maxTokens ?? request.maxTokens,
            },
            signal,
          ),
      })),
      this.onSwitch,
    );
  }
}
