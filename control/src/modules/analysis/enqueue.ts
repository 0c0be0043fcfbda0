// A call's analysis job, written in the transaction that ends the call: the job exists exactly
// when the end was committed, whatever happens to the process afterwards.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, callAnalyses } from "../../db/schema.ts";

export async function queueCallAnalysis(
  tx: Database,
  call: { id: string; orgId: string; agentId: string | null; answeredAt: Date | null },
): Promise<void> {
  // Nothing was said on a call no one answered.
  if (!call.agentId || !call.answeredAt) return;
  const [agent] = await tx
    .select({ analysis: agents.analysis, orgId: agents.orgId })
    .from(agents)
    .where(eq(agents.id, call.agentId));
  if (!agent?.analysis || agent.orgId !== call.orgId) return;
  await tx
    .insert(callAnalyses)
    .values({
      callId: call.id,
      orgId: call.orgId,
      agentId: call.agentId,
      settings: agent.analysis,
      status: "pending",
    })
    .onConflictDoNothing();
}
