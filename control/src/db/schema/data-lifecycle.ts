// What the data lifecycle records: the content erased from each call (by DELETE /calls/{id} or
// by retention) and each retention run. The call row itself stays as the billing record.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { calls } from "../schema.ts";

export const callErasures = pgTable(
  "call_erasures",
  {
    callId: text("call_id")
      .primaryKey()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    /** When the recording was removed (file or S3 object, and the call's reference to it). */
    recordingErasedAt: timestamp("recording_erased_at", { withTimezone: true, mode: "date" }),
    /** When the transcript turns and the post-call analysis were removed. */
    transcriptErasedAt: timestamp("transcript_erased_at", { withTimezone: true, mode: "date" }),
    /** `api` (DELETE /calls/{id}) or `retention`: the last erasure's cause. */
    reason: text("reason").$type<"api" | "retention">().notNull(),
  },
  (table) => [index("call_erasures_org_idx").on(table.orgId, table.callId)],
);

export const retentionRuns = pgTable("retention_runs", {
  id: text("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  recordingsRemoved: integer("recordings_removed").notNull().default(0),
  transcriptsRemoved: integer("transcripts_removed").notNull().default(0),
  error: text("error"),
});
