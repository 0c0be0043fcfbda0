// A `call.turn` event's row in call_turns, and its write together with the touch of the call
// row that the reaper reads as the call's last sign of life.
import type { CallEvent } from "@switchboard/shared/events";
import type { ToolCallRecord } from "@switchboard/shared/schemas/call";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { rowsOf } from "../../db/rows-of.ts";
import { calls, callTurns } from "../../db/schema.ts";
import type { RedactionPolicy } from "../redaction/policy.ts";
import { redactTurnText } from "../redaction/turn-text.ts";

type TurnEvent = Extract<CallEvent, { type: "call.turn" }>;
export type TurnRow = typeof callTurns.$inferInsert;

/** `value` as a date; `fallback` when it is missing or not a date. */
export function dateOr(value: string | null | undefined, fallback: Date): Date {
  if (!value) return fallback;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? fallback : parsed;
}

/** A turn's tool calls with arguments and results masked like its text; null without any. */
function maskedToolCalls(
  redaction: Partial<RedactionPolicy> | null | undefined,
  toolCalls: unknown,
): ToolCallRecord[] | null {
  if (!Array.isArray(toolCalls) || toolCalls.length === 0) return null;
  return toolCalls.slice(0, 50).map((call: Partial<ToolCallRecord>) => ({
    name: String(call.name ?? ""),
    arguments: redactTurnText(redaction, String(call.arguments ?? "")),
    result: typeof call.result === "string" ? redactTurnText(redaction, call.result) : null,
    duration_ms: Number(call.duration_ms) || 0,
    outcome: call.outcome === "cancelled" || call.outcome === "failed" ? call.outcome : "completed",
  }));
}

/** The turn's row; its text and tool calls are masked before they are stored. */
export function turnRowOf(
  event: TurnEvent,
  call: { id: string; orgId: string },
  redaction: Partial<RedactionPolicy>,
  now: Date,
): TurnRow {
  const turn = event.turn;
  const startedAt = dateOr(turn.started_at, now);
  return {
    id: event.event_id,
    callId: call.id,
    orgId: call.orgId,
    ordinal: Number.isInteger(event.index) ? event.index : 0,
    role: turn.role === "agent" ? "agent" : "user",
    // Masked before it is stored: webhooks, analysis and the API only see this text.
    text: redactTurnText(redaction, typeof turn.text === "string" ? turn.text : ""),
    startedAt,
    endedAt: dateOr(turn.ended_at, startedAt),
    interrupted: turn.interrupted === true,
    latency: turn.latency ?? null,
    toolCalls: maskedToolCalls(redaction, turn.tool_calls),
    totalMs: typeof turn.latency?.total_ms === "number" ? Math.round(turn.latency.total_ms) : null,
  };
}

const jsonOrNull = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * Touches the event's call row of the event's org (which locks it) and inserts the turn, in
 * one statement: a turn is most of a call's events, and each statement costs a round trip.
 * False when there is no such row; nothing is written then.
 */
export async function insertTurnTouchingCall(
  tx: Database,
  event: TurnEvent,
  redaction: Partial<RedactionPolicy>,
  now: Date,
): Promise<boolean> {
  const row = turnRowOf(event, { id: event.call_id, orgId: event.org_id }, redaction, now);
  // Timestamps go as ISO text with a cast: both drivers then send the same parameter.
  const result = await tx.execute(sql`
    with touched as (
      update ${calls}
      set updated_at = ${now.toISOString()}::timestamptz,
        gateway_id = coalesce(${event.gateway_id ?? null}::text, gateway_id)
      where id = ${event.call_id} and org_id = ${event.org_id}
      returning id, org_id
    ), inserted as (
      insert into ${callTurns}
        (id, call_id, org_id, ordinal, role, text, started_at, ended_at, interrupted, latency, tool_calls, total_ms)
      select ${row.id}, id, org_id, ${row.ordinal}::integer, ${row.role}, ${row.text},
        ${row.startedAt.toISOString()}::timestamptz, ${row.endedAt.toISOString()}::timestamptz,
        ${row.interrupted}::boolean, ${jsonOrNull(row.latency)}::jsonb, ${jsonOrNull(row.toolCalls)}::jsonb,
        ${row.totalMs ?? null}::integer
      from touched
      on conflict do nothing
    )
    select count(*)::integer as touched from touched`);
  return Number(rowsOf<{ touched?: unknown }>(result)[0]?.touched ?? 0) > 0;
}
