import type { CallAnalysis } from "@switchboard/shared/schemas/analysis";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { callAnalyses } from "../../db/schema.ts";

type AnalysisRow = typeof callAnalyses.$inferSelect;

export function presentAnalysis(row: AnalysisRow): CallAnalysis {
  return {
    status: row.status,
    summary: row.summary,
    success: row.success ?? null,
    data: row.data ?? null,
    error: row.error,
    completed_at: row.completedAt ? row.completedAt.toISOString() : null,
  };
}

/** The call's analysis as GET /calls/{id} shows it; null when its agent asked for none. */
export async function analysisOfCall(db: Database, callId: string): Promise<CallAnalysis | null> {
  const [row] = await db.select().from(callAnalyses).where(eq(callAnalyses.callId, callId));
  return row ? presentAnalysis(row) : null;
}
