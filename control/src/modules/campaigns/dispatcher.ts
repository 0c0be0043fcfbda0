// The campaign dispatcher: one pass settles finished attempts, dials at most one due lead per
// running campaign, and completes campaigns with nothing left to do. Its state is the
// database: a lead is claimed (state `calling`, attempts + 1) in the transaction that creates
// its call row, and the call reaches a gateway through the calls outbox, so a control killed at
// any point neither loses a lead nor dials one twice for one attempt.
import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import { ApiError } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import type { AmdSettings } from "@switchboard/shared/schemas/amd";
import { and, asc, count, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { callAnalyses, calls, campaignLeads, campaigns, orgs } from "../../db/schema.ts";
import { claimAndDispatch } from "../calls/dispatch.ts";
import { createOutboundCall } from "../calls/service.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { numbersOnDoNotCall } from "../do-not-call/service.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import { analysisOutcome, attemptResult, retries } from "./outcome.ts";
import { type CampaignRow, type LeadRow, presentLead } from "./present.ts";
import { transitionCampaign } from "./service.ts";
import { zoneOfNumber } from "./time-zones.ts";
import { withinWindows } from "./windows.ts";

export interface DispatcherDeps {
  db: Database;
  bus: Bus;
  config: Pick<Config, "outboundAllowedPrefixes" | "publicBaseUrl">;
  log: Logger;
}

const FINAL_CALL_STATUSES = ["completed", "busy", "no_answer", "failed", "canceled"] as const;
const LIVE_CALL_STATUSES = ["queued", "ringing", "in_progress"] as const;
/** Refusals that concern one lead: it completes with the code as its outcome; any other pauses the campaign. */
const LEAD_REFUSALS = new Set(["validation_failed", "destination_not_allowed", "do_not_call"]);
const CANDIDATES_PER_PASS = 100;
const SETTLE_BATCH = 200;

const asDb = (tx: unknown) => tx as Database;

async function completeLead(db: Database, lead: LeadRow, outcome: string, now: Date): Promise<boolean> {
  const [done] = await db
    .update(campaignLeads)
    .set({ state: "completed", outcome, completedAt: now, updatedAt: now })
    .where(and(eq(campaignLeads.id, lead.id), eq(campaignLeads.state, lead.state)))
    .returning();
  if (!done) return false;
  await emitWebhookEvent(db, lead.orgId, "lead.completed", presentLead(done));
  return true;
}

/** Leads whose attempt's call has ended: retried after the delay, or completed with their outcome. */
export async function settleFinishedAttempts(deps: DispatcherDeps, now = new Date()): Promise<number> {
  const finished = await deps.db
    .select({
      lead: campaignLeads,
      call: calls,
      campaign: campaigns,
      analysis: { status: callAnalyses.status, data: callAnalyses.data },
    })
    .from(campaignLeads)
    .innerJoin(calls, eq(calls.id, campaignLeads.lastCallId))
    .innerJoin(campaigns, eq(campaigns.id, campaignLeads.campaignId))
    .leftJoin(callAnalyses, eq(callAnalyses.callId, calls.id))
    .where(and(eq(campaignLeads.state, "calling"), inArray(calls.status, [...FINAL_CALL_STATUSES])))
    .limit(SETTLE_BATCH);
  let settled = 0;
  for (const { lead, call, campaign, analysis } of finished) {
    let result = attemptResult(call);
    if (result === "answered" && campaign.outcomeField) {
      const named = analysisOutcome(
        campaign.outcomeField,
        analysis?.status ? analysis : null,
        call.endedAt,
        now,
      );
      if (named === null) continue;
      result = named;
    }
    const retry = campaign.status !== "canceled" && retries(campaign.retry, result, lead.attempts);
    const moved = await deps.db.transaction(async (tx) => {
      if (!retry) return completeLead(asDb(tx), lead, result, now);
      const after = (call.endedAt ?? now).getTime() + campaign.retry.after_minutes * 60_000;
      const [waiting] = await tx
        .update(campaignLeads)
        .set({ state: "retrying", outcome: result, nextAttemptAt: new Date(after), updatedAt: now })
        .where(
          and(
            eq(campaignLeads.id, lead.id),
            eq(campaignLeads.state, "calling"),
            eq(campaignLeads.lastCallId, call.id),
          ),
        )
        .returning({ id: campaignLeads.id });
      return waiting !== undefined;
    });
    if (moved) settled += 1;
  }
  return settled;
}

type DialOutcome =
  | { kind: "dialled"; callId: string }
  | { kind: "none" }
  | { kind: "refused"; lead: LeadRow; error: ApiError };

async function pauseForCredits(db: Database, campaign: CampaignRow): Promise<void> {
  await transitionCampaign(db, campaign.id, ["running"], "paused", "campaign.paused", {
    pausedReason: "insufficient_credits",
  });
}

/** Dials the campaign's most overdue lead that is in its window, when pacing and caps allow. */
async function dialOne(deps: DispatcherDeps, campaignId: string, passStartedAt: Date): Promise<DialOutcome> {
  let chosen: LeadRow | null = null;
  let pauseCredits: CampaignRow | null = null;
  try {
    const outcome = await deps.db.transaction(async (rawTx): Promise<DialOutcome> => {
      const tx = asDb(rawTx);
      // The campaign row's lock serializes dispatchers of several control processes.
      const [campaign] = await tx
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "running")))
        .for("update");
      if (!campaign) return { kind: "none" };
      // Read after the lock: the pacing mark is the time this dial was decided.
      const now = new Date(Math.max(Date.now(), passStartedAt.getTime()));
      const spacingMs = 60_000 / campaign.schedule.calls_per_minute;
      if (campaign.lastDialAt && now.getTime() - campaign.lastDialAt.getTime() < spacingMs)
        return { kind: "none" };
      const [calling] = await tx
        .select({ n: count() })
        .from(campaignLeads)
        .where(and(eq(campaignLeads.campaignId, campaign.id), eq(campaignLeads.state, "calling")));
      if (Number(calling?.n ?? 0) >= campaign.schedule.max_concurrent) return { kind: "none" };
      const [org] = await tx
        .select({ cap: orgs.maxConcurrentCalls })
        .from(orgs)
        .where(eq(orgs.id, campaign.orgId));
      const [live] = await tx
        .select({ n: count() })
        .from(calls)
        .where(and(eq(calls.orgId, campaign.orgId), inArray(calls.status, [...LIVE_CALL_STATUSES])));
      if (org && Number(live?.n ?? 0) >= org.cap) return { kind: "none" };
      const due = await tx
        .select()
        .from(campaignLeads)
        .where(
          and(
            eq(campaignLeads.campaignId, campaign.id),
            inArray(campaignLeads.state, ["pending", "retrying"]),
            lte(campaignLeads.nextAttemptAt, now),
          ),
        )
        .orderBy(asc(campaignLeads.nextAttemptAt), asc(campaignLeads.id))
        .limit(CANDIDATES_PER_PASS)
        .for("update", { skipLocked: true });
      const lead = due.find((candidate) =>
        withinWindows(
          now,
          candidate.timeZone ?? zoneOfNumber(candidate.phoneNumber) ?? campaign.schedule.time_zone,
          campaign.schedule.windows,
        ),
      );
      if (!lead) return { kind: "none" };
      chosen = lead;
      if ((await getBalanceCents(tx, campaign.orgId)) <= 0) {
        pauseCredits = campaign;
        return { kind: "none" };
      }
      // A number listed after the import is never dialled.
      if ((await numbersOnDoNotCall(tx, campaign.orgId, [lead.phoneNumber])).size > 0) {
        await completeLead(tx, lead, "do_not_call", now);
        return { kind: "none" };
      }
      const call = await createOutboundCall({ db: tx, bus: deps.bus, config: deps.config }, campaign.orgId, {
        agent_id: campaign.agentId,
        to_number: lead.phoneNumber,
        ...(campaign.fromNumber ? { from_number: campaign.fromNumber } : {}),
        ...(campaign.objective ? { objective: campaign.objective } : {}),
        metadata: { ...lead.variables, campaign_id: campaign.id, lead_id: lead.id },
        ...(campaign.amd ? { amd: campaign.amd as AmdSettings } : {}),
      });
      const [claimed] = await tx
        .update(campaignLeads)
        .set({
          state: "calling",
          attempts: sql`${campaignLeads.attempts} + 1`,
          lastCallId: call.id,
          callIds: sql`${campaignLeads.callIds} || ${JSON.stringify([call.id])}::jsonb`,
          updatedAt: now,
        })
        .where(and(eq(campaignLeads.id, lead.id), inArray(campaignLeads.state, ["pending", "retrying"])))
        .returning({ id: campaignLeads.id });
      if (!claimed) throw new Error("lead claimed by another dispatcher");
      // Marked after the call's started_at, so consecutive calls start at least the spacing apart.
      await tx.update(campaigns).set({ lastDialAt: new Date() }).where(eq(campaigns.id, campaign.id));
      return { kind: "dialled", callId: call.id };
    });
    if (pauseCredits) await pauseForCredits(deps.db, pauseCredits);
    return outcome;
  } catch (error) {
    if (error instanceof ApiError && chosen) return { kind: "refused", lead: chosen, error };
    throw error;
  }
}

