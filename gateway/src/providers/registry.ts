// Builds an agent's providers from the gateway config and the agent's settings: each adapter
// wrapped once in its family base (retries, timeouts, metrics), the agent's LLM and STT
// fallbacks behind them, remote TTS backed by local espeak-ng. Keys and endpoints: the operator's own from the environment, or the org's
// credentials named by the agent (tenant/connections.ts); the custom LLM webhook is the
// tenant's URL, guarded and signed.
import { join } from "node:path";
import {
  type Agent,
  type CredentialKey,
  type LlmFallback,
  runtimeOf,
  type SttFallback,
} from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import { guardedFetch, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { sttEndpointingMs } from "../pipeline/turn-taking/policy.ts";
import { connectionFor, type ProviderConnection } from "../tenant/connections.ts";
import type { RequestSigner } from "../tenant/signed-requests.ts";
import { withLlmBase } from "./base/llm.ts";
import type { ProviderMetrics } from "./base/metrics.ts";
import type { RetryPolicy } from "./base/policy.ts";
import { withSttBase } from "./base/stt.ts";
import { withTtsBase } from "./base/tts.ts";
import { CustomLlm } from "./custom-llm/llm.ts";
import { DeepgramStt } from "./deepgram/stt.ts";
import { ElevenLabsTts } from "./elevenlabs/tts.ts";
import { EspeakTts } from "./espeak/tts.ts";
import { FallbackLlm } from "./fallback/llm.ts";
import { FallbackStt } from "./fallback/stt.ts";
import { FallbackTts } from "./fallback/tts.ts";
import { FliteTts } from "./flite/tts.ts";
import { OpenAiLlm } from "./openai/llm.ts";
import { OpenAiRealtimeStt } from "./openai/stt-realtime.ts";
import { OpenAiTts } from "./openai/tts.ts";
import { type LlmProvider, ProviderError, type SttProvider, type TtsProvider } from "./types.ts";
import { WhisperStt } from "./whisper/stt.ts";

type ProviderConfig = Pick<
  Config,
  | "openaiBaseUrl"
  | "openaiApiKey"
  | "openaiTtsModel"
  | "deepgramBaseUrl"
  | "deepgramApiKey"
  | "elevenlabsBaseUrl"
  | "elevenlabsApiKey"
  | "elevenlabsModelId"
  | "whisperModel"
  | "modelsDir"
  | "dataDir"
  | "secretKey"
  | "allowPrivateUrls"
>;

/** The settings providers are built from; a snapshot's runtime secrets ride along (runtimeOf). */
export type AgentProviderSettings = Pick<Agent, "llm" | "stt" | "voice" | "endpointing" | "turn">;

interface AgentProviders {
  llm: LlmProvider;
  stt: SttProvider;
  tts: TtsProvider;
}

interface RegistryOptions {
  policy?: Partial<RetryPolicy>;
  metrics?: ProviderMetrics;
  /** Top-level fields added to custom-LLM webhook bodies (e.g. the call id and metadata). */
  webhookExtraBody?: Record<string, unknown>;
  /** Voice used when remote TTS fails over to espeak-ng. */
  espeakFallbackVoice?: string;
  /** Signs custom-LLM requests with the org's secret and names the call. */
  signer?: RequestSigner;
  /** Where the custom LLM reports a webhook_url the outbound guard refused. */
  logger?: Logger;
}

/** The endpoint and key a block uses, with the guard in front of a tenant's own base URL. */
function connection(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  /** Where the block sits: `llm`, `stt`, `voice`, or a fallback (`llm.fallbacks.0`). */
  key: CredentialKey,
  provider: string,
  operator: { baseUrl: string; apiKey: string | null },
  agentBaseUrl: string | null = null,
): ProviderConnection & { fetch?: (url: string, init: RequestInit) => Promise<Response> } {
  const credential = runtimeOf(agent as Agent)?.credentials[key];
  const resolved = connectionFor(provider, operator, credential, config, agentBaseUrl);
  if (!resolved.tenantUrl) return resolved;
  const policy = { allowPrivate: config.allowPrivateUrls };
  return {
    ...resolved,
    fetch: (url, init) =>
      guardedFetch(url, init, policy).catch((error: unknown) => {
        if (error instanceof UnsafeUrlError)
          throw new ProviderError(provider, `base_url refused: ${error.message}`, false);
        throw error;
      }),
  };
}

/** Reports a provider failing over to the next one of its block. */
function switchReporter(options: RegistryOptions, family: "llm" | "stt") {
  return (from: string, to: string, error: ProviderError) =>
    options.logger?.warn(
      { family, from, to, status: error.status ?? null, err: error },
      "provider failed over to its fallback",
    );
}

/** One LLM block: the agent's `llm` or one of its fallbacks. */
function llmBlock(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  key: CredentialKey,
  settings: LlmFallback,
  options: RegistryOptions,
): LlmProvider {
  const base = { policy: options.policy, metrics: options.metrics };
  if (settings.provider === "custom") {
    if (!settings.webhook_url)
      throw new ProviderError("custom", `${key}.webhook_url is required for the custom provider`, false);
    return withLlmBase(
      new CustomLlm({
        webhookUrl: settings.webhook_url,
        urlPolicy: { allowPrivate: config.allowPrivateUrls },
        logger: options.logger ?? null,
        ...(options.signer ? { signer: options.signer } : {}),
        ...(options.webhookExtraBody ? { extraBody: options.webhookExtraBody } : {}),
      }),
      base,
    );
  }
  return withLlmBase(
    new OpenAiLlm(
      connection(
        config,
        agent,
        key,
        "openai",
        { baseUrl: config.openaiBaseUrl, apiKey: config.openaiApiKey },
        settings.base_url ?? null,
      ),
    ),
    base,
  );
}

/** The agent's LLM, and its fallbacks (`llm.fallbacks`) behind it when it has any. */
export function buildLlm(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  options: RegistryOptions = {},
): LlmProvider {
  const primary = llmBlock(config, agent, "llm", agent.llm, options);
  const fallbacks = agent.llm.fallbacks ?? [];
  if (fallbacks.length === 0) return primary;
  return new FallbackLlm(
    [
      { provider: primary },
      ...fallbacks.map((fallback, index) => ({
        provider: llmBlock(config, agent, `llm.fallbacks.${index}`, fallback, options),
        model: fallback.model,
        temperature: fallback.temperature,
        maxTokens: fallback.max_tokens,
      })),
    ],
    switchReporter(options, "llm"),
  );
}

/** One STT block: the agent's `stt` or one of its fallbacks. */
function sttBlock(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  key: CredentialKey,
  settings: SttFallback,
  options: RegistryOptions,
): SttProvider {
  const base = { policy: options.policy, metrics: options.metrics };
  switch (settings.provider) {
    case "deepgram":
      return withSttBase(
        new DeepgramStt({
          ...connection(config, agent, key, "deepgram", {
            baseUrl: config.deepgramBaseUrl,
            apiKey: config.deepgramApiKey,
          }),
          endpointingMs: sttEndpointingMs(agent),
        }),
        base,
      );
    case "openai":
      // Realtime transcription for models that stream; segment upload for the others.
      return withSttBase(
        new OpenAiRealtimeStt(
          connection(config, agent, key, "openai", {
            baseUrl: config.openaiBaseUrl,
            apiKey: config.openaiApiKey,
          }),
        ),
        base,
      );
    case "whisper":
      return withSttBase(
        new WhisperStt({
          modelId: settings.model || config.whisperModel,
          modelsDir: config.modelsDir,
          cacheDir: join(config.dataDir, "models"),
        }),
        base,
      );
    default:
      throw new ProviderError(String(settings.provider), "unknown STT provider", false);
  }
}

/** The agent's STT, and its fallbacks (`stt.fallbacks`) behind it when it has any. */
export function buildStt(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  options: RegistryOptions = {},
): SttProvider {
  const primary = sttBlock(config, agent, "stt", agent.stt, options);
  const fallbacks = agent.stt.fallbacks ?? [];
  if (fallbacks.length === 0) return primary;
  return new FallbackStt(
    [
      { provider: primary },
      ...fallbacks.map((fallback, index) => ({
        provider: sttBlock(config, agent, `stt.fallbacks.${index}`, fallback, options),
        model: fallback.model,
        language: fallback.language,
      })),
    ],
    switchReporter(options, "stt"),
  );
}

export function buildTts(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  options: RegistryOptions = {},
): TtsProvider {
  const base = { policy: options.policy, metrics: options.metrics };
  const espeak = withTtsBase(new EspeakTts(), base);
  let remote: TtsProvider;
  switch (agent.voice.provider) {
    case "espeak":
      return espeak;
    case "flite":
      return withTtsBase(new FliteTts(), base);
    case "openai":
      remote = new OpenAiTts({
        ...connection(config, agent, "voice", "openai", {
          baseUrl: config.openaiBaseUrl,
          apiKey: config.openaiApiKey,
        }),
        model: config.openaiTtsModel,
      });
      break;
    case "elevenlabs":
      remote = new ElevenLabsTts({
        ...connection(config, agent, "voice", "elevenlabs", {
          baseUrl: config.elevenlabsBaseUrl,
          apiKey: config.elevenlabsApiKey,
        }),
        modelId: config.elevenlabsModelId,
      });
      break;
    default:
      throw new ProviderError(
        String(agent.voice.provider),
        "TTS provider not available in this gateway",
        false,
      );
  }
  return new FallbackTts([
    { provider: withTtsBase(remote, base) },
    { provider: espeak, voiceId: options.espeakFallbackVoice ?? "en-us" },
  ]);
}

export function buildProviders(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  options: RegistryOptions = {},
): AgentProviders {
  return {
    llm: buildLlm(config, agent, options),
    stt: buildStt(config, agent, options),
    tts: buildTts(config, agent, options),
  };
}
