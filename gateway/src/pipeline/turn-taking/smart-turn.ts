// An end-of-turn audio model with Smart Turn v3's signature on onnxruntime-node: input
// `input_features` float32 [batch, 80, 800] (Whisper log-mel of the last 8 s at 16 kHz,
// whisper-features.ts), output [batch, 1], the probability that the turn is over. Batched across
// calls like the Silero VAD: the predictions asked for in one tick share one model run, and
// those asked for while a run is in flight share the next.
import * as ort from "onnxruntime-node";
import type { EndOfTurnModel } from "./end-of-turn-model.ts";
import { FRAMES, MELS, WhisperFeatures } from "./whisper-features.ts";

const FEATURES_PER_CALL = MELS * FRAMES;

interface PendingPrediction {
  audio: Float32Array;
  resolve: (probability: number) => void;
  reject: (error: unknown) => void;
}

interface SmartTurnStats {
  runs: number;
  /** Predictions answered (one per call per run). */
  predictions: number;
  failedRuns: number;
}

export interface SmartTurnOptions {
  /** Most calls in one model run. */
  maxBatch?: number;
}

export class SmartTurnModel implements EndOfTurnModel {
  readonly name = "smart-turn";
  readonly stats: SmartTurnStats = { runs: 0, predictions: 0, failedRuns: 0 };
  private readonly pending: PendingPrediction[] = [];
  private scheduled = false;
  private running = false;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly features: WhisperFeatures,
    private readonly maxBatch: number,
  ) {}

  /** Loads the weights and checks them with one run on silence; throws when they do not fit. */
  static async load(modelPath: string, options: SmartTurnOptions = {}): Promise<SmartTurnModel> {
    const session = await ort.InferenceSession.create(modelPath, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
    if (!session.inputNames.includes("input_features")) {
      throw new Error(`the model's inputs are ${session.inputNames.join(", ")}, not input_features`);
    }
    // The mel filters as transformers.js builds them for Whisper (loaded only with a model).
    const { WhisperFeatureExtractor } = await import("@huggingface/transformers");
    const extractor = new WhisperFeatureExtractor({
      feature_size: MELS,
      sampling_rate: 16_000,
      hop_length: 160,
      n_fft: 400,
    } as never) as unknown as { config: { mel_filters: number[][] } };
    const model = new SmartTurnModel(
      session,
      await WhisperFeatures.create(extractor.config.mel_filters),
      options.maxBatch ?? 64,
    );
    const probability = await model.predict(new Float32Array(16_000));
    if (!Number.isFinite(probability)) throw new Error("the model's output is not a probability");
    model.stats.runs = 0;
    model.stats.predictions = 0;
    return model;
  }

  predict(audio: Float32Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ audio, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.runBatch());
  }

  private async runBatch(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.running = true;
    try {
      const input = new Float32Array(batch.length * FEATURES_PER_CALL);
      for (const [b, prediction] of batch.entries()) {
        // One call's features take up to 6 ms on the event loop: let other calls' audio run between.
        if (b > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        this.features.compute(
          prediction.audio,
          input.subarray(b * FEATURES_PER_CALL, (b + 1) * FEATURES_PER_CALL),
        );
      }
      const outputs = await this.session.run({
        input_features: new ort.Tensor("float32", input, [batch.length, MELS, FRAMES]),
      });
      const output = outputs[this.session.outputNames[0]!]!.data as Float32Array;
      if (output.length !== batch.length)
        throw new Error(`expected ${batch.length} outputs, got ${output.length}`);
      this.stats.runs++;
      this.stats.predictions += batch.length;
      for (const [b, prediction] of batch.entries()) prediction.resolve(Math.min(1, Math.max(0, output[b]!)));
    } catch (error) {
      this.stats.failedRuns++;
      for (const prediction of batch) prediction.reject(error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
