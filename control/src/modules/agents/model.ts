// The agent's request bodies, derived from its one schema in shared (schemas/agent.ts).

import { RealtimeSettingsSchema } from "@switchboard/shared/realtime";
import {
  type AgentResponse,
  AgentResponseSchema,
  EndpointingSettingsSchema,
  InterruptionSettingsSchema,
  KnowledgeSettingsSchema,
  LlmSettingsSchema,
  SttSettingsSchema,
  TurnSettingsSchema,
  VoiceSettingsSchema,
} from "@switchboard/shared/schemas/agent";
import { Nullable, Strict } from "@switchboard/shared/schemas/kit";
import { t } from "elysia";

const response = AgentResponseSchema.properties;

/** Fields a request may set: a settings block sent is merged over the agent's, so any part may be left out. */
const writable = {
  ...t.Pick(AgentResponseSchema, [
    "system_prompt",
    "first_message",
    "language",
    "tools",
    "tool_ids",
    "silence",
    "max_duration_s",
    "is_active",
    "metadata",
    "analysis",
  ]).properties,
  llm: t.Partial(LlmSettingsSchema),
  stt: t.Partial(SttSettingsSchema),
  endpointing: t.Partial(EndpointingSettingsSchema),
  turn: t.Partial(TurnSettingsSchema),
  interruptions: t.Partial(InterruptionSettingsSchema),
  knowledge: t.Partial(KnowledgeSettingsSchema),
};

/** POST /agents: a name is required, a `voice` comes whole, everything else has defaults; strict throughout. */
export const createAgentBody = Strict(
  t.Object({
    name: response.name,
    ...t.Partial(t.Object({ ...writable, voice: VoiceSettingsSchema, realtime: response.realtime }))
      .properties,
  }),
);

/** PATCH /agents/{id}: any field; a block's fields merge over the agent's. */
export const updateAgentBody = Strict(
  t.Partial(
    t.Object({
      name: response.name,
      ...writable,
      voice: t.Partial(VoiceSettingsSchema),
      realtime: Nullable(t.Partial(RealtimeSettingsSchema), {
        description:
          "Merged over the agent's block (a new block needs provider, model and voice); null returns the agent to the pipeline.",
      }),
    }),
  ),
);

export const agentSchema = AgentResponseSchema;

export type CreateAgentInput = typeof createAgentBody.static;
export type UpdateAgentInput = typeof updateAgentBody.static;
export type { AgentResponse };
