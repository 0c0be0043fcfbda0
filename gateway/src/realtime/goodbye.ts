// How a realtime call ends from the gateway's side: the max-duration goodbye, the silence
// hang-up and the model's end_call. The call hangs up once what was said has played and no
// tool runs; when nothing was said, the model is asked for a short goodbye first.
import type { PipelineClock, TimerHandle } from "../pipeline/clock.ts";
import { sayExactly } from "./scripted-lines.ts";

/** A goodbye the model does not start saying within this long is skipped: the call hangs up. */
export const GOODBYE_START_TIMEOUT_MS = 5000;

interface PendingHangup {
  cause: string;
  /** Something was said since the hang-up was decided: it goes once that has played. */
  spoke: boolean;
  goodbyeAsked: boolean;
  /** The model's end_call: the caller speaking over its goodbye takes the call back. */
  byTool: boolean;
}

export interface GoodbyeActions {
  /** Asks the model for a response with this instruction. */
  createResponse(instruction: string): void;
  /** Nothing of the agent plays or is queued, and no tool runs. */
  quiet(): boolean;
  /** Playout is looked at again (a goodbye that never started counts as said). */
  checkPlayout(): void;
  hangUp(cause: string): void;
}

export class RealtimeGoodbye {
  private hangup: PendingHangup | null = null;
  private startTimer: TimerHandle | null = null;

  constructor(
    private readonly clock: PipelineClock,
    private readonly actions: GoodbyeActions,
  ) {}

  /** The call is to hang up: nothing else (a silence reprompt) is started. */
  get pending(): boolean {
    return this.hangup !== null;
  }

  get goodbyeAsked(): boolean {
    return this.hangup?.goodbyeAsked ?? false;
  }

  /** The gateway ends the call (max duration, silence): the model says `text`, then it hangs up. */
  sayGoodbye(text: string, cause: string): void {
    this.hangup = { cause, spoke: false, goodbyeAsked: false, byTool: false };
    this.askGoodbye(this.hangup, text);
  }

  /** The model's end_call (`spoke`: the agent is audible now); a hang-up already pending stays. */
  endCallByTool(cause: string, spoke: boolean): void {
    if (this.hangup) return;
    this.hangup = { cause, spoke, goodbyeAsked: false, byTool: true };
  }

  /** The caller took the floor: a goodbye of the model's own end_call no longer ends the call. */
  callerInterrupted(): void {
    if (this.hangup?.byTool) this.hangup = null;
  }

  /** A new agent item started playing. */
  agentSpoke(): void {
    if (this.hangup) this.hangup.spoke = true;
  }

  /** The agent's items have all played: hangs up when the goodbye was heard, else asks for one. */
  maybeHangUp(): void {
    const hangup = this.hangup;
    if (!hangup || !this.actions.quiet()) return;
    if (hangup.spoke) {
      this.hangup = null;
      this.actions.hangUp(hangup.cause);
      return;
    }
    // The model ended the call without saying anything: a goodbye first, as on the pipeline.
    if (!hangup.goodbyeAsked) this.askGoodbye(hangup, "Goodbye.");
  }

  /** Asks the model for the goodbye; the hang-up follows once it was heard. */
  private askGoodbye(hangup: PendingHangup, text: string): void {
    hangup.goodbyeAsked = true;
    this.actions.createResponse(sayExactly(text));
    this.startTimer?.cancel();
    this.startTimer = this.clock.setTimer(GOODBYE_START_TIMEOUT_MS, () => {
      if (this.hangup !== hangup || hangup.spoke) return;
      hangup.spoke = true;
      this.actions.checkPlayout();
    });
  }

  /** The call ended: a goodbye's start timeout no longer asks anything of it. */
  cancel(): void {
    this.startTimer?.cancel();
    this.startTimer = null;
    this.hangup = null;
  }
}
