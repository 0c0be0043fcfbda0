import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { ApiError, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, agents, knowledgeSources } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { checkedAnalysis } from "../analysis/settings-check.ts";
import { toolsByIds } from "../tools/service.ts";
import type { AgentResponse, CreateAgentInput, UpdateAgentInput } from "./model.ts";
import { type AgentRow, presentAgent, toAgent } from "./present.ts";
import { mergedRealtime } from "./realtime-block.ts";
import { checkAgentSettings, checkMemberMayWrite } from "./settings-check.ts";
import { publishAgentSnapshot, type SnapshotDeps } from "./snapshot.ts";
import { checkedTurn } from "./turn-block.ts";

export { presentAgent };

export interface AgentDeps extends SnapshotDeps {
  config: SnapshotDeps["config"] & Pick<Config, "allowPrivateUrls">;
}

/** Selected knowledge sources must be the org's own. */
async function checkKnowledgeSources(
  db: Database,
  orgId: string,
  knowledge: Agent["knowledge"],
): Promise<void> {
  const ids = [...new Set(knowledge.source_ids)];
  if (ids.length === 0) return;
  const found = await db
    .select({ id: knowledgeSources.id })
    .from(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, orgId), inArray(knowledgeSources.id, ids)));
  const known = new Set(found.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ApiError(422, "validation_failed", "Some knowledge sources do not exist.", [
      { field: "knowledge.source_ids", message: `unknown source ${unknown.join(", ")}` },
    ]);
  }
}

function merge<T extends object>(base: T, patch: Partial<T> | undefined): T {
  return patch ? { ...base, ...patch } : base;
}

/** A custom LLM's request names model "custom" (the webhook-mode convention) unless the agent names one. */
const CUSTOM_LLM_MODEL = "custom";

export async function createAgent(
  deps: AgentDeps,
  orgId: string,
  role: ApiKeyRole,
  input: CreateAgentInput,
): Promise<AgentResponse> {
  const row = await insertAgent(deps, deps.db, orgId, role, input);
  await publishAgentSnapshot(deps, orgId, toAgent(row), row.id);
  return presentAgent(row);
}

/**
 * Checks and inserts an agent through `db` (a transaction when the agent is part of a larger
 * write); publishing it for the gateways is the caller's, once the write has committed.
 */
export async function insertAgent(
  deps: AgentDeps,
  db: Database,
  orgId: string,
  role: ApiKeyRole,
  input: CreateAgentInput,
): Promise<AgentRow> {
  checkMemberMayWrite(role, input);
  const llm = merge(AGENT_DEFAULTS.llm, input.llm);
  if (input.llm?.webhook_url && !input.llm.provider) llm.provider = "custom";
  if (llm.provider === "custom" && !input.llm?.model) llm.model = CUSTOM_LLM_MODEL;
  const voice = merge(AGENT_DEFAULTS.voice, input.voice);
  const stt = merge(AGENT_DEFAULTS.stt, input.stt);
  const knowledge = merge(AGENT_DEFAULTS.knowledge, input.knowledge);
  const tools = input.tools ?? [];
  const realtime = input.realtime ?? null;
  await checkAgentSettings(db, deps.config, orgId, { llm, voice, stt, tools, realtime } as Agent, null);
  await checkKnowledgeSources(db, orgId, knowledge);
  await toolsByIds(db, orgId, input.tool_ids ?? []);
  const [row] = await db
    .insert(agents)
    .values({
      id: newId("agt"),
      orgId,
      name: input.name,
      systemPrompt: input.system_prompt ?? "",
      firstMessage: input.first_message ?? "",
      voice,
      llm,
      stt,
      language: input.language ?? "en",
      endpointing: merge(AGENT_DEFAULTS.endpointing, input.endpointing),
      turn: checkedTurn(merge(AGENT_DEFAULTS.turn, input.turn)),
      interruptions: merge(AGENT_DEFAULTS.interruptions, input.interruptions),
      tools,
      toolIds: input.tool_ids ?? [],
      knowledge,
      silence: input.silence ?? {},
      maxDurationS: input.max_duration_s ?? AGENT_DEFAULTS.max_duration_s,
      realtime,
      analysis: checkedAnalysis(input.analysis) ?? null,
      isActive: input.is_active ?? true,
      metadata: input.metadata ?? {},
    })
    .returning();
  return row!;
}

export async function listAgents(db: Database, orgId: string, page: PageRequest): Promise<AgentRow[]> {
  return selectPage(db.select().from(agents).$dynamic(), agents.id, eq(agents.orgId, orgId), page);
}

export async function getAgentRow(db: Database, orgId: string, agentId: string): Promise<AgentRow> {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId)));
  if (!row) throw notFound("Agent");
  return row;
}

export async function updateAgent(
  deps: AgentDeps,
  orgId: string,
  role: ApiKeyRole,
  agentId: string,
  input: UpdateAgentInput,
): Promise<AgentResponse> {
  checkMemberMayWrite(role, input);
  const { db } = deps;
  const current = toAgent(await getAgentRow(db, orgId, agentId));
  const llm = merge(current.llm, input.llm);
  if (llm.provider === "custom" && current.llm.provider !== "custom" && !input.llm?.model) {
    llm.model = CUSTOM_LLM_MODEL;
  }
  const voice = merge(current.voice, input.voice);
  const stt = merge(current.stt, input.stt);
  const tools = input.tools ?? current.tools;
  const realtime = mergedRealtime(current.realtime, input.realtime);
  await checkAgentSettings(db, deps.config, orgId, { ...current, llm, voice, stt, tools, realtime }, current);
  const knowledge = merge(current.knowledge, input.knowledge);
  await checkKnowledgeSources(db, orgId, knowledge);
  if (input.tool_ids) await toolsByIds(db, orgId, input.tool_ids);
  const [row] = await db
    .update(agents)
    .set({
      name: input.name,
      systemPrompt: input.system_prompt,
      firstMessage: input.first_message,
      voice,
      llm,
      stt,
      language: input.language,
      endpointing: merge(current.endpointing, input.endpointing),
      turn: input.turn ? checkedTurn(merge(current.turn, input.turn)) : undefined,
      interruptions: merge(current.interruptions, input.interruptions),
      tools: input.tools,
      toolIds: input.tool_ids,
      knowledge,
      silence: input.silence ? { ...current.silence, ...input.silence } : undefined,
      maxDurationS: input.max_duration_s,
      realtime,
      analysis: checkedAnalysis(input.analysis),
      isActive: input.is_active,
      metadata: input.metadata,
      updatedAt: new Date(),
    })
    .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId)))
    .returning();
  if (!row) throw notFound("Agent");
  await publishAgentSnapshot(deps, orgId, toAgent(row), row.id);
  return presentAgent(row);
}

export async function deleteAgent(deps: SnapshotDeps, orgId: string, agentId: string): Promise<void> {
  const deleted = await deps.db
    .delete(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId)))
    .returning({ id: agents.id });
  if (deleted.length === 0) throw notFound("Agent");
  await publishAgentSnapshot(deps, orgId, null, agentId);
}
