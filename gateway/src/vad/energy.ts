import { VAD_WINDOW_SAMPLES, type VadEngine, type VadStream } from "./engine.ts";

interface EnergyVadOptions {
  /** Level always treated as silence, in dBFS. */
  floorDbfs?: number;
  /** How far above the tracked noise floor speech must be, in dB. */
  marginDb?: number;
}

/**
 * Fallback when the Silero model cannot load: RMS level against an adaptive noise floor.
 * Rougher than Silero (any loud sound counts), but needs nothing but arithmetic.
 */
export class EnergyVadEngine implements VadEngine {
  readonly name = "energy";
  constructor(private readonly options: EnergyVadOptions = {}) {}

  createStream(): VadStream {
    return new EnergyVadStream(this.options.floorDbfs ?? -50, this.options.marginDb ?? 12);
  }
}

class EnergyVadStream implements VadStream {
  private noiseDbfs: number;

  constructor(
    private readonly floorDbfs: number,
    private readonly marginDb: number,
  ) {
    this.noiseDbfs = floorDbfs;
  }

  push(window: Float32Array, onResult: (probability: number) => void): void {
    if (window.length !== VAD_WINDOW_SAMPLES)
      throw new Error(`VAD window must be ${VAD_WINDOW_SAMPLES} samples`);
    let sumSquares = 0;
    for (let i = 0; i < window.length; i++) {
      const sample = window[i]!;
      sumSquares += sample * sample;
    }
    const levelDbfs = 10 * Math.log10(sumSquares / window.length + 1e-12);
    // The floor follows quiet windows quickly and loud ones slowly (about 10 s to adapt up).
    const rate = levelDbfs < this.noiseDbfs ? 0.2 : 0.003;
    this.noiseDbfs = Math.max(this.floorDbfs, this.noiseDbfs + rate * (levelDbfs - this.noiseDbfs));
    const threshold = Math.max(this.floorDbfs, this.noiseDbfs) + this.marginDb;
    const probability = Math.min(1, Math.max(0, 0.5 + (levelDbfs - threshold) / 12));
    onResult(probability);
  }

  close(): void {}
}
