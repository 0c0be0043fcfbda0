// A number's agent answers inbound texts: the jobs inbound-sms.ts writes with each message are
// claimed one at a time by a lease (a killed worker's job comes back when the lease ends),
// answered with the agent's prompt over the conversation so far (conversation.ts), and sent
// through sendSms. Opt-outs and the per-conversation rate limit are checked again at reply time.
// A crash between the carrier taking the reply and the job being marked sent sends it again
// (at least once).
import { ApiError } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import { and, eq, sql } from "drizzle-orm";
import { CommitWokenLoop } from "../../background/commit-woken-loop.ts";
import type { ControlContext } from "../../context.ts";
import { rowsOf } from "../../db/rows-of.ts";
import { agents, phoneNumbers, smsAgentReplies, smsMessages } from "../../db/schema.ts";
import { toAgent } from "../agents/present.ts";
import { smsKnowledgeContext as knowledgeFor } from "./agent-knowledge.ts";
import { smsToolsFor } from "./agent-tools.ts";
import { agentRepliesSince, conversationHistory } from "./conversation.ts";
import { assistantToolMessage, type ChatMessage, completeChat, LlmTextError } from "./llm-text.ts";
import { isOptedOut } from "./opt-out.ts";
import { sendSms } from "./service.ts";

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 5;
/** Model requests that may call tools before the reply; the one after them may not. */
const MAX_TOOL_ROUNDS = 3;
const SMS_STYLE =
  "You are answering by SMS text message, not on a call. Reply in plain text, briefly (one to three sentences), without markdown.";

type Job = typeof smsAgentReplies.$inferSelect;
type Deps = Pick<ControlContext, "db" | "bus" | "config" | "log">;

async function claimDueJob(deps: Deps): Promise<Job | null> {
  const rows = await deps.db.execute(sql`
    update ${smsAgentReplies}
    set locked_until = now() + ${`${LEASE_MS} milliseconds`}::interval, attempts = attempts + 1
    where inbound_sms_id = (
      select inbound_sms_id from ${smsAgentReplies}
      where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
      order by next_attempt_at
      limit 1
      for update skip locked
    )
    returning inbound_sms_id`);
  const id = rowsOf<{ inbound_sms_id: string }>(rows)[0]?.inbound_sms_id;
  if (!id) return null;
  const [job] = await deps.db.select().from(smsAgentReplies).where(eq(smsAgentReplies.inboundSmsId, id));
  return job ?? null;
}

async function finish(
  deps: Deps,
  job: Job,
  status: "sent" | "skipped" | "failed",
  fields: { replySmsId?: string; error?: string },
) {
  await deps.db
    .update(smsAgentReplies)
    .set({ status, lockedUntil: null, replySmsId: fields.replySmsId ?? null, error: fields.error ?? null })
    .where(eq(smsAgentReplies.inboundSmsId, job.inboundSmsId));
}

async function retryLater(deps: Deps, job: Job, error: string) {
  if (job.attempts >= MAX_ATTEMPTS) return finish(deps, job, "failed", { error });
  const delayMs = 1000 * 2 ** job.attempts;
  await deps.db
    .update(smsAgentReplies)
    .set({ lockedUntil: null, error, nextAttemptAt: new Date(Date.now() + delayMs) })
    .where(eq(smsAgentReplies.inboundSmsId, job.inboundSmsId));
}

