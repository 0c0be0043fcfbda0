// The agent, written once: the API's request and response schemas, the drizzle column types and
// the snapshot gateways run all derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { RealtimeSettingsSchema } from "../realtime.ts";
import { SipHeadersSchema } from "../sip/custom-headers.ts";
import { AnalysisSettingsSchema } from "./analysis.ts";
import { DateTime, JsonObject, Nullable, StringEnum } from "./kit.ts";

/** The most fallbacks one block may list. */
export const MAX_FALLBACKS = 3;

export const VOICE_PROVIDERS = ["espeak", "flite", "openai", "elevenlabs"] as const;
export const LLM_PROVIDERS = ["openai", "custom"] as const;
export const STT_PROVIDERS = ["deepgram", "openai", "whisper"] as const;
export const TOOL_TYPES = [
  "end_call",
  "transfer_call",
  "send_dtmf",
  "http",
  "add_to_do_not_call",
  "mcp",
  "send_sms",
  "warm_transfer",
] as const;
export const AFTER_BRIDGE_MODES = ["leave", "listen"] as const;
export const MCP_TRANSPORTS = ["streamable_http", "sse"] as const;
export const TOOL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const KNOWLEDGE_MODES = ["all", "selected", "none"] as const;
export const TURN_MODES = ["fixed", "adaptive", "model"] as const;

const credentialId = Type.Optional(
  Nullable(
    Type.String({
      maxLength: 100,
      description:
        "A provider credential of your org (POST /provider-credentials); unset: the platform's key.",
    }),
  ),
);

export const VoiceSettingsSchema = Type.Object({
  provider: StringEnum(VOICE_PROVIDERS),
  voice_id: Type.String({ minLength: 1, maxLength: 200 }),
  speed: Type.Optional(Type.Number({ minimum: 0.25, maximum: 4 })),
  credential_id: credentialId,
});

const llmFields = {
  provider: StringEnum(LLM_PROVIDERS, {
    description: "`openai`: any OpenAI-compatible API at `base_url`. `custom`: your `webhook_url` (SSE).",
  }),
  model: Type.String({ minLength: 1, maxLength: 200 }),
  temperature: Type.Number({ minimum: 0, maximum: 2 }),
  max_tokens: Type.Optional(Type.Integer({ minimum: 1, maximum: 32000 })),
  /** Tenant-supplied: needs `credential_id`; the operator's key never goes to it. */
  base_url: Type.Optional(
    Nullable(
      Type.String({
        format: "uri",
        maxLength: 2000,
        description: "An OpenAI-compatible endpoint of yours; needs `credential_id` (its key may be empty).",
      }),
    ),
  ),
  webhook_url: Type.Optional(Nullable(Type.String({ format: "uri", maxLength: 2000 }))),
  credential_id: credentialId,
};

/** An alternative LLM; unset temperature and max_tokens are the primary's. */
export const LlmFallbackSchema = Type.Object({
  ...llmFields,
  temperature: Type.Optional(llmFields.temperature),
});

export const LlmSettingsSchema = Type.Object({
  ...llmFields,
  fallbacks: Type.Optional(
    Type.Array(LlmFallbackSchema, {
      maxItems: MAX_FALLBACKS,
      description:
        "Other LLMs, tried in order when the one before fails with a retryable error (network, timeout, 408, 429, 5xx) before its first token. Unset temperature and max_tokens are the primary's.",
    }),
  ),
});

const sttFields = {
  provider: StringEnum(STT_PROVIDERS),
  model: Type.String({ minLength: 1, maxLength: 200 }),
  language: Type.String({ minLength: 2, maxLength: 20 }),
  credential_id: credentialId,
};

/** An alternative STT; an unset language is the primary's. */
export const SttFallbackSchema = Type.Object({ ...sttFields, language: Type.Optional(sttFields.language) });

export const SttSettingsSchema = Type.Object({
  ...sttFields,
  fallbacks: Type.Optional(
    Type.Array(SttFallbackSchema, {
      maxItems: MAX_FALLBACKS,
      description:
        "Other STT providers, tried in order when the one before fails with a retryable error, at the start of a call or during it (the utterance in progress is replayed). An unset language is the primary's.",
    }),
  ),
});

export const EndpointingSettingsSchema = Type.Object({
  silence_ms: Type.Integer({
    minimum: 100,
    maximum: 5000,
    description: "Silence that ends the caller's turn.",
  }),
});

/**
 * When the caller's turn is over. `fixed` waits `endpointing.silence_ms` after their speech;
 * `adaptive` starts from `endpointing.silence_ms` and moves between the two bounds on evidence
 * (the transcript's words and punctuation, the STT's end-of-speech signals, the VAD's trend, the
 * agent's last question); `model` adds an end-of-turn audio model (TURN_MODEL_PATH), falling
 * back to `adaptive` without one.
 */
