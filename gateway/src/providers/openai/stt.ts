// OpenAI transcription of VAD-cut segments: audio is buffered between flushes and each
// segment goes as one multipart WAV to POST /audio/transcriptions.
import { toFile } from "openai";
import { toProviderError } from "../base/errors.ts";
import { encodeWav } from "../base/wav.ts";
import type { ProviderError, SttOptions, SttProvider, SttSession, TranscriptEvent } from "../types.ts";
import { type OpenAiConnection, openAiClient } from "./client.ts";

/** Longer segments are cut: the API takes up to 25 MB, and a turn is never this long. */
const MAX_SEGMENT_MS = 120_000;

export class OpenAiStt implements SttProvider {
  readonly name = "openai";

  constructor(private readonly connection: OpenAiConnection) {}

  async open(
    options: SttOptions,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession> {
    const client = openAiClient(this.connection);
    const maxSamples = (options.sampleRateHz * MAX_SEGMENT_MS) / 1000;
    const controller = new AbortController();
    let chunks: Int16Array[] = [];
    let bufferedSamples = 0;
    // Segments are transcribed one after another so finals arrive in speaking order.
    let queue = Promise.resolve();

    const transcribe = async (pcm: Int16Array) => {
      try {
        const file = await toFile(encodeWav(pcm, options.sampleRateHz), "segment.wav", { type: "audio/wav" });
        const result = await client.audio.transcriptions.create(
          {
            file,
            model: options.model,
            ...(options.language ? { language: options.language } : {}),
            response_format: "json",
          },
          { signal: controller.signal },
        );
        if (controller.signal.aborted) return;
        onTranscript({ text: result.text.trim(), isFinal: true, endOfSpeech: true });
      } catch (error) {
        if (!controller.signal.aborted) onError(toProviderError(this.name, error));
      }
    };

    return {
      sendAudio(pcm: Int16Array) {
        if (bufferedSamples + pcm.length > maxSamples) return;
        chunks.push(pcm.slice());
        bufferedSamples += pcm.length;
      },
      flush() {
        if (bufferedSamples === 0) {
          onTranscript({ text: "", isFinal: true, endOfSpeech: true });
          return;
        }
        const segment = new Int16Array(bufferedSamples);
        let offset = 0;
        for (const chunk of chunks) {
          segment.set(chunk, offset);
          offset += chunk.length;
        }
        chunks = [];
        bufferedSamples = 0;
        queue = queue.then(() => transcribe(segment));
      },
      async close() {
        controller.abort();
        chunks = [];
        await queue;
      },
    };
  }
}
