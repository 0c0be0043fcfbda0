// Call traces (when OTEL_EXPORTER_OTLP_ENDPOINT is set): a root span per call whose trace id
// is the call id's hex (so a call record names its trace), a span per turn, and for each agent
// turn a span per stage of its latency report (endpointing, stt, llm_first_token,
// tts_first_byte, first_packet), laid end to end from the caller's speech end, since the report
// holds each stage's duration. Under an agent turn, a span per tool call (from its tool_calls
// record, laid end to end from the turn's start; the tool's name only, never its arguments or
// result) and per knowledge retrieval the turn's words ran (timed by the pipeline, kept per
// call until its next agent turn). All of it is built from the call events the gateway writes
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

export interface RetrievalTiming {
  started_ms: number;
  duration_ms: number;
  outcome: "completed" | "failed";
}

/** Retrievals of each call in progress not yet under an agent turn; bounded by them. */
const pendingRetrievals = new Map<string, RetrievalTiming[]>();

/** Runs a call's knowledge retrieval, timed for its span when tracing is on. */
export async function tracedRetrieval<T>(callId: string, retrieve: () => Promise<T>): Promise<T> {
  if (!tracing) return retrieve();
  const started_ms = Date.now();
  try {
    const result = await retrieve();
    traceRetrieval(callId, { started_ms, duration_ms: Date.now() - started_ms, outcome: "completed" });
    return result;
  } catch (error) {
    traceRetrieval(callId, { started_ms, duration_ms: Date.now() - started_ms, outcome: "failed" });
    throw error;
  }
}

/** A knowledge retrieval the call ran; it becomes a span under the call's next agent turn. */
export function traceRetrieval(callId: string, retrieval: RetrievalTiming): void {
  if (!tracing || !callSpans.has(callId)) return;
  const pending = pendingRetrievals.get(callId);
  if (pending) pending.push(retrieval);
  else pendingRetrievals.set(callId, [retrieval]);
}

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
  if (event.type === "call.turn") {
    const retrievals = event.turn.role === "agent" ? pendingRetrievals.get(event.call_id) : undefined;
    if (retrievals) pendingRetrievals.delete(event.call_id);
    traceTurn(tracing, callSpan, event.turn, retrievals ?? []);
  } else if (event.type === "call.ended") {
    callSpans.delete(event.call_id);
    pendingRetrievals.delete(event.call_id);
    callSpan.setAttributes({
      "switchboard.status": event.status,
      "switchboard.hangup_cause": event.hangup_cause,
    });
    if (event.status === "failed") callSpan.setStatus({ code: SpanStatusCode.ERROR });
    callSpan.end(new Date(event.ended_at));
  }
}

/** The turn's span and its children under `callSpan`; exported for its test. */
export function traceTurn(
  tracing: Tracing,
  callSpan: Span,
  turn: Extract<CallEvent, { type: "call.turn" }>["turn"],
  retrievals: readonly RetrievalTiming[] = [],
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
  const turnContext = contextWith(turnSpan);
  if (latency) {
    let atMs = speechEndMs;
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
  for (const retrieval of retrievals) {
    const span = tracing.tracer.startSpan(
      "retrieval",
      { startTime: new Date(retrieval.started_ms), attributes: { "switchboard.outcome": retrieval.outcome } },
      turnContext,
    );
    if (retrieval.outcome === "failed") span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(new Date(retrieval.started_ms + retrieval.duration_ms));
  }
  let toolAtMs = startedMs;
  for (const call of turn.tool_calls ?? []) {
    const span = tracing.tracer.startSpan(
      "tool_call",
      {
        startTime: new Date(toolAtMs),
        attributes: { "switchboard.tool": call.name, "switchboard.outcome": call.outcome },
      },
      turnContext,
    );
    if (call.outcome === "failed") span.setStatus({ code: SpanStatusCode.ERROR });
    toolAtMs += call.duration_ms;
    span.end(new Date(toolAtMs));
  }
  turnSpan.end(new Date(Math.max(endedMs, startedMs)));
}
