import { TelephoneEventSender } from "./telephone-event.ts";

interface DtmfJob {
  digits: string;
  resolve: () => void;
}

/**
 * Digits waiting to go out as RFC 4733 events: one event packet per clock tick while a digit
 * plays, then a few ticks of audio before the next digit.
 */
export class DtmfOutbox {
  private readonly sender: TelephoneEventSender;
  private queue: DtmfJob[] = [];
  private digitIndex = 0;
  private gapTicks = 0;
  /** Section 2.5.1.2: every packet of an event carries the RTP timestamp of its start. */
  eventTimestamp = 0;

  constructor(
    samplesPerTick: number,
    private readonly sampleRateHz: number,
    private readonly toneMs: number,
    private readonly gapTicksBetweenDigits = 3,
  ) {
    this.sender = new TelephoneEventSender(samplesPerTick);
  }

  /** A digit is playing, queued or in the gap after one: the next ticks are not plain audio. */
  get busy(): boolean {
    return this.sender.isActive || this.queue.length > 0 || this.gapTicks > 0;
  }

  /** Queues digits (already validated); resolves once the last end packet has been produced. */
  add(digits: string): Promise<void> {
    return new Promise((resolve) => this.queue.push({ digits, resolve }));
  }

  /**
   * Writes this tick's event payload into `out` at `offset` and returns its marker bit, or
   * returns null when no event is due and the tick should carry audio.
   */
  next(out: Uint8Array, offset: number, currentTimestamp: number): boolean | null {
    if (!this.sender.isActive) {
      if (this.gapTicks > 0) {
        this.gapTicks -= 1;
        return null;
      }
      const job = this.queue[0];
      if (job === undefined) return null;
      this.sender.start(job.digits[this.digitIndex]!, this.toneMs, this.sampleRateHz);
      this.eventTimestamp = currentTimestamp;
    }
    const flags = this.sender.next(out, offset);
    if (flags === null) return null;
    if (!this.sender.isActive) this.finishDigit();
    return flags.marker;
  }

  /** Resolves every pending send (the call ended). */
  cancel(): void {
    for (const job of this.queue) job.resolve();
    this.queue = [];
    this.digitIndex = 0;
  }

  private finishDigit(): void {
    const job = this.queue[0];
    if (job === undefined) return;
    this.gapTicks = this.gapTicksBetweenDigits;
    this.digitIndex += 1;
    if (this.digitIndex >= job.digits.length) {
      this.queue.shift();
      this.digitIndex = 0;
      job.resolve();
    }
  }
}
