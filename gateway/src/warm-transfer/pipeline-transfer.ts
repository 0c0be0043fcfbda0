// Warm transfer for the turn pipeline: the application owns the caller's audio, so it runs
// the transfer with the agent's own voice and model. While it runs the pipeline hears nothing
// (the caller on hold cannot interrupt the tool); once bridged the agent leaves (hears nothing
// more) or listens (the caller's words stay on the transcript, the agent stays silent).
import type { Agent } from "@switchboard/shared/agent";
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext } from "../call-core/application.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { CallAudio } from "../media/call-audio.ts";
import type { WarmTransferToolRequest } from "../pipeline/tools/types.ts";
import type { ChatMessage, LlmProvider, SttProvider, TtsProvider } from "../providers/types.ts";
import type { VadEngine } from "../vad/engine.ts";
import { briefingSummary } from "./briefing.ts";
import { listenForSpokenAnswer } from "./spoken-answer.ts";
import {
  type BridgedTransfer,
  DEFAULT_HOLD_MESSAGE,
  DEFAULT_TRANSFER_TIMEOUT_MS,
  runWarmTransfer,
  type WarmTransferResult,
} from "./warm-transfer.ts";

export interface PipelineTransferOptions {
  call: Pick<CallContext, "audio" | "control" | "reporter">;
  agent: Agent;
  llm: LlmProvider;
  tts: TtsProvider;
  /** The agent's STT and the gateway's VAD hear the destination's spoken answer. */
  stt: SttProvider;
  vad: VadEngine;
  /** The conversation so far, summarised for the destination. */
  history(): readonly ChatMessage[];
  /** Whether the caller's audio and digits reach the pipeline. */
  setInputPaused(paused: boolean): void;
  logger: Logger | null;
}

export class PipelineTransfers {
  private connection: BridgedTransfer | null = null;
  private running = false;

  constructor(private readonly options: PipelineTransferOptions) {}

  async run(request: WarmTransferToolRequest, signal: AbortSignal): Promise<WarmTransferResult> {
    const { call, agent } = this.options;
    const { tool } = request;
    const dial = call.control.dialLeg;
    if (!dial) return { outcome: "failed", status: null, reason: "this gateway cannot place calls" };
    if (this.running || this.connection)
      return { outcome: "failed", status: null, reason: "a transfer is already running" };
    this.running = true;
    this.options.setInputPaused(true);
    try {
      const { result, connection } = await runWarmTransfer(
        {
          caller: call.audio,
          dial,
          speak: (audio, text, speechSignal) => this.speak(audio, text, speechSignal),
          briefing: (briefingSignal) =>
            briefingSummary(
              this.options.llm,
              { model: agent.llm.model, temperature: agent.llm.temperature },
              this.options.history(),
              { configured: tool.briefing_prompt ?? null, fromModel: request.briefingPrompt },
              briefingSignal,
            ),
          listen: (legTicks, onAnswer) =>
            listenForSpokenAnswer(
              legTicks,
              {
                vad: this.options.vad,
                stt: this.options.stt,
                sttOptions: {
                  model: agent.stt.model,
                  language: agent.stt.language,
                  sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
                },
                now: () => performance.now(),
              },
              onAnswer,
            ),
        },
        {
          destination: request.destination,
          holdMessage: tool.hold_message ?? DEFAULT_HOLD_MESSAGE,
          timeoutMs: tool.timeout_ms ?? DEFAULT_TRANSFER_TIMEOUT_MS,
          sipHeaders: tool.sip_headers,
        },
        signal,
      );
      call.reporter.transfer?.({
        target: request.destination,
        ok: result.outcome === "accepted",
        status: result.status,
        reason: result.outcome === "accepted" ? "accepted" : `${result.outcome}: ${result.reason}`,
      });
      this.options.logger?.info({ outcome: result.outcome, status: result.status }, "warm transfer");
      if (connection) {
        this.connection = connection;
        connection.leg.onEnded(() => {
          call.control.hangup("transfer_destination_hangup").catch(() => {});
        });
        this.options.setInputPaused(tool.after_bridge !== "listen");
      } else {
        this.options.setInputPaused(false);
      }
      return result;
    } catch (error) {
      this.options.setInputPaused(false);
      throw error;
    } finally {
      this.running = false;
    }
  }

  /** The caller's call ended: the destination is hung up too. */
  async stop(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.stop("caller_hangup");
  }

  private async speak(audio: CallAudio, text: string, signal: AbortSignal): Promise<void> {
    const { voice } = this.options.agent;
    for await (const pcm of this.options.tts.synthesize(
      text,
      { voiceId: voice.voice_id, speed: voice.speed, sampleRateHz: INTERNAL_SAMPLE_RATE_HZ },
      signal,
    )) {
      if (signal.aborted) return;
      audio.enqueue(pcm);
    }
  }
}
