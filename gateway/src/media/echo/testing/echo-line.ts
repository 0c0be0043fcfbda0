import { SAMPLES_PER_FRAME } from "../../audio-format.ts";

/**
 * A caller's line that returns the agent's audio as echo: what was sent, `delayMs` later and
 * `gainDb` quieter (a handset's acoustic echo, a hybrid), mixed with the caller's own speech.
 * Sent audio is recorded a frame per tick, silence included, as the wire carries it.
 */
export class EchoLine {
  private readonly wire: Int16Array[] = [];
  private readonly delaySamples: number;
  private readonly gain: number;

  constructor(options: { delayMs: number; gainDb: number }) {
    this.delaySamples = Math.round((options.delayMs * 16_000) / 1000);
    this.gain = 10 ** (options.gainDb / 20);
  }

  /** The frame the agent sent on this tick (shorter or empty: the rest of the tick was silent). */
  sent(pcm: Int16Array): void {
    const frame = new Int16Array(SAMPLES_PER_FRAME);
    frame.set(pcm.subarray(0, SAMPLES_PER_FRAME));
    this.wire.push(frame);
  }

  /** The caller's next frame: the echo of what was sent `delayMs` ago plus `speech`, if any. */
  callerFrame(speech: Int16Array | null): Int16Array {
    const frame = new Int16Array(SAMPLES_PER_FRAME);
    // The frame that comes back now covers the wire from (next tick's start - delay).
    const startSample = this.wire.length * SAMPLES_PER_FRAME - this.delaySamples;
    for (let i = 0; i < SAMPLES_PER_FRAME; i++) {
      const at = startSample + i;
      const echo =
        at >= 0 ? (this.wire[Math.floor(at / SAMPLES_PER_FRAME)]?.[at % SAMPLES_PER_FRAME] ?? 0) : 0;
      const mixed = echo * this.gain + (speech?.[i] ?? 0);
      frame[i] = Math.max(-32768, Math.min(32767, Math.round(mixed)));
    }
    return frame;
  }
}
