// OpenAI speech: POST /audio/speech with response_format "pcm" (24 kHz mono s16le), read as
// it streams and resampled to the requested rate chunk by chunk.

import { pcmStream } from "../base/pcm-bytes.ts";
import { ProviderError, type TtsOptions, type TtsProvider } from "../types.ts";
import { type OpenAiConnection, openAiPost } from "./client.ts";

const OPENAI_PCM_SAMPLE_RATE_HZ = 24_000;

interface OpenAiTtsOptions extends OpenAiConnection {
  model: string;
}

export class OpenAiTts implements TtsProvider {
  readonly name = "openai";

  constructor(private readonly options: OpenAiTtsOptions) {}

  async *synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    const response = await openAiPost(
      this.name,
      this.options,
      "/audio/speech",
      {
        model: this.options.model,
        voice: options.voiceId,
        input: text,
        response_format: "pcm",
        ...(options.speed ? { speed: options.speed } : {}),
      },
      signal,
    );
    if (!response.body) throw new ProviderError(this.name, "empty audio response", true);
    yield* pcmStream(response.body, OPENAI_PCM_SAMPLE_RATE_HZ, options.sampleRateHz);
  }
}
