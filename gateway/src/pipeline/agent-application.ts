import type { Agent } from "@switchboard/shared/agent";
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext, MediaApplication, RunningApplication } from "../call-core/application.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { EchoGuard } from "../media/echo/echo-guard.ts";
import type { ChatMessage, LlmProvider, SttProvider, TtsProvider } from "../providers/types.ts";
import type { VadEngine } from "../vad/engine.ts";
import { PipelineTransfers } from "../warm-transfer/pipeline-transfer.ts";
import { type PipelineClock, systemClock } from "./clock.ts";
import { GreetingCache } from "./greeting-cache.ts";
import { Pipeline } from "./pipeline.ts";
import { DEFAULT_PREEMPT_AT_LIKELIHOOD, EndpointingProcessor } from "./processors/endpointing.ts";
import { InterruptionProcessor } from "./processors/interruption.ts";
import { LlmProcessor } from "./processors/llm.ts";
import { PlayoutProcessor } from "./processors/playout.ts";
import { SentenceChunker } from "./processors/sentence-chunker.ts";
import { DEFAULT_SILENCE_OPTIONS, type SilenceOptions, SilenceProcessor } from "./processors/silence.ts";
import { SttProcessor } from "./processors/stt.ts";
import { TtsProcessor } from "./processors/tts.ts";
import { DEFAULT_VAD_OPTIONS, VadProcessor } from "./processors/vad.ts";
import { buildFirstMessage, buildSystemPrompt } from "./prompt.ts";
import type { ToolRequestOptions } from "./tools/http-tool.ts";
import { ToolRegistry } from "./tools/registry.ts";
import type { EndOfTurnModel } from "./turn-taking/end-of-turn-model.ts";
import { callTurnPolicy } from "./turn-taking/policy.ts";

export interface PipelineProviders {
  llm: LlmProvider;
  stt: SttProvider;
  tts: TtsProvider;
  /** How HTTP tools reach the customer's servers; unset: public addresses only, unsigned. */
  toolRequests?: ToolRequestOptions;
}

const PUBLIC_ONLY: ToolRequestOptions = { urlPolicy: { allowPrivate: false } };

export interface AgentApplicationOptions {
  /** The agent's providers (with fallbacks), built by the provider layer from its settings. */
  providers(agent: Agent, call: CallContext): PipelineProviders;
  vad: VadEngine;
  clock?: PipelineClock;
  logger?: Logger;
  silence?: Partial<SilenceOptions>;
  sttFinalTimeoutMs?: number;
  dtmfGroupMs?: number;
  /** The end-of-turn audio model for agents in `model` mode (null: they decide as `adaptive`). */
  turnModel?: EndOfTurnModel | null;
  /** Start the LLM before the turn is confirmed when its end is this likely; null: never. */
  preemptAtLikelihood?: number | null;
  /** Knowledge retrieval for the caller's words (null: none). */
  retrieveContext?: (call: CallContext, query: string, signal: AbortSignal) => Promise<string | null>;
}

export interface RunningAgentApplication extends RunningApplication {
  /** The conversation as the model sees it (system prompt, turns, tool calls). */
  readonly history: readonly ChatMessage[];
}

/** The turn pipeline as a call's media application. */
export class AgentApplication implements MediaApplication {
  private readonly greetings = new GreetingCache();

  constructor(private readonly options: AgentApplicationOptions) {}

