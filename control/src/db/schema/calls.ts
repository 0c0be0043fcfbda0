// Calls, their transcript turns, and the gateway call events already applied to them.
import type { TurnLatency } from "@switchboard/shared/events";
import type { RealtimeUsage } from "@switchboard/shared/realtime";
import type { AmdSettings, AnsweredBy } from "@switchboard/shared/schemas/amd";
import type { CallTransfer, ToolCallRecord } from "@switchboard/shared/schemas/call";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";
import { createdAt } from "./columns.ts";

/** One row per call; inbound and web calls appear with their first gateway event. */
export const calls = pgTable(
  "calls",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    direction: text("direction").$type<"inbound" | "outbound" | "web">().notNull(),
    status: text("status")
      .$type<
        "queued" | "ringing" | "in_progress" | "completed" | "busy" | "no_answer" | "failed" | "canceled"
      >()
      .notNull(),
    /** No foreign keys: a call keeps the ids it ran with after the agent or number is gone. */
    agentId: text("agent_id"),
    fromNumber: text("from_number"),
    toNumber: text("to_number"),
    phoneNumberId: text("phone_number_id"),
    objective: text("objective"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The gateway that reported the call last; its lost heartbeat ends the call. */
    gatewayId: text("gateway_id"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    durationS: doublePrecision("duration_s"),
    costCents: integer("cost_cents"),
    /** A realtime call's model token usage, from its call.ended; null for pipeline calls. */
    usage: jsonb("usage").$type<RealtimeUsage>(),
    hangupCause: text("hangup_cause"),
    /** The INVITE's context headers: received (inbound `X-*` and the allow-list) or sent (outbound). */
    sipHeaders: jsonb("sip_headers").$type<Record<string, string>>(),
    /** The last transfer (REFER) and its outcome from the final sipfrag NOTIFY (RFC 3515 §2.4.5). */
    transfer: jsonb("transfer").$type<CallTransfer>(),
    /** Answering-machine detection asked for (sent in the dispatch command) and its verdict. */
    amd: jsonb("amd").$type<AmdSettings>(),
    answeredBy: text("answered_by").$type<AnsweredBy>(),
    amdDecisionMs: integer("amd_decision_ms"),
    amdEvidence: jsonb("amd_evidence").$type<string[]>(),
    /** Where the gateway stored the WAV: a local path, or an object key in S3 storage. */
    recordingPath: text("recording_path"),
    recordingBytes: bigint("recording_bytes", { mode: "number" }),
    /** Outbox mark: set once the dispatch command is on the stream. */
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    index("calls_org_idx").on(table.orgId, table.id),
    index("calls_org_started_idx").on(table.orgId, table.startedAt),
    index("calls_open_idx").on(table.status, table.gatewayId),
  ],
);

/** Transcript turns, one per `call.turn` event (the event id is the row id). */
export const callTurns = pgTable(
  "call_turns",
  {
    id: text("id").primaryKey(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    ordinal: integer("ordinal").notNull(),
    role: text("role").$type<"agent" | "user">().notNull(),
    text: text("text").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }).notNull(),
    interrupted: boolean("interrupted").notNull().default(false),
    latency: jsonb("latency").$type<TurnLatency | null>(),
    /** Agent turns: the tools called, with arguments and results masked like the text. */
    toolCalls: jsonb("tool_calls").$type<ToolCallRecord[]>(),
    /** Copied out of `latency` for analytics. */
    totalMs: integer("total_ms"),
  },
  (table) => [index("call_turns_call_idx").on(table.callId, table.startedAt)],
);

/** Call events already applied: written in the same transaction as their effect. */
export const callEventsSeen = pgTable("call_events_seen", {
  eventId: text("event_id").primaryKey(),
  callId: text("call_id").notNull(),
  seenAt: createdAt(),
});
