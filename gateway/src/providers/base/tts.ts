// The TTS family's base: timeouts, retries before the first audio byte, and metrics, once.
import type { TtsOptions, TtsProvider } from "../types.ts";
import type { BaseOptions } from "./llm.ts";
import { resilientStream } from "./stream.ts";

export function withTtsBase(inner: TtsProvider, options: BaseOptions = {}): TtsProvider {
  return {
    name: inner.name,
    synthesize(text: string, ttsOptions: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
      return resilientStream({
        family: "tts",
        provider: inner.name,
        signal,
        ...options,
        start: (attemptSignal) => inner.synthesize(text, ttsOptions, attemptSignal),
      });
    },
  };
}
