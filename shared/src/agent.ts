// The agent as the API shows it and as gateways run it (snapshots on the bus carry this shape).
// Its schema is written once, in schemas/agent.ts; the types here derive from it.
import type { Agent } from "./schemas/agent.ts";
import type { ProviderCredentialKind } from "./schemas/provider-credential.ts";

export type {
  Agent,
  AgentResponse,
  AgentTool,
  EndpointingSettings,
  InterruptionSettings,
  KnowledgeSettings,
  LlmFallback,
  LlmSettings,
  SilenceSettings,
  SttFallback,
  SttSettings,
  TurnSettings,
  VoiceSettings,
} from "./schemas/agent.ts";
export { MAX_FALLBACKS } from "./schemas/agent.ts";

/** What an agent created without these fields gets. */
export const AGENT_DEFAULTS: Readonly<
  Pick<
    Required<Agent>,
    "voice" | "llm" | "stt" | "endpointing" | "turn" | "interruptions" | "knowledge" | "max_duration_s"
  >
> = {
  voice: { provider: "espeak", voice_id: "en-us" },
  llm: {
    provider: "openai",
    model: "gpt-4o-mini",
    temperature: 0.7,
    base_url: null,
    webhook_url: null,
  },
  stt: { provider: "deepgram", model: "nova-2", language: "en" },
  endpointing: { silence_ms: 500 },
  turn: { mode: "adaptive", min_silence_ms: 200, max_silence_ms: 2000 },
  interruptions: { enabled: true, min_speech_ms: 250 },
  knowledge: { mode: "all", source_ids: [], top_k: 3 },
  max_duration_s: 1800,
};

/** The agent provider blocks that may name a credential (`realtime` only when the agent has one). */
export const CREDENTIAL_BLOCKS = ["llm", "stt", "voice", "realtime"] as const;
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
export function credentialSlots(agent: Pick<Agent, "llm" | "stt" | "voice" | "realtime">): CredentialSlot[] {
  const slots: CredentialSlot[] = [];
  for (const block of ["llm", "stt", "voice"] as const) {
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
  if (agent.realtime) {
    slots.push({
      key: "realtime",
      block: "realtime",
      provider: agent.realtime.provider,
      credentialId: agent.realtime.credential_id ?? null,
    });
  }
  return slots;
}

/** An org's provider credential as gateways receive it: the key still encrypted (secret-box). */
export interface PublishedCredential {
  id: string;
  provider: ProviderCredentialKind;
  base_url: string | null;
  api_key_ciphertext: string | null;
}

/** What a gateway needs beyond the agent's public shape; never part of an API response. */
export interface AgentRuntimeSecrets {
  /** The credential each provider block (and fallback, `llm.fallbacks.0`) names, resolved. */
  credentials: Partial<Record<CredentialKey, PublishedCredential>>;
  /** The credentials the tools' `secret_headers` name, by id (absent: none). */
  tool_credentials?: Record<string, PublishedCredential>;
  /** The org's `whsec_` signing secrets, current first, as secret-box ciphertexts. */
  signing_secret_ciphertexts: string[];
}

/** The agent as control publishes it on the bus (Hashes.agentSnapshots). */
export type AgentSnapshot = Agent & {
  org_id: string;
  runtime?: AgentRuntimeSecrets;
};

/** The runtime secrets of an agent read from a snapshot; absent on agents built elsewhere. */
export function runtimeOf(agent: Agent): AgentRuntimeSecrets | undefined {
  return (agent as Partial<AgentSnapshot>).runtime;
}
