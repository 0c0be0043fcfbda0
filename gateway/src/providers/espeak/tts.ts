// Local espeak-ng, always run as a separate process (it is GPL: spawned, never linked).
// `--stdout` writes a 22050 Hz WAV as it synthesises; text goes in on stdin.
import { wavProcessStream } from "../base/process-tts.ts";
import type { TtsOptions, TtsProvider } from "../types.ts";

const ESPEAK_DEFAULT_WORDS_PER_MINUTE = 175;

interface EspeakOptions {
  binary?: string;
}

export class EspeakTts implements TtsProvider {
  readonly name = "espeak";

  constructor(private readonly options: EspeakOptions = {}) {}

  synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    const wordsPerMinute = Math.round(ESPEAK_DEFAULT_WORDS_PER_MINUTE * (options.speed ?? 1));
    return wavProcessStream({
      provider: this.name,
      argv: [
        this.options.binary ?? "espeak-ng",
        "--stdout",
        "--stdin",
        "-v",
        options.voiceId || "en-us",
        "-s",
        String(wordsPerMinute),
      ],
      stdinText: text,
      outRateHz: options.sampleRateHz,
      signal,
    });
  }
}
