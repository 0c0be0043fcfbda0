// A call's analysis job, written in the transaction that ends the call: the job exists exactly
// when the end was committed, whatever happens to the process afterwards.
import type { AnalysisSettings } from "@switchboard/shared/schemas/analysis";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, callAnalyses, calls } from "../../db/schema.ts";

/**
 * The analysis block of a call's agent, as JSON text, for the RETURNING of the statement that
 * ends the call (read there, not in a statement of its own); null without one, or when the
 * agent is gone or another org's.
 */
export const agentAnalysisOfCall = sql<string | null>`(
  select ${agents.analysis}::text from ${agents}
  where ${agents.id} = ${calls.agentId} and ${agents.orgId} = ${calls.orgId}
)`;

/** Queues the analysis of an ended call whose agent asks for one (`analysisJson`, from agentAnalysisOfCall). */
export async function queueCallAnalysis(
  tx: Database,
  call: { id: string; orgId: string; agentId: string | null; answeredAt: Date | null },
  analysisJson: string | null,
): Promise<void> {
  // Nothing was said on a call no one answered.
  if (!call.agentId || !call.answeredAt || analysisJson === null) return;
  const settings = JSON.parse(analysisJson) as AnalysisSettings | null;
  if (!settings) return;
  await tx
    .insert(callAnalyses)
    .values({
      callId: call.id,
      orgId: call.orgId,
      agentId: call.agentId,
      settings,
      status: "pending",
    })
    .onConflictDoNothing();
}
