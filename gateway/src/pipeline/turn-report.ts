import type { TranscriptTurn, TurnLatency } from "@switchboard/shared/events";
import type { ToolCallRecord } from "@switchboard/shared/schemas/call";
import type { TurnTimeline } from "./turn.ts";

function span(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : Math.max(0, Math.round(to - from));
}

/**
 * A preemptive reply's head start: its first token was there at the earlier of its arrival and
 * the confirmed end of turn, where a request made then would have had it one first-token time
 * later.
 */
function preemptiveSavedMs(timeline: TurnTimeline): number | null {
  const { llmRequestAt, llmNeededAt, llmFirstTokenAt } = timeline;
  if (llmRequestAt === null || llmNeededAt === null) return null;
  return span(llmRequestAt, Math.min(llmNeededAt, llmFirstTokenAt ?? llmNeededAt));
}

/** Where the turn's latency went; total runs from the caller's speech end to the first packet. */
function turnLatency(timeline: TurnTimeline): TurnLatency {
  const preemptive = timeline.llmNeededAt !== null;
  return {
    ...(preemptive ? { preemptive, preemptive_saved_ms: preemptiveSavedMs(timeline) } : {}),
    endpointing_ms: span(timeline.speechEndAt, timeline.endpointAt),
    stt_ms: span(timeline.endpointAt, timeline.sttFinalAt),
    llm_first_token_ms: span(timeline.llmRequestAt, timeline.llmFirstTokenAt),
    tts_first_byte_ms: span(timeline.ttsRequestAt, timeline.ttsFirstByteAt),
    first_packet_ms: span(timeline.firstAudioEnqueuedAt, timeline.firstPacketAt),
    total_ms: span(timeline.speechEndAt ?? timeline.endpointAt, timeline.firstPacketAt),
  };
}

export function agentTranscriptTurn(
  text: string,
  startedAt: number,
  endedAt: number,
  interrupted: boolean,
  timeline: TurnTimeline,
  toolCalls: readonly ToolCallRecord[] = [],
): TranscriptTurn {
  return {
    role: "agent",
    text,
    started_at: new Date(startedAt).toISOString(),
    ended_at: new Date(endedAt).toISOString(),
    interrupted,
    latency: turnLatency(timeline),
    // Copies: a tool still running when the turn is reported is not changed in the report.
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls.map((call) => ({ ...call })) } : {}),
  };
}

export function userTranscriptTurn(text: string, startedAt: number, endedAt: number): TranscriptTurn {
  return {
    role: "user",
    text,
    started_at: new Date(startedAt).toISOString(),
    ended_at: new Date(endedAt).toISOString(),
    interrupted: false,
    latency: null,
  };
}
