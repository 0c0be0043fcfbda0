// Campaigns and their leads. The dispatcher's whole state is here: a lead is claimed by a
// conditional UPDATE in the transaction that creates its call, so a restarted control never
// dials a lead twice for one attempt.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";

export type CampaignStatus = "draft" | "running" | "paused" | "completed" | "canceled";
export type CampaignPauseReason = "requested" | "insufficient_credits";
export type LeadState = "pending" | "calling" | "retrying" | "completed" | "canceled";
export type RetryOn = "no_answer" | "busy" | "machine" | "failed";

export interface CampaignWindow {
  /** Lower-case three-letter weekdays: `mon` .. `sun`. */
  days: string[];
  /** `HH:MM` or `HH:MM:SS`, local to the lead; `end` is exclusive and may be before `start` (overnight). */
  start: string;
  end: string;
}

export interface CampaignSchedule {
  calls_per_minute: number;
  max_concurrent: number;
  /** IANA zone for leads whose own zone is not known. */
  time_zone: string;
  /** Empty: any time. */
  windows: CampaignWindow[];
}

export interface CampaignRetry {
  on: RetryOn[];
  /** Attempts in all, the first included. */
  max_attempts: number;
  after_minutes: number;
}

export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    agentId: text("agent_id").notNull(),
    fromNumber: text("from_number"),
    objective: text("objective"),
    schedule: jsonb("schedule").$type<CampaignSchedule>().notNull(),
    retry: jsonb("retry").$type<CampaignRetry>().notNull(),
    /** Answering-machine detection for each call (the outbound call's `amd` block). */
    amd: jsonb("amd").$type<Record<string, unknown>>(),
    /** A field of the agent's analysis `data` whose value becomes the lead's outcome. */
    outcomeField: text("outcome_field"),
    status: text("status").$type<CampaignStatus>().notNull(),
    /** A CampaignPauseReason, or the code of the refusal that stopped dialling. */
    pausedReason: text("paused_reason"),
    /** Pacing: the last dial; the next may follow 60/calls_per_minute seconds later. */
    lastDialAt: timestamp("last_dial_at", { withTimezone: true, mode: "date" }),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    index("campaigns_org_idx").on(table.orgId, table.id),
    index("campaigns_status_idx").on(table.status),
  ],
);

export const campaignLeads = pgTable(
  "campaign_leads",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    phoneNumber: text("phone_number").notNull(),
    /** The lead's columns: `{{name}}` placeholders in the prompt and greeting (the call's metadata). */
    variables: jsonb("variables").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** IANA zone given with the lead; null: from the number, else the campaign's. */
    timeZone: text("time_zone"),
    state: text("state").$type<LeadState>().notNull(),
    outcome: text("outcome"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastCallId: text("last_call_id"),
    callIds: jsonb("call_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("campaign_leads_number_idx").on(table.campaignId, table.phoneNumber),
    index("campaign_leads_list_idx").on(table.campaignId, table.id),
    index("campaign_leads_due_idx").on(table.campaignId, table.state, table.nextAttemptAt),
  ],
);