  async start(call: CallContext): Promise<RunningAgentApplication> {
    const { agent } = call;
    const clock = this.options.clock ?? systemClock;
    const logger = this.options.logger?.child({ call_id: call.callId, agent_id: agent.id }) ?? null;
    const providers = this.options.providers(agent, call);
    const retrieve = this.options.retrieveContext;
    const firstMessage = buildFirstMessage(call);
    // A greeting filled from the call's own variables differs per call: never kept.
    const tts = this.greetings.wrap(
      agent,
      agent.first_message.includes("{{") ? null : firstMessage,
      providers.tts,
    );
    const tools = new ToolRegistry(agent.tools, providers.toolRequests ?? PUBLIC_ONLY);
    const llm = new LlmProcessor({
      provider: providers.llm,
      request: {
        model: agent.llm.model,
        temperature: agent.llm.temperature,
        maxTokens: agent.llm.max_tokens,
      },
      systemPrompt: buildSystemPrompt(call),
      firstMessage,
      tools,
      sendDtmf: (digits) => call.audio.sendDtmf(digits),
      control: call.control,
      reporter: call.reporter,
      clock,
      sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
      retrieveContext: retrieve ? (query, signal) => retrieve(call, query, signal) : undefined,
      warmTransfer: (request, signal) => transfers.run(request, signal),
    });
    let inputPaused = false;
    const transfers = new PipelineTransfers({
      call,
      agent,
      llm: providers.llm,
      tts: providers.tts,
      stt: providers.stt,
      vad: this.options.vad,
      history: () => llm.history,
      setInputPaused: (paused) => {
        inputPaused = paused;
      },
      logger,
    });
    const echoGuard = new EchoGuard(call.audio);
    const pipeline = new Pipeline(
      [
        new VadProcessor(
          this.options.vad.createStream({ narrowband: call.audio.narrowband }),
          DEFAULT_VAD_OPTIONS,
        ),
        new SttProcessor(
          providers.stt,
          { model: agent.stt.model, language: agent.stt.language, sampleRateHz: INTERNAL_SAMPLE_RATE_HZ },
          clock,
        ),
        new EndpointingProcessor(clock, {
          policy: callTurnPolicy(agent, Boolean(this.options.turnModel)),
          turnModel: this.options.turnModel ?? null,
          preemptAtLikelihood:
            this.options.preemptAtLikelihood === undefined
              ? DEFAULT_PREEMPT_AT_LIKELIHOOD
              : this.options.preemptAtLikelihood,
          sttFinalTimeoutMs: this.options.sttFinalTimeoutMs ?? 2000,
          dtmfGroupMs: this.options.dtmfGroupMs ?? 400,
        }),
        new InterruptionProcessor({
          enabled: agent.interruptions.enabled,
          minSpeechMs: agent.interruptions.min_speech_ms,
          echoGuard,
        }),
        new SilenceProcessor(clock, {
          ...DEFAULT_SILENCE_OPTIONS,
          ...silenceSettings(agent),
          ...this.options.silence,
        }),
        llm,
        new SentenceChunker(),
        new TtsProcessor(
          tts,
          { voiceId: agent.voice.voice_id, speed: agent.voice.speed, sampleRateHz: INTERNAL_SAMPLE_RATE_HZ },
          clock,
        ),
        new PlayoutProcessor(call.audio, clock, echoGuard),
      ],
      logger,
    );

    let running = true;
    call.audio.onFrame((pcm, ageMs) => {
      if (running && !inputPaused) pipeline.push({ type: "audio_in", pcm, atMs: clock.now() - ageMs });
    });
    call.audio.onDtmf((digit) => {
      if (running && !inputPaused) pipeline.push({ type: "dtmf", digit, atMs: clock.now() });
    });
    let sayingGoodbye = false;
    // When to say it, and when to cut a goodbye that is not heard, the call's end decides
    // (call-core/call-end.ts): max_duration_s, the drain.
    const sayGoodbye = (text: string, cause: string) => {
      if (!running || sayingGoodbye) return;
      sayingGoodbye = true;
      pipeline.push({ type: "interruption", atMs: clock.now() });
      pipeline.push({ type: "say", text, hangupCause: cause });
    };
    pipeline.push({ type: "start" });

    return {
      history: llm.history,
      sayGoodbye,
      async stop() {
        if (!running) return;
        running = false;
        pipeline.push({ type: "end", cause: "call_ended" });
        await Promise.all([tools.close(), transfers.stop()]);
      },
    };
  }
}

function silenceSettings(agent: Agent): Partial<SilenceOptions> {
  const settings = agent.silence;
  if (!settings) return {};
  const options: Partial<SilenceOptions> = {};
  if (settings.reprompt_ms !== undefined) options.repromptMs = settings.reprompt_ms;
  if (settings.max_reprompts !== undefined) options.maxReprompts = settings.max_reprompts;
  if (settings.reprompt_message) options.repromptMessage = settings.reprompt_message;
  if (settings.hangup_message) options.hangupMessage = settings.hangup_message;
  return options;
}
