// Call traces (when OTEL_EXPORTER_OTLP_ENDPOINT is set): a root span per call whose trace id
// is the call id's hex (so a call record names its trace), a span per turn, and for each agent
// turn a span per stage of its latency report (endpointing, stt, llm_first_token,
// tts_first_byte, first_packet), laid end to end from the caller's speech end, since the report
// holds each stage's duration. All of it is built from the call events the gateway writes
// anyway: nothing runs on the audio path, and with tracing off each hook is one null check.
import type { CallDirection, CallEvent, TurnLatency } from "@switchboard/shared/events";
import { contextWith, type Span, SpanKind, SpanStatusCode } from "@switchboard/shared/tracing/api";
import { startTracing, type Tracing, traceIdOf } from "@switchboard/shared/tracing/tracer";

let tracing: Tracing | null = null;
void startTracing("switchboard-gateway").then((started) => {
  tracing = started;
});

/** Root spans of the calls in progress; bounded by them. */
const callSpans = new Map<string, Span>();

const STAGES: [keyof TurnLatency, string][] = [
  ["endpointing_ms", "endpointing"],
  ["stt_ms", "stt"],
  ["llm_first_token_ms", "llm_first_token"],
  ["tts_first_byte_ms", "tts_first_byte"],
  ["first_packet_ms", "first_packet"],
];

export function traceCallOffered(callId: string, direction: CallDirection, transport: string): void {
  if (!tracing || callSpans.has(callId)) return;
  const span = tracing.startRootSpan(traceIdOf(callId), (tracer) =>
    tracer.startSpan("call", {
      root: true,
      kind: SpanKind.SERVER,
      attributes: {
        "switchboard.call_id": callId,
        "switchboard.direction": direction,
        "switchboard.transport": transport,
      },
    }),
  );
  callSpans.set(callId, span);
}

export function traceCallEvent(event: CallEvent, transport: string): void {
  if (!tracing) return;
  if (event.type === "call.started") {
    traceCallOffered(event.call_id, event.direction, transport);
    callSpans.get(event.call_id)?.addEvent("answered", new Date(event.answered_at));
    return;
  }
  const callSpan = callSpans.get(event.call_id);
  if (!callSpan) return;
  if (event.type === "call.turn") traceTurn(tracing, callSpan, event.turn);
  else if (event.type === "call.ended") {
    callSpans.delete(event.call_id);
    callSpan.setAttributes({
      "switchboard.status": event.status,
      "switchboard.hangup_cause": event.hangup_cause,
    });
    if (event.status === "failed") callSpan.setStatus({ code: SpanStatusCode.ERROR });
    callSpan.end(new Date(event.ended_at));
  }
}

function traceTurn(
  tracing: Tracing,
  callSpan: Span,
  turn: Extract<CallEvent, { type: "call.turn" }>["turn"],
): void {
  const startedMs = Date.parse(turn.started_at);
  const endedMs = Date.parse(turn.ended_at);
  if (!Number.isFinite(startedMs) || !Number.isFinite(endedMs)) return;
  const latency = turn.latency;
  const speechEndMs = latency?.total_ms != null ? startedMs - latency.total_ms : startedMs;
  const parent = contextWith(callSpan);
  const turnSpan = tracing.tracer.startSpan(
    "turn",
    {
      startTime: new Date(Math.min(speechEndMs, startedMs)),
      attributes: { "switchboard.role": turn.role, "switchboard.interrupted": turn.interrupted },
    },
    parent,
  );
  if (latency) {
    let atMs = speechEndMs;
    const turnContext = contextWith(turnSpan);
    for (const [field, stage] of STAGES) {
      const ms = latency[field];
      if (typeof ms !== "number") continue;
      tracing.tracer
        .startSpan(
          stage,
          { startTime: new Date(atMs), attributes: { "switchboard.stage": stage } },
          turnContext,
        )
        .end(new Date(atMs + ms));
      atMs += ms;
    }
  }
  turnSpan.end(new Date(Math.max(endedMs, startedMs)));
}
