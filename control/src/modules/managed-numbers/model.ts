import { STRICT } from "@switchboard/shared/schemas/kit";
// Managed numbers (`/numbers`): a phone number together with the agent that answers it, set up
// in one request with the fields other platforms' number APIs take.
import { t } from "elysia";
import { createAgentBody } from "../agents/model.ts";
import { buyBody, phoneNumberSchema } from "../phone-numbers/model.ts";

const settings = {
  system_prompt: createAgentBody.properties.system_prompt,
  first_message: createAgentBody.properties.first_message,
  voice_id: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 200,
      description: "An ElevenLabs voice id: the agent speaks with it.",
    }),
  ),
  inbound_mode: t.Optional(
    t.Literal("autopilot", { description: "`autopilot`, the only mode: the agent answers every call." }),
  ),
  metadata: createAgentBody.properties.metadata,
};

const webhookUrl = t.String({
  format: "uri",
  maxLength: 2000,
  description:
    "Your LLM endpoint (OpenAI chat-completions request, SSE response): the agent's `llm` becomes " +
    "`{provider: custom, webhook_url}`. Unset: the platform's LLM answers with `system_prompt`.",
});

export const createManagedNumberBody = t.Object(
  {
    ...t.Required(t.Pick(buyBody, ["area_code"])).properties,
    ...settings,
    webhook_url: t.Optional(webhookUrl),
  },
  STRICT,
);

export const updateManagedNumberBody = t.Object(
  {
    ...settings,
    webhook_url: t.Optional(
      t.Nullable(webhookUrl, { description: "Your LLM endpoint; null goes back to the platform's LLM." }),
    ),
  },
  STRICT,
);

export const managedNumberSchema = t.Object({
  ...phoneNumberSchema.properties,
  system_prompt: t.Nullable(t.String()),
  first_message: t.Nullable(t.String()),
  voice_id: t.Nullable(t.String()),
  webhook_url: t.Nullable(t.String()),
  inbound_mode: t.Nullable(t.Literal("autopilot", { description: "null while no agent is attached." })),
  metadata: t.Record(t.String(), t.Unknown()),
});

export const managedNumberPageSchema = t.Object({
  data: t.Array(managedNumberSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

export type CreateManagedNumberInput = typeof createManagedNumberBody.static;
export type UpdateManagedNumberInput = typeof updateManagedNumberBody.static;
export type ManagedNumberResponse = typeof managedNumberSchema.static;
