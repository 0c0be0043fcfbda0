import { AGENT_DEFAULTS } from "@switchboard/shared/agent";
import type { AgentResponse } from "@switchboard/shared/schemas/agent";
import type { agents } from "../../db/schema.ts";

export type AgentRow = typeof agents.$inferSelect;

/** The agent as the API shows it, which is also the shape gateways run (an `Agent`). */
export function toAgent(row: AgentRow): AgentResponse {
  return {
    id: row.id,
    name: row.name,
    system_prompt: row.systemPrompt,
    first_message: row.firstMessage,
    voice: row.voice,
    llm: row.llm,
    stt: row.stt,
    language: row.language,
    endpointing: row.endpointing,
    turn: row.turn ?? AGENT_DEFAULTS.turn,
    interruptions: row.interruptions,
    tools: row.tools,
    tool_ids: row.toolIds ?? [],
    knowledge: row.knowledge,
    silence: row.silence,
    max_duration_s: row.maxDurationS,
    realtime: row.realtime ?? null,
    analysis: row.analysis ?? null,
    is_active: row.isActive,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function presentAgent(row: AgentRow): AgentResponse {
  return toAgent(row);
}
