// Builds an agent's providers from the gateway config and the agent's settings: each adapter
// wrapped once in its family base (retries, timeouts, metrics), remote TTS backed by local
// espeak-ng, and per-agent overrides (llm.base_url, llm.webhook_url) over the environment.
import { join } from "node:path";
import type { Agent } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { withLlmBase } from "./base/llm.ts";
import type { ProviderMetrics } from "./base/metrics.ts";
import type { RetryPolicy } from "./base/policy.ts";
import { withSttBase } from "./base/stt.ts";
import { withTtsBase } from "./base/tts.ts";
import { CustomLlm } from "./custom-llm/llm.ts";
import { DeepgramStt } from "./deepgram/stt.ts";
import { ElevenLabsTts } from "./elevenlabs/tts.ts";
import { EspeakTts } from "./espeak/tts.ts";
import { FallbackTts } from "./fallback/tts.ts";
import { FliteTts } from "./flite/tts.ts";
import { OpenAiLlm } from "./openai/llm.ts";
import { OpenAiStt } from "./openai/stt.ts";
import { OpenAiTts } from "./openai/tts.ts";
import { type LlmProvider, ProviderError, type SttProvider, type TtsProvider } from "./types.ts";
import { WhisperStt } from "./whisper/stt.ts";

export type ProviderConfig = Pick<
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
>;

export type AgentProviderSettings = Pick<Agent, "llm" | "stt" | "voice" | "endpointing">;

export interface AgentProviders {
  llm: LlmProvider;
  stt: SttProvider;
  tts: TtsProvider;
}

export interface RegistryOptions {
  policy?: Partial<RetryPolicy>;
  metrics?: ProviderMetrics;
  /** Top-level fields added to custom-LLM webhook bodies (e.g. the call id and metadata). */
  webhookExtraBody?: Record<string, unknown>;
  /** Voice used when remote TTS fails over to espeak-ng. */
  espeakFallbackVoice?: string;
}

export function buildLlm(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  options: RegistryOptions = {},
): LlmProvider {
  const base = { policy: options.policy, metrics: options.metrics };
  if (agent.llm.provider === "custom") {
    if (!agent.llm.webhook_url)
      throw new ProviderError("custom", "llm.webhook_url is required for the custom provider", false);
    return withLlmBase(
      new CustomLlm({
        webhookUrl: agent.llm.webhook_url,
        ...(options.webhookExtraBody ? { extraBody: options.webhookExtraBody } : {}),
      }),
      base,
    );
  }
  return withLlmBase(
    new OpenAiLlm({ baseUrl: agent.llm.base_url || config.openaiBaseUrl, apiKey: config.openaiApiKey }),
    base,
  );
}

export function buildStt(
  config: ProviderConfig,
  agent: AgentProviderSettings,
  options: RegistryOptions = {},
): SttProvider {
  const base = { policy: options.policy, metrics: options.metrics };
  switch (agent.stt.provider) {
    case "deepgram":
      return withSttBase(
        new DeepgramStt({
          baseUrl: config.deepgramBaseUrl,
          apiKey: config.deepgramApiKey,
          endpointingMs: agent.endpointing.silence_ms,
        }),
        base,
      );
    case "openai":
      return withSttBase(new OpenAiStt({ baseUrl: config.openaiBaseUrl, apiKey: config.openaiApiKey }), base);
    case "whisper":
      return withSttBase(
        new WhisperStt({
          modelId: agent.stt.model || config.whisperModel,
          modelsDir: config.modelsDir,
          cacheDir: join(config.dataDir, "models"),
        }),
        base,
      );
    default:
      throw new ProviderError(String(agent.stt.provider), "unknown STT provider", false);
  }
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
        baseUrl: config.openaiBaseUrl,
        apiKey: config.openaiApiKey,
        model: config.openaiTtsModel,
      });
      break;
    case "elevenlabs":
      remote = new ElevenLabsTts({
        baseUrl: config.elevenlabsBaseUrl,
        apiKey: config.elevenlabsApiKey,
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
