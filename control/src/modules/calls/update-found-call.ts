// The events that only set fields of a call write its row straight away: `call.started` and
// `call.recording` update the call control has, and `call.status` creates it or moves its
// status forward in one upsert. The write locks the row as the look-up would, and the
// look-up's statement is saved. An event whose call is another org's (or, but for
// `call.status`, not there) writes nothing and goes the long way, which creates or refuses it.
import type { CallEvent } from "@switchboard/shared/events";
import { type AnyColumn, and, eq, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.ts";
import { calls } from "../../db/schema.ts";
import { isTerminal, STATUSES_BEFORE_END } from "./call-status.ts";
import type { CallRow } from "./present.ts";
import { dateOr } from "./turn-event.ts";

type StatusEvent = Extract<CallEvent, { type: "call.status" }>;
type StartedEvent = Extract<CallEvent, { type: "call.started" }>;
type RecordingEvent = Extract<CallEvent, { type: "call.recording" }>;

/** A header map from the bus: only string values, else nothing (the event comes from a gateway, not a tenant). */
function stringRecordOf(value: unknown): Record<string, string> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

const ofEventsCall = (event: CallEvent) => and(eq(calls.id, event.call_id), eq(calls.orgId, event.org_id));

/** `value`, or the column's value when the event has none. */
const textOr = (value: string | null | undefined, column: AnyColumn) =>
  sql`coalesce(${value ?? null}::text, ${column})`;

/** A status's place in the order statuses move in (STATUSES_BEFORE_END, then every end). */
const rankOf = (status: SQL | AnyColumn) =>
  sql`(case ${status} ${sql.raw(
    STATUSES_BEFORE_END.map((name, index) => `when '${name}' then ${index}`).join(" "),
  )} else ${sql.raw(String(STATUSES_BEFORE_END.length))} end)`;

/**
 * `call.status` on the event's call: a call control has not seen is created with the status (a
 * first `ringing`); one it has moves to the status when that is further along and not an end
 * (ends come with `call.ended`). Null when nothing was written: the status would not move the
 * call forward, or the call is another org's.
 */
export async function upsertStatusOfCall(
  tx: Database,
  event: StatusEvent,
  now: Date,
): Promise<CallRow | null> {
  // An end in a status event changes nothing (the long way creates a call it has not seen).
  if (isTerminal(event.status)) return null;
  const [written] = await tx
    .insert(calls)
    .values({
      id: event.call_id,
      orgId: event.org_id,
      direction: "inbound",
      status: event.status,
      startedAt: dateOr(event.occurred_at, now),
      gatewayId: event.gateway_id ?? null,
    })
    .onConflictDoUpdate({
      target: calls.id,
      set: {
        status: sql`excluded.status`,
        gatewayId: sql`coalesce(excluded.gateway_id, ${calls.gatewayId})`,
        updatedAt: now,
      },
      setWhere: and(
        eq(calls.orgId, event.org_id),
        sql`${rankOf(sql`excluded.status`)} > ${rankOf(calls.status)}`,
      ),
    })
    .returning();
  return written ?? null;
}

/** Sets `values` on the event's call; null when there is no such call of that org. */
async function updateEventsCall(
  tx: Database,
  event: CallEvent,
  values: PgUpdateSetSource<typeof calls>,
): Promise<CallRow | null> {
  const [updated] = await tx.update(calls).set(values).where(ofEventsCall(event)).returning();
  return updated ?? null;
}

/**
 * `call.started` on the event's call: in progress unless it has already ended (statuses only
 * move forward), and every field the event has. Null when there is no such call of that org.
 */
export function updateStartedCall(tx: Database, event: StartedEvent, now: Date): Promise<CallRow | null> {
  const sipHeaders = stringRecordOf(event.sip_headers);
  return updateEventsCall(tx, event, {
    direction: event.direction,
    status: sql`case when ${calls.status} in ('queued', 'ringing') then 'in_progress' else ${calls.status} end`,
    agentId: textOr(event.agent_id, calls.agentId),
    fromNumber: textOr(event.from_number, calls.fromNumber),
    toNumber: textOr(event.to_number, calls.toNumber),
    phoneNumberId: textOr(event.phone_number_id, calls.phoneNumberId),
    sipHeaders: sql`coalesce(${sipHeaders === null ? null : JSON.stringify(sipHeaders)}::jsonb, ${calls.sipHeaders})`,
    answeredAt: dateOr(event.answered_at, now),
    gatewayId: textOr(event.gateway_id, calls.gatewayId),
    updatedAt: now,
  });
}

/** `call.recording` on the event's call. Null when there is no such call of that org. */
export function updateRecordedCall(tx: Database, event: RecordingEvent, now: Date): Promise<CallRow | null> {
  return updateEventsCall(tx, event, {
    recordingPath: event.path,
    recordingBytes: Number(event.bytes) || null,
    updatedAt: now,
  });
}
