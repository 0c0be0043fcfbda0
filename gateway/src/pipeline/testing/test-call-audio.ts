import { SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import type { CallAudio } from "../../media/call-audio.ts";

/**
 * A CallAudio for pipeline tests: `tick()` plays one 20 ms frame of queued agent audio and
 * hands the pipeline one caller frame, as the gateway's clock does for a real call.
 */
export class TestCallAudio implements CallAudio {
  private frameHandler: ((frame: Int16Array, ageMs: number) => void) | null = null;
  private dtmfHandler: ((digit: string) => void) | null = null;
  private readonly queue: Int16Array[] = [];
  private queueOffset = 0;
  private played = 0;
  private queued = 0;
  ticks = 0;
  readonly enqueued: { tick: number; samples: number }[] = [];
  readonly flushes: { tick: number; droppedSamples: number }[] = [];
  /** Ticks at which agent audio was held and resumed. */
  readonly pauses: number[] = [];
  readonly resumes: number[] = [];
  private paused = false;
  readonly dtmfSent: string[] = [];

  onFrame(handler: (frame: Int16Array, ageMs: number) => void): void {
    this.frameHandler = handler;
  }

  onDtmf(handler: (digit: string) => void): void {
    this.dtmfHandler = handler;
  }

  enqueue(pcm: Int16Array): void {
    this.queue.push(pcm);
    this.queued += pcm.length;
    this.enqueued.push({ tick: this.ticks, samples: pcm.length });
  }

  flush(): void {
    this.flushes.push({ tick: this.ticks, droppedSamples: this.queued });
    this.queue.length = 0;
    this.queueOffset = 0;
    this.queued = 0;
    this.paused = false;
  }

  pause(): void {
    this.pauses.push(this.ticks);
    this.paused = true;
  }

  resume(): void {
    this.resumes.push(this.ticks);
    this.paused = false;
  }

  readonly narrowband = false;

  get playedSamples(): number {
    return this.played;
  }

  get queuedSamples(): number {
    return this.queued;
  }

  async sendDtmf(digits: string): Promise<void> {
    this.dtmfSent.push(digits);
  }

  /** One 20 ms tick: sends up to one frame of agent audio, then delivers the caller's frame. */
  tick(callerFrame: Int16Array): void {
    this.ticks++;
    let budget = this.paused ? 0 : SAMPLES_PER_FRAME;
    while (budget > 0 && this.queue.length > 0) {
      const head = this.queue[0]!;
      const take = Math.min(budget, head.length - this.queueOffset);
      this.queueOffset += take;
      budget -= take;
      this.played += take;
      this.queued -= take;
      if (this.queueOffset >= head.length) {
        this.queue.shift();
        this.queueOffset = 0;
      }
    }
    this.frameHandler?.(callerFrame, 0);
  }

  pressKey(digit: string): void {
    this.dtmfHandler?.(digit);
  }
}