export const TurnSettingsSchema = Type.Object({
  mode: StringEnum(TURN_MODES, { description: "`fixed`, `adaptive` (default) or `model`." }),
  min_silence_ms: Type.Integer({
    minimum: 0,
    maximum: 5000,
    description: "The shortest silence that may end a turn (adaptive and model modes).",
  }),
  max_silence_ms: Type.Integer({
    minimum: 100,
    maximum: 10000,
    description: "The longest the agent waits for an unfinished sentence (adaptive and model modes).",
  }),
});

export const InterruptionSettingsSchema = Type.Object({
  enabled: Type.Boolean(),
  min_speech_ms: Type.Integer({
    minimum: 0,
    maximum: 3000,
    description: "Shorter speech (a cough, 'mm-hm') does not interrupt.",
  }),
});

export const KnowledgeSettingsSchema = Type.Object({
  mode: StringEnum(KNOWLEDGE_MODES, {
    description: "`all` of the org's sources, the `selected` ones in `source_ids`, or `none`.",
  }),
  source_ids: Type.Array(Type.String(), { maxItems: 500 }),
  top_k: Type.Integer({ minimum: 1, maximum: 20 }),
});

/** A silent caller gets a reprompt after `reprompt_ms`, then a polite hang-up. */
export const SilenceSettingsSchema = Type.Object({
  reprompt_ms: Type.Optional(
    Type.Integer({
      minimum: 1000,
      maximum: 120000,
      description: "Silence before the agent reprompts (default 10000).",
    }),
  ),
  max_reprompts: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10,
      description: "Reprompts before a polite hang-up (default 1).",
    }),
  ),
  reprompt_message: Type.Optional(Type.String({ maxLength: 2000 })),
  hangup_message: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** One tool an MCP server listed (`tools/list`), cached by control on the catalogue tool. */
export const McpListedToolSchema = Type.Object({
  name: Type.String({ maxLength: 128 }),
  description: Type.String({ maxLength: 4000 }),
  input_schema: JsonObject({
    description: "The JSON Schema of the tool's arguments, as the server listed it.",
  }),
});
export type McpListedTool = Static<typeof McpListedToolSchema>;

/**
 * Headers whose values come from the org's provider credentials (`POST /provider-credentials`),
 * decrypted only when a tool is called and never shown by the API: `{"Authorization":
 * {"credential_id": "cred_...", "template": "Bearer {{secret}}"}}`.
 */
export const SecretHeadersSchema = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Object(
    {
      credential_id: Type.String({ minLength: 1, maxLength: 100 }),
      template: Type.Optional(
        Type.String({
          maxLength: 500,
          pattern: "^[^\\r\\n]*\\{\\{secret\\}\\}[^\\r\\n]*$",
          description: "The header's value with `{{secret}}` where the key goes; default `{{secret}}`.",
        }),
      ),
    },
    { additionalProperties: false },
  ),
  {
    maxProperties: 10,
    description:
      "`http` and `mcp`: headers filled from the org's provider credentials when the tool is called (e.g. `Authorization`); the API shows only the reference.",
  },
);
export type SecretHeaders = Static<typeof SecretHeadersSchema>;

/** What the model may call; each type reads the fields its description names. */
export const AgentToolSchema = Type.Object({
  type: StringEnum(TOOL_TYPES),
  name: Type.Optional(Type.String({ pattern: "^[a-zA-Z0-9_-]{1,64}$" })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  parameters: Type.Optional(
    JsonObject({ description: "`http`: the JSON Schema of the arguments the model sends." }),
  ),
  url: Type.Optional(Type.String({ format: "uri", description: "`http`: the endpoint called." })),
  method: Type.Optional(StringEnum(TOOL_METHODS, { description: "`http`: default POST." })),
  timeout_ms: Type.Optional(
    Type.Integer({
      minimum: 100,
      maximum: 60000,
      description:
        "`http` and `mcp`: how long a call may take. `warm_transfer`: how long the destination has to answer and accept (default 30000).",
    }),
  ),
  headers: Type.Optional(
    Type.Record(Type.String(), Type.String(), { description: "`http`: sent with every request." }),
  ),
  secret_headers: Type.Optional(SecretHeadersSchema),
  target: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 300,
      description:
        "`transfer_call` and `warm_transfer`: the phone number (E.164) or SIP URI to transfer to; unset: the model chooses.",
    }),
  ),
  waiting_message: Type.Optional(
    Type.String({
      maxLength: 500,
      description: "`http`: what the agent says when the call has not answered after `waiting_delay_ms`.",
    }),
  ),
  waiting_delay_ms: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 30000, description: "`http`: default 1500." }),
  ),
  transport: Type.Optional(
    StringEnum(MCP_TRANSPORTS, { description: "`mcp`: how the server is reached; default streamable_http." }),
  ),
  mcp_tools: Type.Optional(
    Type.Array(McpListedToolSchema, {
      maxItems: 128,
      description: "`mcp`: the server's tools as last listed; the model sees each as `<name>__<tool>`.",
    }),
  ),
  sip_headers: Type.Optional({
    ...SipHeadersSchema,
    description:
      "`transfer_call`: headers the transferee sends on to the target, carried in the Refer-To URI " +
      "(`X-*` names, or User-to-User, P-Asserted-Identity, Diversion). `warm_transfer`: sent on the INVITE to the destination.",
  }),
  briefing_prompt: Type.Optional(
    Type.String({
      maxLength: 2000,
      description:
        "`warm_transfer`: how to summarise the call for the person taking over; the model may add its own.",
    }),
  ),
  hold_message: Type.Optional(
    Type.String({
      maxLength: 500,
      description:
        "`warm_transfer`: said to the caller before the hold music while the destination is dialled.",
    }),
  ),
  after_bridge: Type.Optional(
    StringEnum(AFTER_BRIDGE_MODES, {
      description:
        "`warm_transfer`: once caller and person are connected the agent `leave`s (default) or stays silent and `listen`s (the caller's words stay on the transcript).",
    }),
  ),
});

