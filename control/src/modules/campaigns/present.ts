import type { campaignLeads, campaigns } from "../../db/schema.ts";
import type { CampaignCounts, CampaignResponse, LeadResponse } from "./model.ts";

export type CampaignRow = typeof campaigns.$inferSelect;
export type LeadRow = typeof campaignLeads.$inferSelect;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentCampaign(row: CampaignRow, counts?: CampaignCounts): CampaignResponse {
  return {
    id: row.id,
    name: row.name,
    agent_id: row.agentId,
    from_number: row.fromNumber,
    objective: row.objective,
    schedule: row.schedule as CampaignResponse["schedule"],
    retry: row.retry,
    amd: (row.amd as CampaignResponse["amd"]) ?? null,
    outcome_field: row.outcomeField,
    status: row.status,
    paused_reason: row.pausedReason,
    started_at: iso(row.startedAt),
    completed_at: iso(row.completedAt),
    created_at: row.createdAt.toISOString(),
    ...(counts ? { counts } : {}),
  };
}

export function presentLead(row: LeadRow): LeadResponse {
  const waiting = row.state === "pending" || row.state === "retrying";
  return {
    id: row.id,
    campaign_id: row.campaignId,
    phone_number: row.phoneNumber,
    variables: row.variables,
    time_zone: row.timeZone,
    state: row.state,
    outcome: row.outcome,
    attempts: row.attempts,
    next_attempt_at: waiting ? row.nextAttemptAt.toISOString() : null,
    last_call_id: row.lastCallId,
    call_ids: row.callIds,
    completed_at: iso(row.completedAt),
    created_at: row.createdAt.toISOString(),
  };
}
