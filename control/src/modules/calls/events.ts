// Applies one gateway call event to the database, exactly once per event id: the event id is
// recorded in `call_events_seen` in the same transaction as its effect, so a redelivered
// event (a consumer died before its ack, a claim, a replay) changes nothing.
import type { Bus } from "@switchboard/shared/bus/contract";
import {
  CALL_DIRECTIONS,
  CALL_STATUSES,
  type CallEvent,
  type CallStatus,
  type WebhookEventType,
} from "@switchboard/shared/events";
import { effectiveRates } from "@switchboard/shared/rates";
import { realtimeUsageOf } from "@switchboard/shared/realtime";
import { ANSWERED_BY, type AnsweredBy } from "@switchboard/shared/schemas/amd";
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { databaseProcedure, runProcedure } from "../../db/procedure.ts";
import { calls, callTurns } from "../../db/schema.ts";
import { agentAnalysisOfCall, queueCallAnalysis } from "../analysis/enqueue.ts";
import { publishBalance } from "../credits/ledger.ts";
import { listCalledParty } from "../do-not-call/service.ts";
import { recordCallSms } from "../sms/call-sms.ts";
import { anySubscribes, queueWebhookEvent } from "../webhooks/emit.ts";
import { chargeCall, chargeOfCallCents, type RatesConfig } from "./billing.ts";
import { isTerminal } from "./call-status.ts";
import { BatchLookups, recordUnseenReadingOrgs } from "./event-batch.ts";
import { type CallRow, presentCall, presentTurn } from "./present.ts";
import { dateOr, insertTurnTouchingCall, turnRowOf } from "./turn-event.ts";
import { updateRecordedCall, updateStartedCall, upsertStatusOfCall } from "./update-found-call.ts";

export interface CallEventsDeps {
  db: Database;
  bus: Bus;
  config: RatesConfig & { publicBaseUrl: string | null };
}

export type ApplyOutcome = "applied" | "duplicate" | "unknown_org";

/** Parses and checks the shape of a stream entry; null for anything unusable. */
export function parseCallEvent(data: string): CallEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const event = value as Partial<CallEvent> & Record<string, unknown>;
  for (const field of ["event_id", "call_id", "org_id", "type"] as const) {
    if (typeof event[field] !== "string" || event[field] === "") return null;
  }
  if (
    (event.type === "call.status" || event.type === "call.ended") &&
    !CALL_STATUSES.includes(event.status as CallStatus)
  )
    return null;
  if (event.type === "call.started" && !CALL_DIRECTIONS.includes(event.direction as never)) return null;
  if (event.type === "call.turn" && (typeof event.turn !== "object" || event.turn === null)) return null;
  if (event.type === "call.recording" && typeof event.path !== "string") return null;
  if (event.type === "call.transfer" && (typeof event.target !== "string" || typeof event.ok !== "boolean"))
    return null;
  if (event.type === "call.amd" && !ANSWERED_BY.includes(event.answered_by as AnsweredBy)) return null;
  if (
    event.type === "call.sms" &&
    (typeof event.sms_id !== "string" || !event.sms_id.startsWith("sms_") || typeof event.body !== "string")
  )
    return null;
  return event as CallEvent;
}

/** The webhook each event written by updateFoundCallOf sends with the call it leaves. */
const FIELD_EVENT_WEBHOOKS: Partial<Record<CallEvent["type"], WebhookEventType>> = {
  "call.started": "call.started",
  "call.recording": "call.recording.ready",
};