async function handleRefusal(
  deps: DispatcherDeps,
  campaignId: string,
  lead: LeadRow,
  error: ApiError,
): Promise<void> {
  const now = new Date();
  if (LEAD_REFUSALS.has(error.code)) {
    await deps.db.transaction((tx) => completeLead(asDb(tx), lead, error.code, now));
    return;
  }
  deps.log.warn({ campaign_id: campaignId, code: error.code }, "campaign paused: its calls are refused");
  await transitionCampaign(deps.db, campaignId, ["running"], "paused", "campaign.paused", {
    pausedReason: error.code,
  });
}

/** Running campaigns with no lead waiting or in a call become completed. */
async function completeFinishedCampaigns(deps: DispatcherDeps, campaignIds: string[]): Promise<number> {
  let completed = 0;
  for (const campaignId of campaignIds) {
    const open = sql`not exists (select 1 from ${campaignLeads} where ${campaignLeads.campaignId} = ${campaigns.id} and ${campaignLeads.state} in ('pending', 'calling', 'retrying'))`;
    const row = await transitionCampaign(
      deps.db,
      campaignId,
      ["running"],
      "completed",
      "campaign.completed",
      {
        where: open,
      },
    );
    if (row) completed += 1;
  }
  return completed;
}

export interface DispatchPass {
  /** It changed something: another pass follows at once. */
  worked: boolean;
  /** Campaigns running at its start: none, and the dispatcher may wait longer for the next. */
  runningCampaigns: number;
}

/** One pass over every running campaign. */
export async function dispatchPass(deps: DispatcherDeps, now = new Date()): Promise<DispatchPass> {
  let worked = (await settleFinishedAttempts(deps, now)) > 0;
  const running = await deps.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "running"));
  for (const { id } of running) {
    const outcome = await dialOne(deps, id, now);
    if (outcome.kind === "dialled") {
      worked = true;
      try {
        await claimAndDispatch(deps, outcome.callId);
      } catch (error) {
        deps.log.warn(
          { err: error, call_id: outcome.callId },
          "dispatch append failed; the calls sweeper retries",
        );
      }
    } else if (outcome.kind === "refused") {
      worked = true;
      await handleRefusal(deps, id, outcome.lead, outcome.error);
    }
  }
  if (
    (await completeFinishedCampaigns(
      deps,
      running.map((row) => row.id),
    )) > 0
  )
    worked = true;
  return { worked, runningCampaigns: running.length };
}
