// The one place that decides how a call of ours ends, whatever carries it (SIP, WHIP, a LiveKit
// room). Every source asks it: the duration cap, the drain, the application (its goodbye
// played, the end_call tool, the silence timeout), an API hang-up, a dead media stream. A
// polite end has the running application say its goodbye and hang up once it was heard, and
// is cut after a grace period regardless; any other end hangs up at once. The transport only
// carries the hang-up out (BYE, closing the peer or the room). The caller hanging up is not a
// decision: the transport ends the call and closes this.
import type { Logger } from "@switchboard/shared/logger";
import type { RunningApplication } from "./application.ts";
import type { DurationCap } from "./duration-cap.ts";

export interface EndTimer {
  cancel(): void;
}

/** Where the end's timers run (the pipeline's clock satisfies it; tests pass a manual one). */
export interface EndTimers {
  setTimer(delayMs: number, callback: () => void): EndTimer;
}

export const systemTimers: EndTimers = {
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A goodbye gets this long to be heard before the call is cut regardless. */
export const GOODBYE_GRACE_MS = 10_000;
/** What the caller hears when the call reaches the agent's max_duration_s. */
export const MAX_DURATION_GOODBYE = "We've reached the time limit for this call. Goodbye.";

export interface CallEndOptions {
  /** Hangs the call up from our side, at once, with `cause`. */
  hangUp(cause: string): Promise<void>;
  timers?: EndTimers;
  graceMs?: number;
  log?: Logger;
}

export class CallEnd {
  private application: RunningApplication | null = null;
  private readonly timers: EndTimer[] = [];
  private goodbyeCause: string | null = null;
  private hangingUp: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: CallEndOptions) {}

  /** The cause of the goodbye being said, if one is. */
  get goodbyeInProgress(): string | null {
    return this.goodbyeCause;
  }

  /** The application runs on the call: goodbyes go through it from now on. */
  attach(application: RunningApplication): void {
    this.application = application;
  }

  /**
   * Ends the call when its cap is reached: at the agent's max_duration_s with the goodbye; when
   * the balance is spent at once, since nothing pays for the goodbye.
   */
  startCap(cap: DurationCap): void {
    if (cap.seconds === null || this.closed) return;
    this.schedule(cap.seconds * 1000, () => {
      this.options.log?.info({ cause: cap.cause, capS: cap.seconds }, "call reached its cap");
      if (cap.cause === "max_duration") this.goodbye(MAX_DURATION_GOODBYE, cap.cause);
      else this.hangup(cap.cause).catch(() => {});
    });
  }

  /**
   * Ends the call politely: the application interrupts whatever it says, says `text` and hangs
   * up with `cause` once it was heard; after the grace period the call is cut regardless.
   * Without an application that can speak, hangs up at once. A second goodbye is ignored.
   */
  goodbye(text: string, cause: string): void {
    if (this.closed || this.hangingUp || this.goodbyeCause !== null) return;
    const application = this.application;
    if (!application?.sayGoodbye) {
      this.hangup(cause).catch(() => {});
      return;
    }
    this.goodbyeCause = cause;
    // Armed first: an application that hangs up inside sayGoodbye cancels it.
    this.schedule(this.options.graceMs ?? GOODBYE_GRACE_MS, () => {
      this.options.log?.warn({ cause }, "goodbye not finished in time: hanging up");
      this.hangup(cause).catch(() => {});
    });
    application.sayGoodbye(text, cause);
  }

  /** Hangs up at once with `cause`; the first hang-up decides, later ones wait for it. */
  hangup(cause: string): Promise<void> {
    if (this.hangingUp) return this.hangingUp;
    this.cancelTimers();
    this.hangingUp = this.options.hangUp(cause);
    return this.hangingUp;
  }

  /** The call has ended (either side): nothing more is scheduled. */
  close(): void {
    this.closed = true;
    this.cancelTimers();
  }

  private schedule(delayMs: number, callback: () => void): void {
    this.timers.push(
      this.options.timers?.setTimer(delayMs, callback) ?? systemTimers.setTimer(delayMs, callback),
    );
  }

  private cancelTimers(): void {
    for (const timer of this.timers.splice(0)) timer.cancel();
  }
}
