// The agent as the API shows it and as gateways run it (snapshots on the bus carry this shape).

export interface VoiceSettings {
  provider: "espeak" | "flite" | "openai" | "elevenlabs";
  voice_id: string;
  speed?: number;
  /** The org's own provider credential (POST /provider-credentials); unset: the operator's key. */
  credential_id?: string | null;
}

export interface LlmSettings {
  /** `openai` speaks to any OpenAI-compatible base URL; `custom` posts to `webhook_url` (SSE). */
  provider: "openai" | "custom";
  model: string;
  temperature: number;
  max_tokens?: number;
  /** Tenant-supplied: needs `credential_id`; the operator's key never goes to it. */
  base_url?: string | null;
  webhook_url?: string | null;
  credential_id?: string | null;
  /** Tried in order when the one before fails with a retryable error before any output. */
  fallbacks?: LlmFallback[];
}

/** An alternative LLM; unset temperature and max_tokens are the primary's. */
export type LlmFallback = Omit<LlmSettings, "fallbacks" | "temperature"> & { temperature?: number };

export interface SttSettings {
  provider: "deepgram" | "openai" | "whisper";
  model: string;
  language: string;
  credential_id?: string | null;
  /** Tried in order when the one before fails with a retryable error (at open or mid-call). */
  fallbacks?: SttFallback[];
}

/** An alternative STT; an unset language is the primary's. */
export type SttFallback = Omit<SttSettings, "fallbacks" | "language"> & { language?: string };

/** The most fallbacks one block may list. */
export const MAX_FALLBACKS = 3;

export interface EndpointingSettings {
  silence_ms: number;
}

export interface InterruptionSettings {
  enabled: boolean;
  min_speech_ms: number;
}

/** A silent caller gets a reprompt after `reprompt_ms`, then a polite hang-up. */
export interface SilenceSettings {
  reprompt_ms?: number;
  max_reprompts?: number;
  reprompt_message?: string;
  hangup_message?: string;
}

export interface KnowledgeSettings {
  /** `all` of the org's sources, the `selected` ones in `source_ids`, or `none`. */
  mode: "all" | "selected" | "none";
  source_ids: string[];
  top_k: number;
}

export interface AgentTool {
  type: "end_call" | "transfer_call" | "send_dtmf" | "http";
  name?: string;
  description?: string;
  parameters?: Record<string, unknown>;
  url?: string;
  method?: string;
  timeout_ms?: number;
  headers?: Record<string, string>;
  [extra: string]: unknown;
}

export interface Agent {
  id: string;
  org_id?: string;
  name: string;
  system_prompt: string;
  first_message: string;
  voice: VoiceSettings;
  llm: LlmSettings;
  stt: SttSettings;
  language: string;
  endpointing: EndpointingSettings;
  interruptions: InterruptionSettings;
  tools: AgentTool[];
  knowledge: KnowledgeSettings;
  max_duration_s: number;
  /** Optional; the gateway's defaults apply when absent. */
  silence?: SilenceSettings;
  is_active: boolean;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export const AGENT_DEFAULTS = {
  voice: { provider: "espeak", voice_id: "en-us" } as VoiceSettings,
  llm: {
    provider: "openai",
    model: "gpt-4o-mini",
    temperature: 0.7,
    base_url: null,
    webhook_url: null,
  } as LlmSettings,
  stt: { provider: "deepgram", model: "nova-2", language: "en" } as SttSettings,
  endpointing: { silence_ms: 500 } as EndpointingSettings,
  interruptions: { enabled: true, min_speech_ms: 250 } as InterruptionSettings,
  knowledge: { mode: "all", source_ids: [], top_k: 3 } as KnowledgeSettings,
  max_duration_s: 1800,
};

/** The agent provider blocks that may name a credential. */
export const CREDENTIAL_BLOCKS = ["llm", "stt", "voice"] as const;
export type CredentialBlock = (typeof CREDENTIAL_BLOCKS)[number];

/** Where a provider block sits: a block itself, or one of its fallbacks (`llm.fallbacks.0`). */
export type CredentialKey = CredentialBlock | `${"llm" | "stt"}.fallbacks.${number}`;

interface CredentialSlot {
  /** Its key in AgentRuntimeSecrets.credentials, and the field path in errors. */
  key: CredentialKey;
  block: CredentialBlock;
  provider: string;
  credentialId: string | null;
}

/** Every provider block of the agent that may name a credential, fallbacks included. */
export function credentialSlots(agent: Pick<Agent, "llm" | "stt" | "voice">): CredentialSlot[] {
  const slots: CredentialSlot[] = [];
  for (const block of CREDENTIAL_BLOCKS) {
    const settings = agent[block];
    slots.push({
      key: block,
      block,
      provider: settings.provider,
      credentialId: settings.credential_id ?? null,
    });
    if (block === "voice") continue;
    (agent[block].fallbacks ?? []).forEach((fallback, index) => {
      slots.push({
        key: `${block}.fallbacks.${index}`,
        block,
        provider: fallback.provider,
        credentialId: fallback.credential_id ?? null,
      });
    });
  }
  return slots;
}

/** An org's provider credential as gateways receive it: the key still encrypted (secret-box). */
export interface PublishedCredential {
  id: string;
  provider: "openai" | "openai_compatible" | "deepgram" | "elevenlabs";
  base_url: string | null;
  api_key_ciphertext: string | null;
}

/** What a gateway needs beyond the agent's public shape; never part of an API response. */
export interface AgentRuntimeSecrets {
  /** The credential each provider block (and fallback, `llm.fallbacks.0`) names, resolved. */
  credentials: Partial<Record<CredentialKey, PublishedCredential>>;
  /** The org's `whsec_` signing secrets, current first, as secret-box ciphertexts. */
  signing_secret_ciphertexts: string[];
}

/** The agent as control publishes it on the bus (Hashes.agentSnapshots). */
export interface AgentSnapshot extends Agent {
  org_id: string;
  runtime?: AgentRuntimeSecrets;
}

/** The runtime secrets of an agent read from a snapshot; absent on agents built elsewhere. */
export function runtimeOf(agent: Agent): AgentRuntimeSecrets | undefined {
  return (agent as Partial<AgentSnapshot>).runtime;
}
