// DTMF on a realtime call: digits pressed close together go to the model as one message
// (`[caller pressed 42]`), as on the pipeline.
import type { PipelineClock, TimerHandle } from "../pipeline/clock.ts";

/** Digits pressed within this gap go to the model as one message (as on the pipeline). */
export const DTMF_GROUP_MS = 400;

export class DigitGroups {
  private digits = "";
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: PipelineClock,
    /** A group is complete: no digit followed within DTMF_GROUP_MS. */
    private readonly onGroup: (digits: string) => void,
  ) {}

  push(digit: string): void {
    this.digits += digit;
    this.timer?.cancel();
    this.timer = this.clock.setTimer(DTMF_GROUP_MS, () => {
      this.timer = null;
      const digits = this.digits;
      this.digits = "";
      this.onGroup(digits);
    });
  }

  cancel(): void {
    this.timer?.cancel();
  }
}
