// Erases a call's content: the recording (its file or S3 object first, then the reference),
// and the transcript turns with the post-call analysis made from them. The call row stays as
// the billing record (ids, direction, status, times, duration, cost); call_erasures records
// what went, when and why.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { callAnalyses, callErasures, calls, callTurns } from "../../db/schema.ts";
import type { RecordingFiles } from "./recording-files.ts";

export interface EraseParts {
  recording: boolean;
  transcript: boolean;
}

export interface Erased {
  recording: boolean;
  transcript: boolean;
}

export async function eraseCallContent(
  db: Database,
  files: RecordingFiles,
  call: { id: string; orgId: string; recordingPath: string | null },
  parts: EraseParts,
  reason: "api" | "retention",
  now = new Date(),
): Promise<Erased> {
  // The object goes first: a crash after it leaves a reference that answers 404 and is erased
  // again on the next try, never a recording nobody can find to delete.
  if (parts.recording && call.recordingPath) await files.remove(call.recordingPath);
  return db.transaction(async (tx) => {
    let recording = false;
    let transcript = false;
    if (parts.recording && call.recordingPath) {
      await tx
        .update(calls)
        .set({ recordingPath: null, recordingBytes: null, updatedAt: now })
        .where(eq(calls.id, call.id));
      recording = true;
    }
    if (parts.transcript) {
      const turns = await tx
        .delete(callTurns)
        .where(eq(callTurns.callId, call.id))
        .returning({ id: callTurns.id });
      const analyses = await tx
        .delete(callAnalyses)
        .where(eq(callAnalyses.callId, call.id))
        .returning({ id: callAnalyses.callId });
      transcript = turns.length > 0 || analyses.length > 0;
    }
    if (recording || transcript || reason === "api") {
      const marks = {
        ...(parts.recording ? { recordingErasedAt: now } : {}),
        ...(parts.transcript ? { transcriptErasedAt: now } : {}),
        reason,
      };
      await tx
        .insert(callErasures)
        .values({ callId: call.id, orgId: call.orgId, ...marks })
        .onConflictDoUpdate({ target: callErasures.callId, set: { ...marks, orgId: sql`excluded.org_id` } });
    }
    return { recording, transcript };
  });
}