const agentFields = {
  id: Type.String(),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  system_prompt: Type.String({ maxLength: 50000 }),
  first_message: Type.String({
    maxLength: 5000,
    description: "Spoken on answer; empty waits for the caller.",
  }),
  voice: VoiceSettingsSchema,
  llm: LlmSettingsSchema,
  stt: SttSettingsSchema,
  language: Type.String({ minLength: 2, maxLength: 20 }),
  endpointing: EndpointingSettingsSchema,
  turn: TurnSettingsSchema,
  interruptions: InterruptionSettingsSchema,
  tools: Type.Array(AgentToolSchema, { maxItems: 64 }),
  tool_ids: Type.Array(Type.String({ maxLength: 100 }), {
    maxItems: 64,
    uniqueItems: true,
    description: "Tools of the org's catalogue (`/tools`) the agent may call, besides its inline `tools`.",
  }),
  knowledge: KnowledgeSettingsSchema,
  silence: SilenceSettingsSchema,
  max_duration_s: Type.Integer({ minimum: 10, maximum: 14400 }),
  realtime: Nullable(RealtimeSettingsSchema, {
    description:
      "A speech-to-speech model runs the calls instead of the voice, llm and stt pipeline; null: the pipeline.",
  }),
  analysis: Nullable(AnalysisSettingsSchema, {
    description:
      "One LLM request after each call: a summary, success against the criteria, and data matching the schema; null: none.",
  }),
  is_active: Type.Boolean(),
  metadata: JsonObject(),
  created_at: DateTime(),
  updated_at: DateTime(),
};

/** The agent as the API shows it. */
export const AgentResponseSchema = Type.Object(agentFields);

/**
 * The agent as gateways run it (snapshots on the bus carry this shape): `silence` and `turn`
 * may be absent (the gateway's defaults apply), `realtime` absent is the pipeline, and a snapshot
 * names its org.
 */
export const AgentSchema = Type.Object({
  ...agentFields,
  org_id: Type.Optional(Type.String()),
  /** Resolved into `tools` in the snapshot; absent on agents built before the catalogue. */
  tool_ids: Type.Optional(agentFields.tool_ids),
  silence: Type.Optional(SilenceSettingsSchema),
  turn: Type.Optional(TurnSettingsSchema),
  realtime: Type.Optional(agentFields.realtime),
  analysis: Type.Optional(agentFields.analysis),
});

export type VoiceSettings = Static<typeof VoiceSettingsSchema>;
export type LlmSettings = Static<typeof LlmSettingsSchema>;
export type LlmFallback = Static<typeof LlmFallbackSchema>;
export type SttSettings = Static<typeof SttSettingsSchema>;
export type SttFallback = Static<typeof SttFallbackSchema>;
export type EndpointingSettings = Static<typeof EndpointingSettingsSchema>;
export type TurnSettings = Static<typeof TurnSettingsSchema>;
export type InterruptionSettings = Static<typeof InterruptionSettingsSchema>;
export type KnowledgeSettings = Static<typeof KnowledgeSettingsSchema>;
export type SilenceSettings = Static<typeof SilenceSettingsSchema>;
export type AgentTool = Static<typeof AgentToolSchema>;
export type Agent = Static<typeof AgentSchema>;
export type AgentResponse = Static<typeof AgentResponseSchema>;