async function answer(deps: Deps, job: Job): Promise<void> {
  const [inbound] = await deps.db.select().from(smsMessages).where(eq(smsMessages.id, job.inboundSmsId));
  const [agent] = await deps.db
    .select()
    .from(agents)
    .where(and(eq(agents.id, job.agentId), eq(agents.orgId, job.orgId)));
  const [number] = inbound
    ? await deps.db
        .select()
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.phoneNumber, inbound.toNumber), eq(phoneNumbers.orgId, job.orgId)))
    : [];
  if (!inbound || !agent || !number) return finish(deps, job, "skipped", { error: "gone" });
  if (await isOptedOut(deps.db, inbound.toNumber, inbound.fromNumber)) {
    return finish(deps, job, "skipped", { error: "opted_out" });
  }
  const { smsConversationIdleS, smsAgentRepliesPerMinute } = deps.config.carriers;
  const recent = await agentRepliesSince(
    deps.db,
    inbound.toNumber,
    inbound.fromNumber,
    new Date(Date.now() - 60_000),
  );
  if (recent >= smsAgentRepliesPerMinute) return finish(deps, job, "skipped", { error: "rate_limited" });
  const llm = agent.llm;
  if (llm.provider !== "openai" || llm.base_url || llm.credential_id) {
    return finish(deps, job, "skipped", { error: "llm_not_supported_for_sms" });
  }
  const history = await conversationHistory(
    deps.db,
    inbound.toNumber,
    inbound.fromNumber,
    inbound.createdAt,
    smsConversationIdleS,
  );
  const presented = toAgent(agent);
  const knowledge = await knowledgeFor(deps, job.orgId, presented, inbound.body);
  const tools = await smsToolsFor(deps, job.orgId, presented, inbound.id);
  const messages: ChatMessage[] = [
    { role: "system", content: `${agent.systemPrompt}\n\n${SMS_STYLE}` },
    ...(knowledge ? [{ role: "system" as const, content: knowledge }] : []),
    ...history,
  ];
  let reply = "";
  try {
    for (let round = 0; ; round++) {
      const result = await completeChat(deps.config, {
        model: llm.model,
        temperature: llm.temperature,
        ...(llm.max_tokens ? { maxTokens: llm.max_tokens } : {}),
        messages,
        // The last round gets no tools, so the model has to answer in words.
        ...(round < MAX_TOOL_ROUNDS ? { tools: tools.definitions } : {}),
      });
      if (result.toolCalls.length === 0) {
        reply = result.text;
        break;
      }
      messages.push(assistantToolMessage(result.text, result.toolCalls));
      for (const call of result.toolCalls) {
        const content = await tools.execute(call.name, call.arguments);
        messages.push({ role: "tool", tool_call_id: call.id, content });
      }
    }
  } catch (error) {
    if (error instanceof LlmTextError && error.retryable) return retryLater(deps, job, error.message);
    return finish(deps, job, "failed", { error: (error as Error).message });
  }
  if (!reply) return finish(deps, job, "skipped", { error: "empty_reply" });
  try {
    const sent = await sendSms(deps, job.orgId, {
      from: number.id,
      to: inbound.fromNumber,
      body: reply.slice(0, 1600),
      metadata: { agent_id: agent.id, in_reply_to: inbound.id },
    });
    await finish(deps, job, "sent", { replySmsId: sent.id });
  } catch (error) {
    if (error instanceof ApiError && error.status < 500)
      return finish(deps, job, "failed", { error: error.code });
    return retryLater(deps, job, (error as Error).message);
  }
}

/** Sent by migration 0023's trigger when a transaction that queued reply jobs commits. */
export const SMS_AGENT_REPLIES_QUEUED_CHANNEL = "sms_agent_replies_queued";

/**
 * Answers due reply jobs, woken by the commit that queues one; `runOnce` answers at most one.
 * The poll is the fallback for a lost notice, a retry coming due and a lease running out.
 */
export class SmsAgentReplier {
  private readonly loop: CommitWokenLoop;

  constructor(
    private readonly deps: Deps,
    pollIntervalMs = 2000,
  ) {
    this.loop = new CommitWokenLoop(
      () => this.runOnce(),
      pollIntervalMs,
      (error) => this.deps.log.error({ err: error }, "SMS agent replies: poll failed"),
      { db: deps.db, channel: SMS_AGENT_REPLIES_QUEUED_CHANNEL, log: deps.log },
    );
  }

  async runOnce(): Promise<boolean> {
    const job = await claimDueJob(this.deps);
    if (!job) return false;
    try {
      await answer(this.deps, job);
    } catch (error) {
      logFailure(this.deps.log, error, job.inboundSmsId);
      await retryLater(this.deps, job, (error as Error).message);
    }
    return true;
  }

  start(): void {
    this.loop.start();
  }

  /** Resolves once started: true when commits wake the replier, false when it only polls. */
  wokenByCommits(): Promise<boolean> {
    return this.loop.wokenByCommits();
  }

  /** Lets the pass in hand finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }
}

function logFailure(log: Logger, error: unknown, smsId: string): void {
  log.error({ err: error, sms_id: smsId }, "SMS agent reply failed");
}
