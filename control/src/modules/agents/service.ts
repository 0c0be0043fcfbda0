import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { ApiError, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, knowledgeSources } from "../../db/schema.ts";
import type { PageRequest } from "../../http/pagination.ts";
import type { AgentResponse, CreateAgentInput, UpdateAgentInput } from "./model.ts";

type AgentRow = typeof agents.$inferSelect;

export function presentAgent(row: AgentRow): AgentResponse {
  return toAgent(row) as unknown as AgentResponse;
}

function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    name: row.name,
    system_prompt: row.systemPrompt,
    first_message: row.firstMessage,
    voice: row.voice as unknown as Agent["voice"],
    llm: row.llm as unknown as Agent["llm"],
    stt: row.stt as unknown as Agent["stt"],
    language: row.language,
    endpointing: row.endpointing as unknown as Agent["endpointing"],
    interruptions: row.interruptions as unknown as Agent["interruptions"],
    tools: row.tools as Agent["tools"],
    knowledge: row.knowledge as unknown as Agent["knowledge"],
    silence: row.silence as Agent["silence"],
    max_duration_s: row.maxDurationS,
    is_active: row.isActive,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function checkLlm(llm: Agent["llm"]): void {
  if (llm.provider === "custom" && !llm.webhook_url) {
    throw new ApiError(422, "validation_failed", "A custom LLM needs a webhook_url.", [
      { field: "llm.webhook_url", message: "is required when llm.provider is custom" },
    ]);
  }
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

async function publishSnapshot(
  bus: Bus,
  orgId: string,
  agent: AgentResponse | null,
  agentId: string,
): Promise<void> {
  if (agent) await bus.hashSet(Hashes.agentSnapshots, agentId, JSON.stringify({ ...agent, org_id: orgId }));
  else await bus.hashDelete(Hashes.agentSnapshots, agentId);
  await bus.publish(Channels.agentInvalidated, agentId);
  await bus.publish(Channels.agentsChangedInOrg, orgId);
}

export async function createAgent(
  db: Database,
  bus: Bus,
  orgId: string,
  input: CreateAgentInput,
): Promise<Agent> {
  const llm = merge(AGENT_DEFAULTS.llm, input.llm as Partial<Agent["llm"]>);
  if (input.llm?.webhook_url && !input.llm.provider) llm.provider = "custom";
  checkLlm(llm);
  const knowledge = merge(AGENT_DEFAULTS.knowledge, input.knowledge as Partial<Agent["knowledge"]>);
  await checkKnowledgeSources(db, orgId, knowledge);
  const [row] = await db
    .insert(agents)
    .values({
      id: newId("agt"),
      orgId,
      name: input.name,
      systemPrompt: input.system_prompt ?? "",
      firstMessage: input.first_message ?? "",
      voice: merge(AGENT_DEFAULTS.voice, input.voice as Partial<Agent["voice"]>) as unknown as Record<
        string,
        unknown
      >,
      llm: llm as unknown as Record<string, unknown>,
      stt: merge(AGENT_DEFAULTS.stt, input.stt as Partial<Agent["stt"]>) as unknown as Record<
        string,
        unknown
      >,
      language: input.language ?? "en",
      endpointing: merge(AGENT_DEFAULTS.endpointing, input.endpointing) as unknown as Record<string, unknown>,
      interruptions: merge(AGENT_DEFAULTS.interruptions, input.interruptions) as unknown as Record<
        string,
        unknown
      >,
      tools: input.tools ?? [],
      knowledge: knowledge as unknown as Record<string, unknown>,
      silence: input.silence ?? {},
      maxDurationS: input.max_duration_s ?? AGENT_DEFAULTS.max_duration_s,
      isActive: input.is_active ?? true,
      metadata: input.metadata ?? {},
    })
    .returning();
  const agent = presentAgent(row!);
  await publishSnapshot(bus, orgId, agent, agent.id);
  return agent;
}

export async function listAgents(db: Database, orgId: string, page: PageRequest): Promise<AgentRow[]> {
  const where = page.cursor
    ? and(eq(agents.orgId, orgId), lt(agents.id, page.cursor))
    : eq(agents.orgId, orgId);
  return db
    .select()
    .from(agents)
    .where(where)
    .orderBy(desc(agents.id))
    .limit(page.limit + 1)
    .offset(page.offset);
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
  db: Database,
  bus: Bus,
  orgId: string,
  agentId: string,
  input: UpdateAgentInput,
): Promise<AgentResponse> {
  const current = toAgent(await getAgentRow(db, orgId, agentId));
  const llm = merge(current.llm, input.llm as Partial<Agent["llm"]>);
  checkLlm(llm);
  const knowledge = merge(current.knowledge, input.knowledge as Partial<Agent["knowledge"]>);
  await checkKnowledgeSources(db, orgId, knowledge);
  const [row] = await db
    .update(agents)
    .set({
      name: input.name,
      systemPrompt: input.system_prompt,
      firstMessage: input.first_message,
      voice: merge(current.voice, input.voice as Partial<Agent["voice"]>) as unknown as Record<
        string,
        unknown
      >,
      llm: llm as unknown as Record<string, unknown>,
      stt: merge(current.stt, input.stt as Partial<Agent["stt"]>) as unknown as Record<string, unknown>,
      language: input.language,
      endpointing: merge(current.endpointing, input.endpointing) as unknown as Record<string, unknown>,
      interruptions: merge(current.interruptions, input.interruptions) as unknown as Record<string, unknown>,
      tools: input.tools,
      knowledge: knowledge as unknown as Record<string, unknown>,
      silence: input.silence ? { ...current.silence, ...input.silence } : undefined,
      maxDurationS: input.max_duration_s,
      isActive: input.is_active,
      metadata: input.metadata,
      updatedAt: new Date(),
    })
    .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId)))
    .returning();
  if (!row) throw notFound("Agent");
  const agent = presentAgent(row);
  await publishSnapshot(bus, orgId, agent, agent.id);
  return agent;
}

export async function deleteAgent(db: Database, bus: Bus, orgId: string, agentId: string): Promise<void> {
  const deleted = await db
    .delete(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId)))
    .returning({ id: agents.id });
  if (deleted.length === 0) throw notFound("Agent");
  await publishSnapshot(bus, orgId, null, agentId);
}
