// The retention run: for every org with a retention policy, the recordings and transcripts of
// calls that ended longer ago than it allows are erased, and the run is recorded in
// retention_runs with what it removed. Idempotent: a run that dies part way is simply run again.
import type { Logger } from "@switchboard/shared/logger";
import { and, eq, exists, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { callAnalyses, calls, callTurns, orgs, retentionRuns } from "../../db/schema.ts";
import { eraseCallContent } from "./erase.ts";
import { retentionOf } from "./policy.ts";
import type { RecordingFiles } from "./recording-files.ts";

const DAY_MS = 86_400_000;
/** Calls erased per org and kind in one pass; the next pass takes the rest. */
const BATCH = 500;

export interface RetentionDeps {
  db: Database;
  files: RecordingFiles;
  log: Logger;
}

export interface RetentionRunResult {
  id: string;
  recordingsRemoved: number;
  transcriptsRemoved: number;
}

export async function runRetention(deps: RetentionDeps, now = new Date()): Promise<RetentionRunResult> {
  const { db } = deps;
  const id = `ret_${Bun.randomUUIDv7().replaceAll("-", "")}`;
  await db.insert(retentionRuns).values({ id, startedAt: now });
  let recordingsRemoved = 0;
  let transcriptsRemoved = 0;
  try {
    const policies = await db
      .select({ id: orgs.id, retention: orgs.retention })
      .from(orgs)
      .where(sql`${orgs.retention} <> '{}'::jsonb`);
    for (const org of policies) {
      const policy = retentionOf(org.retention);
      if (policy.recordings_days !== null) {
        const cutoff = new Date(now.getTime() - policy.recordings_days * DAY_MS);
        for (;;) {
          const due = await db
            .select({ id: calls.id, orgId: calls.orgId, recordingPath: calls.recordingPath })
            .from(calls)
            .where(and(eq(calls.orgId, org.id), isNotNull(calls.recordingPath), lte(calls.endedAt, cutoff)))
            .limit(BATCH);
          for (const call of due) {
            const erased = await eraseCallContent(
              db,
              deps.files,
              call,
              { recording: true, transcript: false },
              "retention",
              now,
            );
            if (erased.recording) recordingsRemoved++;
          }
          if (due.length < BATCH) break;
        }
      }
      if (policy.transcripts_days !== null) {
        const cutoff = new Date(now.getTime() - policy.transcripts_days * DAY_MS);
        for (;;) {
          const due = await db
            .select({ id: calls.id, orgId: calls.orgId })
            .from(calls)
            .where(
              and(
                eq(calls.orgId, org.id),
                lte(calls.endedAt, cutoff),
                or(
                  exists(db.select({ one: sql`1` }).from(callTurns).where(eq(callTurns.callId, calls.id))),
                  exists(
                    db.select({ one: sql`1` }).from(callAnalyses).where(eq(callAnalyses.callId, calls.id)),
                  ),
                ),
              ),
            )
            .limit(BATCH);
          for (const call of due) {
            const erased = await eraseCallContent(
              db,
              deps.files,
              { ...call, recordingPath: null },
              { recording: false, transcript: true },
              "retention",
              now,
            );
            if (erased.transcript) transcriptsRemoved++;
          }
          if (due.length < BATCH) break;
        }
      }
    }
    await db
      .update(retentionRuns)
      .set({ finishedAt: new Date(), recordingsRemoved, transcriptsRemoved })
      .where(eq(retentionRuns.id, id));
    deps.log.info({ run: id, recordingsRemoved, transcriptsRemoved }, "retention run finished");
    return { id, recordingsRemoved, transcriptsRemoved };
  } catch (error) {
    await db
      .update(retentionRuns)
      .set({
        finishedAt: new Date(),
        recordingsRemoved,
        transcriptsRemoved,
        error: String(error).slice(0, 500),
      })
      .where(eq(retentionRuns.id, id));
    throw error;
  }
}
