import { traceIdOf } from "@switchboard/shared/tracing/tracer";
import type { calls, callTurns } from "../../db/schema.ts";
import type { CallResponse, TurnResponse } from "./model.ts";

export type CallRow = typeof calls.$inferSelect;
type TurnRow = typeof callTurns.$inferSelect;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function recordingUrl(
  row: Pick<CallRow, "id" | "recordingPath">,
  publicBaseUrl: string | null,
): string | null {
  if (!row.recordingPath) return null;
  return `${publicBaseUrl ?? ""}/api/v1/calls/${row.id}/recording`;
}

export function presentCall(row: CallRow, publicBaseUrl: string | null): CallResponse {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    agent_id: row.agentId,
    from_number: row.fromNumber,
    to_number: row.toNumber,
    phone_number_id: row.phoneNumberId,
    objective: row.objective,
    started_at: row.startedAt.toISOString(),
    answered_at: iso(row.answeredAt),
    ended_at: iso(row.endedAt),
    duration_s: row.durationS,
    cost_cents: row.costCents,
    usage: row.usage ?? null,
    hangup_cause: row.hangupCause,
    answered_by: row.answeredBy ?? null,
    amd_decision_ms: row.amdDecisionMs ?? null,
    amd_evidence: row.amdEvidence ?? null,
    recording_url: recordingUrl(row, publicBaseUrl),
    trace_id: traceIdOf(row.id),
    metadata: row.metadata,
    transfer: row.transfer ?? null,
    sip_headers: row.sipHeaders ?? null,
  };
}

export function presentTurn(row: TurnRow): TurnResponse {
  return {
    role: row.role,
    text: row.text,
    started_at: row.startedAt.toISOString(),
    ended_at: row.endedAt.toISOString(),
    interrupted: row.interrupted,
    latency: row.latency ?? null,
    ...(row.toolCalls?.length ? { tool_calls: row.toolCalls } : {}),
  };
}
