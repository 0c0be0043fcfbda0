// Runs due analysis jobs: each claimed by a lease (a killed worker's job is claimed again once
// its lease runs out), one LLM request per attempt, a bounded number of attempts with backoff,
// then the result or the error recorded with the call.analysis.ready webhook in one transaction.
import type { Logger } from "@switchboard/shared/logger";
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, callAnalyses, calls, callTurns } from "../../db/schema.ts";
import { presentCall, presentTurn } from "../calls/present.ts";
import { queueWebhookEvent, webhookSubscribers } from "../webhooks/emit.ts";
import { type AnalysisConfig, AnalysisConfigError, analysisEndpoint } from "./model-endpoint.ts";
import { presentAnalysis } from "./present.ts";
import { type AnalysisAnswer, requestAnalysis } from "./request.ts";
import { dataErrors } from "./validate.ts";

export interface AnalysisWorkerOptions {
  /** Attempts per call before the error is final. */
  maxAttempts: number;
  /** The wait before attempt n+1 is backoffMs·2^(n-1). */
  backoffMs: number;
  /** How long a claimed job is its worker's; longer than one request may take. */
  leaseMs: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisWorkerOptions = {
  maxAttempts: 3,
  backoffMs: 10_000,
  leaseMs: 120_000,
};

export interface AnalysisDeps {
  db: Database;
  config: AnalysisConfig & { publicBaseUrl: string | null };
  log: Logger;
}

type JobRow = typeof callAnalyses.$inferSelect;

/** Takes one due job for this worker (SKIP LOCKED: workers never wait on each other). */
async function claimDueJob(db: Database, leaseMs: number): Promise<JobRow | null> {
  const now = new Date();
  const due = db
    .select({ callId: callAnalyses.callId })
    .from(callAnalyses)
    .where(
      and(
        eq(callAnalyses.status, "pending"),
        lte(callAnalyses.nextAttemptAt, now),
        or(isNull(callAnalyses.lockedUntil), lte(callAnalyses.lockedUntil, now)),
      ),
    )
    .orderBy(asc(callAnalyses.nextAttemptAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [claimed] = await db
    .update(callAnalyses)
    .set({ lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${callAnalyses.attempts} + 1` })
    .where(sql`${callAnalyses.callId} in (${due})`)
    .returning();
  return claimed ?? null;
}

async function analyse(deps: AnalysisDeps, job: JobRow): Promise<AnalysisAnswer> {
  const [agent] = await deps.db
    .select({ llm: agents.llm })
    .from(agents)
    .where(and(eq(agents.orgId, job.orgId), eq(agents.id, job.agentId ?? "")));
  const endpoint = await analysisEndpoint(deps.db, deps.config, job.orgId, agent?.llm ?? null);
  const turns = await deps.db
    .select()
    .from(callTurns)
    .where(eq(callTurns.callId, job.callId))
    .orderBy(asc(callTurns.startedAt), asc(callTurns.ordinal));
  const answer = await requestAnalysis(endpoint, job.settings, turns.map(presentTurn));
  if (job.settings.schema) {
    const errors = dataErrors(job.settings.schema, answer.data);
    if (errors) throw new Error(`data does not match analysis.schema: ${errors}`);
  }
  return answer;
}

/** Records the outcome and queues the webhook, unless another worker already finished the job. */
async function settle(
  deps: AnalysisDeps,
  job: JobRow,
  outcome: { answer: AnalysisAnswer } | { error: string; final: boolean },
  options: AnalysisWorkerOptions,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    const update =
      "answer" in outcome
        ? {
            status: "completed" as const,
            ...outcome.answer,
            error: null,
            completedAt: now,
            lockedUntil: null,
          }
        : outcome.final
          ? { status: "failed" as const, error: outcome.error, completedAt: now, lockedUntil: null }
          : {
              error: outcome.error,
              lockedUntil: null,
              nextAttemptAt: new Date(now.getTime() + options.backoffMs * 2 ** (job.attempts - 1)),
            };
    const [updated] = await tx
      .update(callAnalyses)
      .set(update)
      .where(and(eq(callAnalyses.callId, job.callId), eq(callAnalyses.status, "pending")))
      .returning();
    if (!updated || updated.status === "pending") return;
    const [call] = await tx.select().from(calls).where(eq(calls.id, job.callId));
    if (!call) return;
    const data = { ...presentCall(call, deps.config.publicBaseUrl), analysis: presentAnalysis(updated) };
    await queueWebhookEvent(
      tx,
      job.orgId,
      await webhookSubscribers(tx, job.orgId),
      "call.analysis.ready",
      data,
    );
  });
}

/** Runs one due job if there is one; false when none was due. */
export async function runOneAnalysis(
  deps: AnalysisDeps,
  options: AnalysisWorkerOptions = DEFAULT_ANALYSIS_OPTIONS,
): Promise<boolean> {
  const job = await claimDueJob(deps.db, options.leaseMs);
  if (!job) return false;
  try {
    await settle(deps, job, { answer: await analyse(deps, job) }, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = error instanceof AnalysisConfigError || job.attempts >= options.maxAttempts;
    deps.log.warn(
      { call_id: job.callId, attempt: job.attempts, final, err: message },
      "call analysis failed",
    );
    await settle(deps, job, { error: message, final }, options);
  }
  return true;
}
