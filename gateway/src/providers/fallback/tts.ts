// A TTS that is the first of its providers to speak without a retryable failure.
import type { ProviderError, TtsOptions, TtsProvider } from "../types.ts";
import { fallbackStream } from "./stream.ts";

interface VoicedTtsProvider {
  provider: TtsProvider;
  /** Each provider has its own voice names; this one replaces options.voiceId when set. */
  voiceId?: string;
}

export class FallbackTts implements TtsProvider {
  readonly name: string;

  constructor(
    private readonly providers: VoicedTtsProvider[],
    private readonly onSwitch?: (from: string, to: string, error: ProviderError) => void,
  ) {
    if (providers.length === 0) throw new Error("FallbackTts needs at least one provider");
    this.name = providers.map((entry) => entry.provider.name).join(">");
  }

  synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    return fallbackStream(
      this.providers.map(({ provider, voiceId }) => ({
        provider: provider.name,
        start: () => provider.synthesize(text, voiceId ? { ...options, voiceId } : options, signal),
      })),
      this.onSwitch,
    );
  }
}
