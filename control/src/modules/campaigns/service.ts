// Campaigns: creation, reading with counts, and the state changes a client asks for. Each
// change is a conditional UPDATE, committed with the webhook it causes.
import { ApiError, insufficientCredits, notFound, validationFailed } from "@switchboard/shared/errors";
import type { WebhookEventType } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { and, count, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  agents,
  type CampaignPauseReason,
  type CampaignStatus,
  campaignLeads,
  campaigns,
  type LeadState,
} from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { parseE164 } from "../phone-numbers/e164.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import { type CampaignCounts, type CreateCampaignInput, LEAD_STATES } from "./model.ts";
import type { CampaignRow } from "./present.ts";
import { isTimeZone } from "./time-zones.ts";

const DEFAULT_SCHEDULE = { calls_per_minute: 10, max_concurrent: 5, time_zone: "UTC", windows: [] };
const DEFAULT_RETRY = { on: ["no_answer" as const, "busy" as const], max_attempts: 1, after_minutes: 60 };

export async function createCampaign(
  db: Database,
  orgId: string,
  input: CreateCampaignInput,
): Promise<CampaignRow> {
  const schedule = { ...DEFAULT_SCHEDULE, ...input.schedule };
  const retry = { ...DEFAULT_RETRY, ...input.retry };
  if (!isTimeZone(schedule.time_zone)) {
    throw validationFailed([
      { field: "schedule.time_zone", message: "is not an IANA time zone (e.g. America/New_York)" },
    ]);
  }
  const fromNumber =
    input.from_number === undefined ? null : parseE164(input.from_number, "from_number").e164;
  const [agent] = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, input.agent_id)));
  if (!agent) throw notFound("Agent");
  const [row] = await db
    .insert(campaigns)
    .values({
      id: newId("cmp"),
      orgId,
      name: input.name,
      agentId: agent.id,
      fromNumber,
      objective: input.objective ?? null,
      schedule,
      retry: { ...retry, on: [...new Set(retry.on)] },
      amd: input.amd ?? null,
      outcomeField: input.outcome_field ?? null,
      status: "draft",
    })
    .returning();
  return row!;
}

export async function getCampaignRow(db: Database, orgId: string, campaignId: string): Promise<CampaignRow> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), eq(campaigns.id, campaignId)));
  if (!row) throw notFound("Campaign");
  return row;
}

export function listCampaigns(db: Database, orgId: string, page: PageRequest): Promise<CampaignRow[]> {
  return selectPage(db.select().from(campaigns).$dynamic(), campaigns.id, eq(campaigns.orgId, orgId), page);
}

export async function campaignCounts(db: Database, campaignId: string): Promise<CampaignCounts> {
  const byState = await db
    .select({ state: campaignLeads.state, n: count() })
    .from(campaignLeads)
    .where(eq(campaignLeads.campaignId, campaignId))
    .groupBy(campaignLeads.state);
  const byOutcome = await db
    .select({ outcome: campaignLeads.outcome, n: count() })
    .from(campaignLeads)
    .where(and(eq(campaignLeads.campaignId, campaignId), isNotNull(campaignLeads.outcome)))
    .groupBy(campaignLeads.outcome);
  const states = Object.fromEntries(LEAD_STATES.map((state) => [state, 0])) as Record<LeadState, number>;
  for (const row of byState) states[row.state] = Number(row.n);
  return {
    total: Object.values(states).reduce((sum, n) => sum + n, 0),
    by_state: states,
    by_outcome: Object.fromEntries(byOutcome.map((row) => [row.outcome!, Number(row.n)])),
  };
}

/** The campaign's webhook payload. */
export async function campaignEventData(db: Database, row: CampaignRow): Promise<Record<string, unknown>> {
  return {
    campaign_id: row.id,
    name: row.name,
    status: row.status,
    paused_reason: row.pausedReason,
    counts: await campaignCounts(db, row.id),
  };
}

/**
 * Moves the campaign from one of `from` to `to` and queues `event` in the same transaction;
 * null when it was in no state of `from` (another request or the dispatcher moved it first).
 */
export async function transitionCampaign(
  db: Database,
  campaignId: string,
  from: CampaignStatus[],
  to: CampaignStatus,
  event: WebhookEventType | null,
  extra: { pausedReason?: CampaignPauseReason | string | null; where?: SQL } = {},
): Promise<CampaignRow | null> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(campaigns)
      .set({
        status: to,
        pausedReason: to === "paused" ? (extra.pausedReason ?? "requested") : null,
        updatedAt: now,
        ...(to === "running" && from.includes("draft") ? { startedAt: now } : {}),
        ...(to === "completed" || to === "canceled" ? { completedAt: now } : {}),
      })
      .where(and(eq(campaigns.id, campaignId), inArray(campaigns.status, from), extra.where))
      .returning();
    if (!row) return null;
    if (to === "canceled") {
      await tx
        .update(campaignLeads)
        .set({ state: "canceled", updatedAt: now })
        .where(
          and(
            eq(campaignLeads.campaignId, campaignId),
            inArray(campaignLeads.state, ["pending", "retrying"]),
          ),
        );
    }
    if (event)
      await emitWebhookEvent(
        tx as unknown as Database,
        row.orgId,
        event,
        await campaignEventData(tx as unknown as Database, row),
      );
    return row;
  });
}

export type CampaignAction = "start" | "pause" | "resume" | "cancel";

const ACTIONS: Record<
  CampaignAction,
  { from: CampaignStatus[]; to: CampaignStatus; event: WebhookEventType | null }
> = {
  start: { from: ["draft"], to: "running", event: "campaign.started" },
  pause: { from: ["running"], to: "paused", event: "campaign.paused" },
  resume: { from: ["paused"], to: "running", event: null },
  cancel: { from: ["draft", "running", "paused"], to: "canceled", event: null },
};

/** start, pause, resume, cancel: 409 `campaign_state` when the campaign is in no state the action leaves. */
export async function actOnCampaign(
  db: Database,
  orgId: string,
  campaignId: string,
  action: CampaignAction,
): Promise<CampaignRow> {
  const current = await getCampaignRow(db, orgId, campaignId);
  const rule = ACTIONS[action];
  if ((action === "start" || action === "resume") && (await getBalanceCents(db, orgId)) <= 0) {
    throw insufficientCredits(
      `The organization has no credits left; add credits before you ${action} the campaign.`,
    );
  }
  const moved = await transitionCampaign(db, current.id, rule.from, rule.to, rule.event, {
    pausedReason: "requested",
  });
  if (!moved) {
    throw new ApiError(
      409,
      "campaign_state",
      `The campaign is ${(await getCampaignRow(db, orgId, campaignId)).status}; ${action} applies to a campaign that is ${rule.from.join(" or ")}.`,
    );
  }
  return moved;
}
