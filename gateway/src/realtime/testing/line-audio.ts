// Test support: a CallAudio ticked by the test that keeps every agent sample it sent, so the
// caller's line can return them as echo (a gain and a delay), as a phone line does.
import { SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import type { CallAudio } from "../../media/call-audio.ts";

export interface EchoOptions {
  /** How much quieter the echo is than what was sent (e.g. -10 dB). */
  gainDb: number;
  delayMs: number;
}

export class LineAudio implements CallAudio {
  readonly narrowband = false;
  ticks = 0;
  readonly enqueued: { tick: number; samples: number }[] = [];
  readonly flushes: { tick: number; droppedSamples: number }[] = [];
  private frameHandler: ((frame: Int16Array, ageMs: number) => void) | null = null;
  private dtmfHandler: ((digit: string) => void) | null = null;
  private queue = new Int16Array(16_000 * 120);
  private written = 0;
  private played = 0;
  private paused = false;

  constructor(private readonly echo: EchoOptions | null = null) {}

  onFrame(handler: (frame: Int16Array, ageMs: number) => void): void {
    this.frameHandler = handler;
  }

  onDtmf(handler: (digit: string) => void): void {
    this.dtmfHandler = handler;
  }

  /** The outgoing stream is one array: samples [played, written) are queued. */
  enqueue(pcm: Int16Array): void {
    if (this.written + pcm.length > this.queue.length) {
      const grown = new Int16Array((this.written + pcm.length) * 2);
      grown.set(this.queue.subarray(0, this.written));
      this.queue = grown;
    }
    this.queue.set(pcm, this.written);
    this.written += pcm.length;
    this.enqueued.push({ tick: this.ticks, samples: pcm.length });
  }

  flush(): void {
    this.flushes.push({ tick: this.ticks, droppedSamples: this.written - this.played });
    this.written = this.played;
    this.paused = false;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  get playedSamples(): number {
    return this.played;
  }

  get queuedSamples(): number {
    return this.written - this.played;
  }

  async sendDtmf(): Promise<void> {}

  pressKey(digit: string): void {
    this.dtmfHandler?.(digit);
  }

  /** One 20 ms tick: one frame of agent audio goes out, then the caller's frame plus the echo comes in. */
  tick(callerFrame: Int16Array): void {
    this.ticks++;
    if (!this.paused) this.played = Math.min(this.written, this.played + SAMPLES_PER_FRAME);
    const frame = this.echo ? this.withEcho(callerFrame, this.echo) : callerFrame;
    this.frameHandler?.(frame, 0);
  }

  private withEcho(callerFrame: Int16Array, echo: EchoOptions): Int16Array {
    const gain = 10 ** (echo.gainDb / 20);
    const from = this.played - SAMPLES_PER_FRAME - (echo.delayMs * 16_000) / 1000;
    const frame = new Int16Array(callerFrame.length);
    for (let index = 0; index < frame.length; index++) {
      const source = from + index;
      const echoed = source >= 0 && source < this.played ? this.queue[source]! * gain : 0;
      frame[index] = Math.max(-32768, Math.min(32767, Math.round(callerFrame[index]! + echoed)));
    }
    return frame;
  }
}
