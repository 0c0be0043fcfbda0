import type { Agent } from "@switchboard/shared/agent";
import type { CallDirection, CallSmsOutcome, TranscriptTurn } from "@switchboard/shared/events";
import type { RealtimeUsage } from "@switchboard/shared/realtime";
import type { CallAudio } from "../media/call-audio.ts";
import type { LegDialer } from "../warm-transfer/call-leg.ts";

/** What the signalling side (SIP or WebRTC) lets the application do to the call. */
export interface CallControl {
  /** The application is done (its last words were heard): hang up now (through CallEnd). */
  hangup(cause: string): Promise<void>;
  /**
   * Blind transfer (SIP REFER); resolves with the NOTIFY outcome. `sipHeaders` ride in the
   * Refer-To URI (RFC 3261 §19.1.1), so the transferee puts them on its INVITE to the target.
   */
  transfer(
    target: string,
    options?: { sipHeaders?: Record<string, string> },
  ): Promise<{ ok: boolean; status: number | null; reason: string }>;
  /** Warm transfer: places a second call leg; absent where the gateway has no SIP side. */
  dialLeg?: LegDialer;
}

/** What the application reports; the call layer turns these into bus events. */
export interface CallReporter {
  turn(turn: TranscriptTurn): void;
  /** A warm transfer's outcome, for the call record (`call.transfer`). */
  transfer?(outcome: { target: string; ok: boolean; status: number | null; reason: string }): void;
  /** The other side asked not to be called again; absent where a call has no phone number. */
  doNotCall?(reason: string | null): void;
  /**
   * The send_sms tool: control texts `body` from the call's number to `to` (null: the other
   * side). Resolves with control's outcome, or null when none came in time (it may still go).
   * Absent where a call has no phone number.
   */
  sendSms?(request: { to: string | null; body: string }, signal: AbortSignal): Promise<CallSmsOutcome | null>;
}

export interface CallContext {
  callId: string;
  orgId: string;
  agent: Agent;
  direction: CallDirection;
  fromNumber: string | null;
  toNumber: string | null;
  /** Outbound calls: the goal added to the system prompt for this call. */
  objective: string | null;
  /** Fills `{{name}}` placeholders in prompts and the first message. */
  metadata: Record<string, unknown>;
  /** Inbound SIP calls: the INVITE's context headers, `{{sip.X-Customer-Id}}` in prompts. */
  sipHeaders?: Record<string, string>;
  audio: CallAudio;
  control: CallControl;
  reporter: CallReporter;
}

/** Runs on an answered call until it ends: the turn pipeline, or a greeting player. */
export interface MediaApplication {
  start(call: CallContext): Promise<RunningApplication>;
}

export interface RunningApplication {
  /** The call ended (either side hung up): cancel everything. */
  stop(): Promise<void>;
  /**
   * Interrupts whatever is playing, says `text`, then hangs up with `cause` once it was heard.
   * Only CallEnd calls it (it decides when, and cuts the call after a grace period). Absent:
   * the call is hung up without a goodbye.
   */
  sayGoodbye?(text: string, cause: string): void;
  /** A speech-to-speech model's token usage over the call, read once it has stopped. */
  usage?(): RealtimeUsage | null;
}

/** call.ended's `usage`: present only when the stopped application reports one. */
export function usageOf(application: RunningApplication | null | undefined): { usage?: RealtimeUsage } {
  const usage = application?.usage?.() ?? null;
  return usage ? { usage } : {};
}
