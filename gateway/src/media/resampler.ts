import createSpeexModule from "@echogarden/speex-resampler-wasm/simd";

// Resampling by the Speex resampler (BSD-3, compiled to WASM). Each Resampler keeps its own
// filter state and two WASM buffers sized for one frame, so steady-state calls allocate nothing.

interface SpeexModule {
  HEAP16: Int16Array;
  HEAPU32: Uint32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _speex_resampler_init(
    channels: number,
    inRate: number,
    outRate: number,
    quality: number,
    errorPointer: number,
  ): number;
  _speex_resampler_process_int(
    state: number,
    channel: number,
    input: number,
    inputLengthPointer: number,
    output: number,
    outputLengthPointer: number,
  ): number;
  _speex_resampler_skip_zeros(state: number): number;
  _speex_resampler_get_output_latency(state: number): number;
  _speex_resampler_reset_mem(state: number): number;
  _speex_resampler_destroy(state: number): void;
}

const speex = (await createSpeexModule()) as SpeexModule;

/** Speex quality 0..10; 3 keeps a 1 kHz tone far above G.711's own noise floor at a few microseconds a frame. */
const DEFAULT_RESAMPLER_QUALITY = 3;

export class Resampler {
  private state: number;
  private readonly inputPointer: number;
  private readonly outputPointer: number;
  private readonly lengthsPointer: number;
  readonly maxOutputSamples: number;

  constructor(
    readonly inputRateHz: number,
    readonly outputRateHz: number,
    readonly maxInputSamples: number,
    quality = DEFAULT_RESAMPLER_QUALITY,
  ) {
    this.maxOutputSamples = Math.ceil((maxInputSamples * outputRateHz) / inputRateHz) + 8;
    const errorPointer = speex._malloc(4);
    this.state = speex._speex_resampler_init(1, inputRateHz, outputRateHz, quality, errorPointer);
    speex._free(errorPointer);
    if (this.state === 0)
      throw new Error(`speex resampler init failed for ${inputRateHz}->${outputRateHz} Hz`);
    this.inputPointer = speex._malloc(maxInputSamples * 2);
    this.outputPointer = speex._malloc(this.maxOutputSamples * 2);
    this.lengthsPointer = speex._malloc(8);
  }

  /**
   * Resamples `input` into `output`; returns how many samples were written. With an integer
   * rate ratio every call returns exactly input.length * ratio samples (no internal buffering).
   */
  process(input: Int16Array, output: Int16Array): number {
    if (this.state === 0) throw new Error("resampler is destroyed");
    const inputLength = Math.min(input.length, this.maxInputSamples);
    speex.HEAP16.set(
      inputLength === input.length ? input : input.subarray(0, inputLength),
      this.inputPointer >> 1,
    );
    const heap32 = speex.HEAPU32;
    const lengthsIndex = this.lengthsPointer >> 2;
    heap32[lengthsIndex] = inputLength;
    heap32[lengthsIndex + 1] = Math.min(output.length, this.maxOutputSamples);
    speex._speex_resampler_process_int(
      this.state,
      0,
      this.inputPointer,
      this.lengthsPointer,
      this.outputPointer,
      this.lengthsPointer + 4,
    );
    const written = speex.HEAPU32[lengthsIndex + 1]!;
    // Copied by index: a subarray view per frame would be a per-frame allocation.
    const heap16 = speex.HEAP16;
    const start = this.outputPointer >> 1;
    for (let index = 0; index < written; index++) output[index] = heap16[start + index]!;
    return written;
  }

  /** How far the output lags its input (the filter's group delay), in ms. */
  get latencyMs(): number {
    if (this.state === 0) return 0;
    return (speex._speex_resampler_get_output_latency(this.state) * 1000) / this.outputRateHz;
  }

  /** Clears the filter history (start of a new talkspurt). */
  reset(): void {
    if (this.state !== 0) speex._speex_resampler_reset_mem(this.state);
  }

  destroy(): void {
    if (this.state === 0) return;
    speex._speex_resampler_destroy(this.state);
    speex._free(this.inputPointer);
    speex._free(this.outputPointer);
    speex._free(this.lengthsPointer);
    this.state = 0;
  }
}
