// OpenAI transcription of VAD-cut segments: audio is buffered between flushes and each
// segment goes as one multipart WAV to POST /audio/transcriptions.

import { PcmBuffer } from "../../media/pcm-buffer.ts";
import { toProviderError } from "../base/errors.ts";
import { encodeWav } from "../base/wav.ts";
import {
  ProviderError,
  type SttOptions,
  type SttProvider,
  type SttSession,
  type TranscriptEvent,
} from "../types.ts";
import { type OpenAiConnection, openAiPost } from "./client.ts";

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
    const maxSamples = (options.sampleRateHz * MAX_SEGMENT_MS) / 1000;
    const controller = new AbortController();
    // The segment since the last flush, copied in frame by frame.
    const buffered = new PcmBuffer(maxSamples);
    // Segments are transcribed one after another so finals arrive in speaking order.
    let queue = Promise.resolve();

    const transcribe = async (wav: Uint8Array) => {
      try {
        const form = new FormData();
        form.append("file", new Blob([wav as Uint8Array<ArrayBuffer>], { type: "audio/wav" }), "segment.wav");
        form.append("model", options.model);
        if (options.language) form.append("language", options.language);
        form.append("response_format", "json");
        const response = await openAiPost(
          this.name,
          this.connection,
          "/audio/transcriptions",
          form,
          controller.signal,
        );
        const result = (await response.json()) as { text?: unknown };
        if (typeof result.text !== "string") {
          throw new ProviderError(this.name, "transcription response has no text", true);
        }
        if (controller.signal.aborted) return;
        onTranscript({ text: result.text.trim(), isFinal: true, endOfSpeech: true });
      } catch (error) {
        if (!controller.signal.aborted) onError(toProviderError(this.name, error));
      }
    };

    return {
      sendAudio(pcm: Int16Array) {
        buffered.append(pcm);
      },
      flush() {
        if (buffered.length === 0) {
          onTranscript({ text: "", isFinal: true, endOfSpeech: true });
          return;
        }
        // Encoded now: the WAV is the segment's own copy, and the buffer takes the next one.
        const wav = encodeWav(buffered.view(), options.sampleRateHz);
        buffered.clear();
        queue = queue.then(() => transcribe(wav));
      },
      async close() {
        controller.abort();
        buffered.clear();
        await queue;
      },
    };
  }
}
