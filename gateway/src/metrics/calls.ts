// Call counts, setup time and turn latency, read off the call events the gateway writes anyway
// (call-core/call-events.ts) plus the moment each call was offered: no hook on the audio path.
import type { CallDirection, CallEvent, TurnLatency } from "@switchboard/shared/events";
import { traceCallEvent, traceCallOffered } from "./call-traces.ts";
import { callSetupSeconds, callsActive, callsTotal, turnStageSeconds } from "./registry.ts";

export type CallTransport = "sip" | "webrtc" | "livekit";

interface TrackedCall {
  direction: CallDirection;
  transport: CallTransport;
  offeredAtMs: number | null;
  answered: boolean;
}

/** Calls offered or answered and not yet ended; bounded by the calls in progress. */
const calls = new Map<string, TrackedCall>();

const STAGES: [keyof TurnLatency, string][] = [
  ["endpointing_ms", "endpointing"],
  ["stt_ms", "stt"],
  ["llm_first_token_ms", "llm_first_token"],
  ["tts_first_byte_ms", "tts_first_byte"],
  ["first_packet_ms", "first_packet"],
  ["total_ms", "total"],
];

/** A call was offered (INVITE received or sent, browser offer): its setup time starts now. */
export function callOffered(callId: string, direction: CallDirection, transport: CallTransport): void {
  traceCallOffered(callId, direction, transport);
  if (!calls.has(callId))
    calls.set(callId, { direction, transport, offeredAtMs: performance.now(), answered: false });
}

/** Called with every call event a gateway writes. */
export function observeCallEvent(event: CallEvent, transport: CallTransport): void {
  traceCallEvent(event, transport);
  if (event.type === "call.started") {
    const direction = event.direction;
    const known = calls.get(event.call_id);
    const call: TrackedCall = known ?? { direction, transport, offeredAtMs: null, answered: false };
    call.direction = direction;
    if (call.answered) return;
    call.answered = true;
    calls.set(event.call_id, call);
    callsActive.inc({ direction, transport: call.transport });
    if (call.offeredAtMs !== null)
      callSetupSeconds.observe({ direction }, (performance.now() - call.offeredAtMs) / 1000);
    return;
  }
  if (event.type === "call.turn") {
    const latency = event.turn.latency;
    if (!latency) return;
    for (const [field, stage] of STAGES) {
      const ms = latency[field];
      if (typeof ms === "number") turnStageSeconds.observe({ stage }, ms / 1000);
    }
    return;
  }
  if (event.type === "call.ended") {
    const call = calls.get(event.call_id);
    calls.delete(event.call_id);
    // Ended before anyone registered it: an outbound call that failed before its INVITE.
    const direction = call?.direction ?? (transport === "sip" ? "outbound" : "web");
    if (call?.answered) callsActive.dec({ direction, transport: call.transport });
    callsTotal.inc({ direction, status: event.status });
  }
}
