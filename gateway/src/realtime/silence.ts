// Reprompts for a silent caller, then the goodbye, as on the pipeline: armed when the agent
// finished speaking, cancelled when anyone speaks.
import type { PipelineClock, TimerHandle } from "../pipeline/clock.ts";
import type { SilenceOptions } from "../pipeline/processors/silence.ts";

export interface SilenceActions {
  /** Nobody is speaking: a reprompt may go out. */
  idle(): boolean;
  reprompt(text: string): void;
  /** The last reprompt went unanswered: say this and hang up. */
  giveUp(text: string): void;
}

export class SilenceReprompts {
  private timer: TimerHandle | null = null;
  private reprompts = 0;

  constructor(
    private readonly clock: PipelineClock,
    private readonly options: SilenceOptions,
    private readonly actions: SilenceActions,
  ) {}

  arm(): void {
    this.cancel();
    this.timer = this.clock.setTimer(this.options.repromptMs, () => {
      this.timer = null;
      if (!this.actions.idle()) return;
      if (this.reprompts < this.options.maxReprompts) {
        this.reprompts += 1;
        this.actions.reprompt(this.options.repromptMessage);
      } else {
        this.actions.giveUp(this.options.hangupMessage);
      }
    });
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** The caller said something: the count starts again. */
  answered(): void {
    this.reprompts = 0;
  }
}