interface PendingWebhook {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

/**
 * The call row, locked for this transaction; created from the event when control has not
 * seen the call. Most events find the row, so it is looked for first (one statement).
 */
async function lockCall(tx: Database, event: CallEvent): Promise<CallRow> {
  const [found] = await tx.select().from(calls).where(eq(calls.id, event.call_id)).for("update");
  if (found) return found;
  const [created] = await tx
    .insert(calls)
    .values({
      id: event.call_id,
      orgId: event.org_id,
      direction: event.type === "call.started" ? event.direction : "inbound",
      // A first `ringing` creates the row ringing: no update after the insert.
      status: event.type === "call.status" && !isTerminal(event.status) ? event.status : "queued",
      startedAt: dateOr(event.occurred_at, new Date()),
      gatewayId: event.gateway_id ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  // Another transaction created it meanwhile: wait for its lock.
  const [row] = await tx.select().from(calls).where(eq(calls.id, event.call_id)).for("update");
  return row!;
}

async function transcriptOf(tx: Database, callId: string) {
  const rows = await tx
    .select()
    .from(callTurns)
    .where(eq(callTurns.callId, callId))
    .orderBy(asc(callTurns.startedAt), asc(callTurns.ordinal));
  return rows.map(presentTurn);
}

/** What persisting events needs of the configuration: prices and the links in webhook payloads. */
type PersistConfig = CallEventsDeps["config"];

function persistConfigOf(config: PersistConfig): PersistConfig {
  return {
    numberMonthlyCents: config.numberMonthlyCents,
    outboundCentsPerMinute: config.outboundCentsPerMinute,
    inboundCentsPerMinute: config.inboundCentsPerMinute,
    webCentsPerMinute: config.webCentsPerMinute,
    creditsLowThresholdCents: config.creditsLowThresholdCents,
    realtimeTokenPrices: config.realtimeTokenPrices,
    publicBaseUrl: config.publicBaseUrl,
  };
}

async function applyInTransaction(
  tx: Database,
  config: PersistConfig,
  event: CallEvent,
  lookups: BatchLookups,
  unseen: Set<string>,
): Promise<{ outcome: ApplyOutcome; charged: boolean }> {
  const webhooks: PendingWebhook[] = [];
  const org = await lookups.org(event.org_id);
  // Taken once: a second entry with the same id in this batch is a duplicate too.
  if (!unseen.delete(event.event_id)) return { outcome: "duplicate", charged: false };
  if (!org) return { outcome: "unknown_org", charged: false };

  // Most turns find their call: one statement then, and no webhook follows a turn.
  if (event.type === "call.turn" && (await insertTurnTouchingCall(tx, event, org.redaction, new Date())))
    return { outcome: "applied", charged: false };
  // So do the events that only set fields of a call: a status moves on without a webhook.
  const written = await updateFoundCallOf(tx, event);
  if (written) {
    const webhook = FIELD_EVENT_WEBHOOKS[event.type];
    if (webhook)
      await queueWebhooks(tx, lookups, written.orgId, [
        { type: webhook, data: presentCall(written, config.publicBaseUrl) },
      ]);
    return { outcome: "applied", charged: false };
  }
  const row = await lockCall(tx, event);
  if (row.orgId !== event.org_id) return { outcome: "unknown_org", charged: false };
  const gatewayId = event.gateway_id ?? row.gatewayId;
  const now = new Date();
  const present = (updated: CallRow) => presentCall(updated, config.publicBaseUrl);
  let charged = false;

  switch (event.type) {
    // The upsert (upsertStatusOfCall) wrote every status that moves the call forward; what is
    // left is an end, or one it is past (the long way only created the unseen call).
    case "call.status":
      break;
    // The long way created the call the update did not find: update it now.
    case "call.started":
    case "call.recording": {
      const updated = await updateFoundCallOf(tx, event);
      webhooks.push({ type: FIELD_EVENT_WEBHOOKS[event.type]!, data: present(updated!) });
      break;
    }
    case "call.turn": {
      await tx
        .insert(callTurns)
        .values(turnRowOf(event, row, org.redaction, now))
        .onConflictDoNothing();
      await tx.update(calls).set({ gatewayId, updatedAt: now }).where(eq(calls.id, row.id));
      break;
    }
    case "call.ended": {
      if (isTerminal(row.status)) break;
      const durationS = Math.max(0, Number(event.duration_s) || 0);
      const usage = realtimeUsageOf(event.usage);
      const rates = effectiveRates(config, org.rates ?? null);
      const chargedCents = await chargeCall(
        tx,
        config,
        row,
        chargeOfCallCents(rates, config.realtimeTokenPrices, {
          direction: row.direction,
          durationS,
          usage,
        }),
      );
      charged = chargedCents > 0;
      const [updated] = await tx
        .update(calls)
        .set({
          status: isTerminal(event.status) ? event.status : "failed",
          hangupCause: event.hangup_cause ?? null,
          endedAt: dateOr(event.ended_at, now),
          durationS,
          costCents: chargedCents,
          usage,
          gatewayId,
          updatedAt: now,
        })
        .where(eq(calls.id, row.id))
        .returning({ ...getTableColumns(calls), agentAnalysis: agentAnalysisOfCall });
      const { agentAnalysis, ...ended } = updated!;
      await queueCallAnalysis(tx, ended, agentAnalysis);
      const resource = present(ended);
      webhooks.push({ type: "call.ended", data: resource });
      if (ended.status === "failed") webhooks.push({ type: "call.failed", data: resource });
      if (anySubscribes(await lookups.subscribers(row.orgId), "call.transcript.ready")) {
        const transcript = await transcriptOf(tx, row.id);
        if (transcript.length > 0)
          webhooks.push({ type: "call.transcript.ready", data: { ...resource, transcript } });
      }
      break;
    }
    case "call.do_not_call": {
      await listCalledParty(tx, row, event.reason);
      break;
    }
    case "call.sms": {
      await recordCallSms(tx, row, { smsId: event.sms_id, to: event.to, body: event.body });
      break;
    }
    case "call.amd": {
      await tx
        .update(calls)
        .set({
          answeredBy: event.answered_by,
          amdDecisionMs: Math.max(0, Math.round(Number(event.decision_ms) || 0)),
          amdEvidence: Array.isArray(event.evidence) ? event.evidence.map(String).slice(0, 20) : [],
          gatewayId,
          updatedAt: now,
        })
        .where(eq(calls.id, row.id));
      break;
    }
    case "call.transfer": {
      const transfer = {
        target: event.target.slice(0, 300),
        ok: event.ok === true,
        status: Number.isInteger(event.status) ? event.status : null,
        reason: typeof event.reason === "string" ? event.reason.slice(0, 300) : "",
        at: dateOr(event.occurred_at, now).toISOString(),
      };
      await tx.update(calls).set({ transfer, gatewayId, updatedAt: now }).where(eq(calls.id, row.id));
      break;
    }
  }
  await queueWebhooks(tx, lookups, row.orgId, webhooks);
  return { outcome: "applied", charged };
}

/** The call as `call.status`, `call.started` or `call.recording` leaves it; null for other events or none written. */
function updateFoundCallOf(tx: Database, event: CallEvent): Promise<CallRow | null> {
  if (event.type === "call.status") return upsertStatusOfCall(tx, event, new Date());
  if (event.type === "call.started") return updateStartedCall(tx, event, new Date());
  if (event.type === "call.recording") return updateRecordedCall(tx, event, new Date());
  return Promise.resolve(null);
}

async function queueWebhooks(
  tx: Database,
  lookups: BatchLookups,
  orgId: string,
  webhooks: PendingWebhook[],
): Promise<void> {
  if (webhooks.length === 0) return;
  const endpoints = await lookups.subscribers(orgId);
  for (const webhook of webhooks) await queueWebhookEvent(tx, orgId, endpoints, webhook.type, webhook.data);
}

/** Applies `event` once; the balance mirror on the bus is refreshed after a charge commits. */
export async function applyCallEvent(deps: CallEventsDeps, event: CallEvent): Promise<ApplyOutcome> {
  const [outcome] = await applyCallEvents(deps, [event]);
  return outcome!;
}

/**
 * Applies `events` in order, each once, in one transaction: all of them commit or none does
 * (a redelivery after a failure or a crash before the commit finds none recorded). One
 * commit for a batch instead of one per event is what lets a consumer keep up with many
 * calls. On the embedded default the whole transaction runs on PGlite's thread as one message.
 */
export const persistCallEvents = databaseProcedure(
  import.meta.url,
  "persistCallEvents",
  (db, input: { config: PersistConfig; events: CallEvent[] }) =>
    db.transaction(async (tx) => {
      const outcomes: ApplyOutcome[] = [];
      const chargedOrgs = new Set<string>();
      const lookups = new BatchLookups(tx);
      const unseen = await recordUnseenReadingOrgs(tx, input.events, lookups);
      for (const event of input.events) {
        const applied = await applyInTransaction(tx, input.config, event, lookups, unseen);
        outcomes.push(applied.outcome);
        if (applied.charged) chargedOrgs.add(event.org_id);
      }
      return { outcomes, chargedOrgs: [...chargedOrgs] };
    }),
);

/** Persists `events` (persistCallEvents); resolves after the commit with the orgs it charged. */
export async function persistEvents(
  deps: Pick<CallEventsDeps, "db" | "config">,
  events: CallEvent[],
): Promise<{ outcomes: ApplyOutcome[]; chargedOrgs: string[] }> {
  if (events.length === 0) return { outcomes: [], chargedOrgs: [] };
  return runProcedure(deps.db, persistCallEvents, { config: persistConfigOf(deps.config), events });
}

/**
 * Persists `events`, then refreshes the balance mirror on the bus once per charged org, after
 * the commit.
 */
export async function applyCallEvents(deps: CallEventsDeps, events: CallEvent[]): Promise<ApplyOutcome[]> {
  const result = await persistEvents(deps, events);
  for (const orgId of result.chargedOrgs) await publishBalance(deps.db, deps.bus, orgId);
  return result.outcomes;
}
