// Warm transfer (the warm_transfer tool): the caller hears a hold message and music while the
// destination is dialled; whoever answers hears a briefing (a summary of the call) and accepts
// with keypad 1 or a spoken yes, and declines with any other key or a no. Accepted: caller and destination are bridged
// in the gateway. Declined, unanswered, busy or hung up: the caller is back with the agent,
// which is told the outcome.
import type { CallAudio } from "../media/call-audio.ts";
import { AudioTicks } from "./audio-ticks.ts";
import { ACCEPT_INSTRUCTIONS } from "./briefing.ts";
import type { CallLeg, LegDialer } from "./call-leg.ts";
import { startHoldMusic } from "./hold-music.ts";
import { MediaBridge } from "./media-bridge.ts";
import type { SpokenAnswerListener } from "./spoken-answer.ts";

export const DEFAULT_HOLD_MESSAGE = "Please hold while I connect you.";
export const DEFAULT_TRANSFER_TIMEOUT_MS = 30_000;
/** RFC 4733 event for keypad 1: the destination takes the call. */
const ACCEPT_DIGIT = "1";

export type WarmTransferOutcome = "accepted" | "declined" | "no_answer" | "busy" | "failed";

export interface WarmTransferResult {
  outcome: WarmTransferOutcome;
  /** The leg INVITE's final status (200 once answered), when one came. */
  status: number | null;
  reason: string;
}

export interface WarmTransferRequest {
  destination: string;
  holdMessage: string;
  /** How long the destination may ring, and then how long it has to decide. */
  timeoutMs: number;
  sipHeaders?: Record<string, string>;
}

export interface WarmTransferParts {
  caller: CallAudio;
  dial: LegDialer;
  /** Queues `text` as speech on `audio`; resolves once all of it is queued. */
  speak(audio: CallAudio, text: string, signal: AbortSignal): Promise<void>;
  /** The summary the destination hears before the accept instructions. */
  briefing(signal: AbortSignal): Promise<string>;
  /** Listens for a spoken yes or no on the leg; absent: keypad only. */
  listen?(legTicks: AudioTicks, onAnswer: (accepted: boolean) => void): Promise<SpokenAnswerListener>;
}

/** Caller and destination bridged; the connection lasts until either side hangs up. */
export class BridgedTransfer {
  constructor(
    readonly leg: CallLeg,
    private readonly bridge: MediaBridge,
    private readonly ticks: AudioTicks[],
  ) {}

  /** The call ended on the caller's side (or the agent gave up): the destination is hung up. */
  async stop(cause: string): Promise<void> {
    this.bridge.stop();
    for (const ticks of this.ticks) ticks.close();
    await this.leg.hangup(cause);
  }
}

type Decision = "accepted" | "declined" | "no_answer" | "hung_up" | "aborted";

export async function runWarmTransfer(
  parts: WarmTransferParts,
  request: WarmTransferRequest,
  signal: AbortSignal,
): Promise<{ result: WarmTransferResult; connection: BridgedTransfer | null }> {
  const callerTicks = new AudioTicks(parts.caller);
  let stopHold: (() => void) | null = null;
  const holdSpeech = new AbortController();
  const holding = parts
    .speak(parts.caller, request.holdMessage, AbortSignal.any([signal, holdSpeech.signal]))
    .catch(() => {})
    .then(() => {
      if (!signal.aborted && !holdSpeech.signal.aborted) stopHold = startHoldMusic(parts.caller, callerTicks);
    });
  const endHold = async () => {
    holdSpeech.abort();
    await holding;
    parts.caller.flush();
    stopHold?.();
    stopHold = null;
  };
  const dialled = await parts.dial(request.destination, {
    sipHeaders: request.sipHeaders,
    ringTimeoutMs: request.timeoutMs,
    signal,
  });
  if (!dialled.ok) {
    await endHold();
    callerTicks.close();
    return {
      result: { outcome: dialled.outcome, status: dialled.status, reason: dialled.reason },
      connection: null,
    };
  }
  const { leg } = dialled;
  const legTicks = new AudioTicks(leg.audio);
  const { deciding, decide } = decision(leg, request.timeoutMs, signal);
  const listening = parts
    .listen?.(legTicks, (accepted) => decide(accepted ? "accepted" : "declined"))
    .catch(() => null);
  const briefingSpeech = new AbortController();
  const briefingSignal = AbortSignal.any([signal, briefingSpeech.signal]);
  parts
    .briefing(briefingSignal)
    .then((summary) => parts.speak(leg.audio, `${summary} ${ACCEPT_INSTRUCTIONS}`, briefingSignal))
    .catch(() => {});
  const decided = await deciding;
  await (await listening)?.stop();
  // Nothing more of the briefing once the destination has decided.
  briefingSpeech.abort();
  leg.audio.flush();
  await endHold();
  if (decided === "accepted") {
    const bridge = new MediaBridge(
      { audio: parts.caller, ticks: callerTicks },
      { audio: leg.audio, ticks: legTicks },
    );
    return {
      result: { outcome: "accepted", status: 200, reason: "accepted" },
      connection: new BridgedTransfer(leg, bridge, [callerTicks, legTicks]),
    };
  }
  callerTicks.close();
  legTicks.close();
  await leg.hangup(decided === "aborted" ? "transfer_cancelled" : "transfer_declined");
  const outcomes: Record<Exclude<Decision, "accepted">, WarmTransferResult> = {
    declined: { outcome: "declined", status: 200, reason: "declined" },
    hung_up: { outcome: "declined", status: 200, reason: "hung up before accepting" },
    no_answer: { outcome: "no_answer", status: 200, reason: "answered but did not accept in time" },
    aborted: { outcome: "failed", status: 200, reason: "cancelled" },
  };
  return { result: outcomes[decided], connection: null };
}

/**
 * Keypad 1 accepts, any other key declines (or `decide`, for a spoken answer); a hang-up, the
 * timeout or the call's end decide too.
 */
function decision(
  leg: CallLeg,
  timeoutMs: number,
  signal: AbortSignal,
): { deciding: Promise<Decision>; decide: (value: Decision) => void } {
  const { promise, resolve } = Promise.withResolvers<Decision>();
  let decided = false;
  const decide = (value: Decision) => {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
    resolve(value);
  };
  const timer = setTimeout(() => decide("no_answer"), timeoutMs);
  const onAbort = () => decide("aborted");
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  leg.audio.onDtmf((digit) => decide(digit === ACCEPT_DIGIT ? "accepted" : "declined"));
  leg.onEnded(() => decide("hung_up"));
  return { deciding: promise, decide };
}
