// Local Whisper through @huggingface/transformers (ONNX on onnxruntime-node). With MODELS_DIR
// set, models are read from there only (remote downloads off), so a missing model is a clear,
// non-retryable error at open instead of a hang on a network fetch; without it, a connected
// machine fetches the model from the hub once into the cache directory.
import { applyModelSource } from "@switchboard/shared/embeddings/transformers-env";
import {
  ProviderError,
  type SttOptions,
  type SttProvider,
  type SttSession,
  type TranscriptEvent,
} from "../types.ts";

const WHISPER_SAMPLE_RATE_HZ = 16_000;
const MAX_SEGMENT_SAMPLES = WHISPER_SAMPLE_RATE_HZ * 30;

interface WhisperOptions {
  /** Hub-style id of a model stored under modelsDir, e.g. `onnx-community/whisper-tiny.en`. */
  modelId: string;
  modelsDir: string | null;
  /** Where hub downloads are kept when modelsDir is not set (DATA_DIR/models). */
  cacheDir?: string;
}

type Recognizer = (
  audio: Float32Array,
  options?: Record<string, unknown>,
) => Promise<{ text: string } | Array<{ text: string }>>;

const recognizers = new Map<string, Promise<Recognizer>>();

async function loadRecognizer(options: WhisperOptions): Promise<Recognizer> {
  const key = `${options.modelsDir ?? ""}\n${options.modelId}`;
  let loading = recognizers.get(key);
  if (!loading) {
    loading = (async () => {
      const transformers = await import("@huggingface/transformers");
      applyModelSource(transformers.env, {
        modelsDir: options.modelsDir ?? null,
        cacheDir: options.cacheDir ?? null,
      });
      const recognizer = await transformers.pipeline("automatic-speech-recognition", options.modelId);
      return recognizer as unknown as Recognizer;
    })();
    recognizers.set(key, loading);
    loading.catch(() => recognizers.delete(key));
  }
  return loading;
}

export class WhisperStt implements SttProvider {
  readonly name = "whisper";

  constructor(private readonly options: WhisperOptions) {}

  async open(
    options: SttOptions,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession> {
    if (options.sampleRateHz !== WHISPER_SAMPLE_RATE_HZ) {
      throw new ProviderError(
        this.name,
        `needs ${WHISPER_SAMPLE_RATE_HZ} Hz audio, got ${options.sampleRateHz}`,
        false,
      );
    }
    let recognizer: Recognizer;
    try {
      recognizer = await loadRecognizer(this.options);
    } catch (error) {
      throw new ProviderError(
        this.name,
        `model ${this.options.modelId} could not be loaded ${this.options.modelsDir ? `from MODELS_DIR=${this.options.modelsDir}` : "from the hub (no network? put it under MODELS_DIR)"}: ${(error as Error).message}`,
        false,
      );
    }
    let samples = new Float32Array(MAX_SEGMENT_SAMPLES);
    let length = 0;
    let closed = false;
    let queue = Promise.resolve();
    const language = options.language.split("-")[0];
    return {
      sendAudio(pcm: Int16Array) {
        const room = Math.min(pcm.length, MAX_SEGMENT_SAMPLES - length);
        for (let i = 0; i < room; i++) samples[length + i] = (pcm[i] ?? 0) / 32768;
        length += room;
      },
      flush: () => {
        const segment = samples.slice(0, length);
        samples = new Float32Array(MAX_SEGMENT_SAMPLES);
        length = 0;
        queue = queue.then(async () => {
          if (closed) return;
          if (segment.length === 0) return onTranscript({ text: "", isFinal: true, endOfSpeech: true });
          try {
            const output = await recognizer(
              segment,
              this.options.modelId.endsWith(".en") ? {} : { language },
            );
            const text = (
              Array.isArray(output) ? output.map((part) => part.text).join(" ") : output.text
            ).trim();
            if (!closed) onTranscript({ text, isFinal: true, endOfSpeech: true });
          } catch (error) {
            if (!closed) onError(new ProviderError(this.name, (error as Error).message, false));
          }
        });
      },
      async close() {
        closed = true;
        await queue;
      },
    };
  }
}
