// Post-call analysis jobs: one row per ended call whose agent asks for analysis, written in the
// same transaction as the call's end (an outbox), claimed by a lease so a killed worker's job
// is taken up again, and kept as the result the call record shows.
import type { AnalysisSettings, AnalysisStatus } from "@switchboard/shared/schemas/analysis";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { calls } from "../schema.ts";

export const callAnalyses = pgTable(
  "call_analyses",
  {
    callId: text("call_id")
      .primaryKey()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    agentId: text("agent_id"),
    /** The agent's analysis block when the call ended. */
    settings: jsonb("settings").$type<AnalysisSettings>().notNull(),
    status: text("status").$type<AnalysisStatus>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** A worker holds the job until then; past it, another may claim it. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    summary: text("summary"),
    success: jsonb("success").$type<{ value: boolean; reason: string }>(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("call_analyses_due_idx").on(table.status, table.nextAttemptAt)],
);
