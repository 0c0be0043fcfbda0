// Whisper-style log-mel features, the input of Smart Turn v3: the last 8 s of 16 kHz audio,
// left-padded with zeros and normalised to zero mean and unit variance (the feature extractor's
// do_normalize), a 400-point STFT with a periodic Hann window every 160 samples (reflect-padded
// at both ends), the power spectrum through 80 Slaney mel filters (0-8 kHz), log10 floored at
// 1e-10, values held within 8 of the maximum, then (x + 4) / 4. Output [80, 800], mel-major.
// The FFTs run in KISS FFT's WASM build: about 2 ms for 8 s, where transformers.js' own
// extractor takes 250 ms on the event loop. Frames that see only padding are all the same and
// are computed once.
import createKissFft, { type KissFftModule } from "@echogarden/kissfft-wasm";

export const SAMPLE_RATE_HZ = 16_000;
export const N_FFT = 400;
export const HOP = 160;
export const BINS = N_FFT / 2 + 1;
export const MELS = 80;
export const FRAMES = 800;
export const WINDOW_SAMPLES = 8 * SAMPLE_RATE_HZ;

/** One mel filter: its nonzero weights over bins [first, first + weights.length). */
interface MelFilter {
  first: number;
  weights: Float32Array;
}

function hann(length: number): Float32Array {
  const window = new Float32Array(length);
  for (let n = 0; n < length; n++) window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / length);
  return window;
}

export class WhisperFeatures {
  private readonly window = hann(N_FFT);
  private readonly filters: MelFilter[];
  private readonly inputPointer: number;
  private readonly outputPointer: number;
  private readonly config: number;
  private readonly power = new Float64Array(BINS);
  private readonly logMel = new Float32Array(MELS);

  private constructor(
    private readonly fft: KissFftModule,
    /** [80][201], as transformers.js builds them for Whisper. */
    melFilters: ArrayLike<ArrayLike<number>>,
  ) {
    this.filters = Array.from({ length: MELS }, (_, mel) => {
      const row = melFilters[mel]!;
      let first = 0;
      while (first < BINS && row[first] === 0) first++;
      let last = BINS - 1;
      while (last > first && row[last] === 0) last--;
      return { first, weights: Float32Array.from({ length: last - first + 1 }, (_, i) => row[first + i]!) };
    });
    this.config = fft._kiss_fftr_alloc(N_FFT, 0, 0, 0);
    this.inputPointer = fft._malloc(N_FFT * 4);
    this.outputPointer = fft._malloc(BINS * 2 * 4);
  }

  static async create(melFilters: ArrayLike<ArrayLike<number>>): Promise<WhisperFeatures> {
    return new WhisperFeatures(await createKissFft(), melFilters);
  }

  /** Fills `out` (80 x 800, mel-major) from `audio` (16 kHz floats; the last 8 s count). */
  compute(audio: Float32Array, out: Float32Array): void {
    const length = Math.min(audio.length, WINDOW_SAMPLES);
    const source = audio.subarray(audio.length - length);
    const padding = WINDOW_SAMPLES - length;
    let sum = 0;
    for (let i = 0; i < length; i++) sum += source[i]!;
    const mean = sum / WINDOW_SAMPLES;
    let squares = padding * mean * mean;
    for (let i = 0; i < length; i++) squares += (source[i]! - mean) ** 2;
    const scale = 1 / Math.sqrt(squares / WINDOW_SAMPLES + 1e-7);
    const paddingValue = -mean * scale;
    const sample = (index: number): number => {
      // Reflect at both ends (numpy's "reflect": the edge sample is not repeated).
      const n = index < 0 ? -index : index >= WINDOW_SAMPLES ? 2 * (WINDOW_SAMPLES - 1) - index : index;
      return n < padding ? paddingValue : (source[n - padding]! - mean) * scale;
    };
    let logMax = Number.NEGATIVE_INFINITY;
    let constantFrame: Float32Array | null = null;
    for (let frame = 0; frame < FRAMES; frame++) {
      const start = frame * HOP - N_FFT / 2;
      const onlyPadding = padding > N_FFT / 2 && start + N_FFT <= padding;
      if (onlyPadding && constantFrame) {
        for (let mel = 0; mel < MELS; mel++) out[mel * FRAMES + frame] = constantFrame[mel]!;
        continue;
      }
      this.frameLogMel(start, sample);
      for (let mel = 0; mel < MELS; mel++) {
        const value = this.logMel[mel]!;
        out[mel * FRAMES + frame] = value;
        if (value > logMax) logMax = value;
      }
      if (onlyPadding) constantFrame = this.logMel.slice();
    }
    const floor = logMax - 8;
    for (let i = 0; i < MELS * FRAMES; i++) out[i] = (Math.max(out[i]!, floor) + 4) / 4;
  }

  private frameLogMel(start: number, sample: (index: number) => number): void {
    const heap = this.fft.HEAPF32;
    const input = this.inputPointer >> 2;
    for (let k = 0; k < N_FFT; k++) heap[input + k] = sample(start + k) * this.window[k]!;
    this.fft._kiss_fftr(this.config, this.inputPointer, this.outputPointer);
    const output = this.outputPointer >> 2;
    for (let bin = 0; bin < BINS; bin++) {
      const re = heap[output + 2 * bin]!;
      const im = heap[output + 2 * bin + 1]!;
      this.power[bin] = re * re + im * im;
    }
    for (let mel = 0; mel < MELS; mel++) {
      const { first, weights } = this.filters[mel]!;
      let energy = 0;
      for (let i = 0; i < weights.length; i++) energy += weights[i]! * this.power[first + i]!;
      this.logMel[mel] = Math.log10(Math.max(energy, 1e-10));
    }
  }
}
