// The caller's audio of the turn in progress for the end-of-turn model: the last 8 s at 16 kHz
// (the model's whole input), from a little before the turn's first speech.
import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";

export const MODEL_WINDOW_SAMPLES = 8 * INTERNAL_SAMPLE_RATE_HZ;
/** Audio kept from before the VAD noticed speech (its onset lags the first syllable). */
const PREROLL_SAMPLES = INTERNAL_SAMPLE_RATE_HZ / 2;

export class CallerAudioWindow {
  private readonly ring = new Int16Array(MODEL_WINDOW_SAMPLES);
  /** Samples written since the call started. */
  private written = 0;
  private turnStart = 0;

  add(pcm: Int16Array): void {
    let offset = 0;
    while (offset < pcm.length) {
      const at = this.written % MODEL_WINDOW_SAMPLES;
      const count = Math.min(pcm.length - offset, MODEL_WINDOW_SAMPLES - at);
      this.ring.set(pcm.subarray(offset, offset + count), at);
      offset += count;
      this.written += count;
    }
  }

  /** The caller's turn begins now: older audio is not part of it. */
  markTurnStart(): void {
    this.turnStart = Math.max(0, this.written - PREROLL_SAMPLES);
  }

  /** The turn's audio so far (at most 8 s, the latest), as floats in [-1, 1]. */
  turnAudio(): Float32Array {
    const length = Math.min(this.written - this.turnStart, MODEL_WINDOW_SAMPLES);
    const out = new Float32Array(length);
    const from = this.written - length;
    for (let i = 0; i < length; i++) out[i] = this.ring[(from + i) % MODEL_WINDOW_SAMPLES]! / 32768;
    return out;
  }
}
