import type { PipelineClock, TimerHandle } from "../clock.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";

export interface SilenceOptions {
  /** Caller silence (agent idle) before a reprompt. */
  repromptMs: number;
  /** Reprompts before the polite hang-up. */
  maxReprompts: number;
  repromptMessage: string;
  hangupMessage: string;
}

export const DEFAULT_SILENCE_OPTIONS: SilenceOptions = {
  repromptMs: 10_000,
  maxReprompts: 1,
  repromptMessage: "Are you still there?",
  hangupMessage: "I haven't heard from you, so I'll end the call now. Goodbye.",
};

/** Reprompts a silent caller, then says goodbye and hangs up. */
export class SilenceProcessor extends Processor {
  readonly name = "silence";
  override readonly handlesAudio = false;
  private timer: TimerHandle | null = null;
  private agentActive = false;
  private reprompts = 0;

  constructor(
    private readonly clock: PipelineClock,
    private readonly options: SilenceOptions,
  ) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    switch (frame.type) {
      case "start":
        this.arm();
        break;
      case "agent_turn_started":
        this.agentActive = true;
        this.cancel();
        break;
      case "agent_turn_ended":
        this.agentActive = false;
        this.arm();
        break;
      case "interruption":
        this.agentActive = false;
        this.cancel();
        break;
      case "user_speech_started":
        this.cancel();
        break;
      case "user_speech_stopped":
        if (!this.agentActive) this.arm();
        break;
      case "user_turn":
        // Speech without words (noise) gets no answer: keep waiting for the caller.
        if (frame.text) {
          this.reprompts = 0;
          this.cancel();
        } else if (!this.agentActive) {
          this.arm();
        }
        break;
      case "end":
        this.cancel();
        break;
    }
    this.push(frame, direction);
  }

  private arm(): void {
    this.cancel();
    this.timer = this.clock.setTimer(this.options.repromptMs, () => this.fire());
  }

  private cancel(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    if (this.reprompts < this.options.maxReprompts) {
      this.reprompts++;
      this.push({ type: "say", text: this.options.repromptMessage, hangupCause: null });
    } else {
      this.push({ type: "say", text: this.options.hangupMessage, hangupCause: "silence_timeout" });
    }
  }
}
