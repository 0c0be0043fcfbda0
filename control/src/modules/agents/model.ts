import { MAX_FALLBACKS } from "@switchboard/shared/agent";
import { t } from "elysia";

const credentialId = t.Optional(
  t.Nullable(
    t.String({
      maxLength: 100,
      description:
        "A provider credential of your org (POST /provider-credentials); unset: the platform's key.",
    }),
  ),
);

const voice = t.Object({
  provider: t.UnionEnum(["espeak", "flite", "openai", "elevenlabs"]),
  voice_id: t.String({ minLength: 1, maxLength: 200 }),
  speed: t.Optional(t.Number({ minimum: 0.25, maximum: 4 })),
  credential_id: credentialId,
});

const llmFields = {
  provider: t.UnionEnum(["openai", "custom"], {
    description: "`openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).",
  }),
  model: t.String({ minLength: 1, maxLength: 200 }),
  temperature: t.Number({ minimum: 0, maximum: 2 }),
  max_tokens: t.Optional(t.Integer({ minimum: 1, maximum: 32000 })),
  base_url: t.Optional(
    t.Nullable(
      t.String({
        format: "uri",
        maxLength: 2000,
        description: "An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).",
      }),
    ),
  ),
  webhook_url: t.Optional(t.Nullable(t.String({ format: "uri", maxLength: 2000 }))),
  credential_id: credentialId,
};

const llmFallback = t.Object({ ...llmFields, temperature: t.Optional(llmFields.temperature) });

const llm = t.Object({
  ...llmFields,
  fallbacks: t.Optional(
    t.Array(llmFallback, {
      maxItems: MAX_FALLBACKS,
      description:
        "Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's.",
    }),
  ),
});

const sttFields = {
  provider: t.UnionEnum(["deepgram", "openai", "whisper"]),
  model: t.String({ minLength: 1, maxLength: 200 }),
  language: t.String({ minLength: 2, maxLength: 20 }),
  credential_id: credentialId,
};

const sttFallback = t.Object({ ...sttFields, language: t.Optional(sttFields.language) });

const stt = t.Object({
  ...sttFields,
  fallbacks: t.Optional(
    t.Array(sttFallback, {
      maxItems: MAX_FALLBACKS,
      description:
        "Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's.",
    }),
  ),
});

const endpointing = t.Object({
  silence_ms: t.Integer({ minimum: 100, maximum: 5000, description: "Silence that ends the caller's turn." }),
});

const interruptions = t.Object({
  enabled: t.Boolean(),
  min_speech_ms: t.Integer({
    minimum: 0,
    maximum: 3000,
    description: "Shorter speech (a cough, 'mm-hm') does not interrupt.",
  }),
});

const knowledge = t.Object({
  mode: t.UnionEnum(["all", "selected", "none"]),
  source_ids: t.Array(t.String(), { maxItems: 500 }),
  top_k: t.Integer({ minimum: 1, maximum: 20 }),
});

const silence = t.Object({
  reprompt_ms: t.Optional(
    t.Integer({
      minimum: 1000,
      maximum: 120000,
      description: "Silence before the agent reprompts (default 10000).",
    }),
  ),
  max_reprompts: t.Optional(
    t.Integer({ minimum: 0, maximum: 10, description: "Reprompts before a polite hang-up (default 1)." }),
  ),
  reprompt_message: t.Optional(t.String({ maxLength: 2000 })),
  hangup_message: t.Optional(t.String({ maxLength: 2000 })),
});

const tool = t.Object(
  {
    type: t.UnionEnum(["end_call", "transfer_call", "send_dtmf", "http"]),
    name: t.Optional(t.String({ pattern: "^[a-zA-Z0-9_-]{1,64}$" })),
    description: t.Optional(t.String({ maxLength: 2000 })),
    parameters: t.Optional(t.Record(t.String(), t.Unknown())),
    url: t.Optional(t.String({ format: "uri" })),
    method: t.Optional(t.UnionEnum(["GET", "POST", "PUT", "PATCH", "DELETE"])),
    timeout_ms: t.Optional(t.Integer({ minimum: 100, maximum: 60000 })),
    headers: t.Optional(t.Record(t.String(), t.String())),
  },
  { additionalProperties: true },
);

const fields = {
  system_prompt: t.String({ maxLength: 50000 }),
  first_message: t.String({ maxLength: 5000, description: "Spoken on answer; empty waits for the caller." }),
  language: t.String({ minLength: 2, maxLength: 20 }),
  tools: t.Array(tool, { maxItems: 64 }),
  max_duration_s: t.Integer({ minimum: 10, maximum: 14400 }),
  is_active: t.Boolean(),
  metadata: t.Record(t.String(), t.Unknown()),
};

export const createAgentBody = t.Object({
  name: t.String({ minLength: 1, maxLength: 200 }),
  system_prompt: t.Optional(fields.system_prompt),
  first_message: t.Optional(fields.first_message),
  voice: t.Optional(voice),
  llm: t.Optional(t.Partial(llm)),
  stt: t.Optional(t.Partial(stt)),
  language: t.Optional(fields.language),
  endpointing: t.Optional(t.Partial(endpointing)),
  interruptions: t.Optional(t.Partial(interruptions)),
  tools: t.Optional(fields.tools),
  knowledge: t.Optional(t.Partial(knowledge)),
  silence: t.Optional(silence),
  max_duration_s: t.Optional(fields.max_duration_s),
  is_active: t.Optional(fields.is_active),
  metadata: t.Optional(fields.metadata),
});

export const updateAgentBody = t.Object({
  name: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
  system_prompt: t.Optional(fields.system_prompt),
  first_message: t.Optional(fields.first_message),
  voice: t.Optional(t.Partial(voice)),
  llm: t.Optional(t.Partial(llm)),
  stt: t.Optional(t.Partial(stt)),
  language: t.Optional(fields.language),
  endpointing: t.Optional(t.Partial(endpointing)),
  interruptions: t.Optional(t.Partial(interruptions)),
  tools: t.Optional(fields.tools),
  knowledge: t.Optional(t.Partial(knowledge)),
  silence: t.Optional(silence),
  max_duration_s: t.Optional(fields.max_duration_s),
  is_active: t.Optional(fields.is_active),
  metadata: t.Optional(fields.metadata),
});

export const agentSchema = t.Object({
  id: t.String(),
  name: t.String(),
  system_prompt: t.String(),
  first_message: t.String(),
  voice,
  llm,
  stt,
  language: t.String(),
  endpointing,
  interruptions,
  tools: t.Array(tool),
  knowledge,
  silence,
  max_duration_s: t.Integer(),
  is_active: t.Boolean(),
  metadata: t.Record(t.String(), t.Unknown()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

export type CreateAgentInput = typeof createAgentBody.static;
export type UpdateAgentInput = typeof updateAgentBody.static;
export type AgentResponse = typeof agentSchema.static;
