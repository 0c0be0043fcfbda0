import type { Agent } from "@switchboard/shared/agent";
import type { agents } from "../../db/schema.ts";
import type { AgentResponse } from "./model.ts";

export type AgentRow = typeof agents.$inferSelect;

export function toAgent(row: AgentRow): Agent {
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

export function presentAgent(row: AgentRow): AgentResponse {
  return toAgent(row) as unknown as AgentResponse;
}
