// Warm transfer on a realtime call, run with the agent's pipeline providers (voice, model,
// STT): while it runs the model hears and says nothing; once it handed the call to a person
// the model is done for the rest of the call.
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext } from "../call-core/application.ts";
import type { ToolContext } from "../pipeline/tools/types.ts";
import type { ChatMessage, LlmProvider, SttProvider, TtsProvider } from "../providers/types.ts";
import type { VadEngine } from "../vad/engine.ts";
import { PipelineTransfers } from "../warm-transfer/pipeline-transfer.ts";

export interface TransferProviders {
  llm: LlmProvider;
  stt: SttProvider;
  tts: TtsProvider;
}

export interface RealtimeWarmTransferOptions {
  call: CallContext;
  /** Absent: warm transfer is not available on this call. */
  providers: TransferProviders | undefined;
  vad: VadEngine;
  /** The conversation as reported, for the briefing. */
  history(): readonly ChatMessage[];
  logger: Logger | null;
}

export class RealtimeWarmTransfer {
  /** A warm transfer runs: the model hears and says nothing. */
  private inputPaused = false;
  /** An accepted warm transfer handed the call to a person: the model is done. */
  private handedOver = false;
  private readonly transfers: PipelineTransfers | null;
  /** The tools' warm transfer; absent: not available on this call. */
  readonly run: ToolContext["warmTransfer"];

  constructor(options: RealtimeWarmTransferOptions) {
    const { call, providers } = options;
    const transfers = providers
      ? new PipelineTransfers({
          call,
          agent: call.agent,
          ...providers,
          vad: options.vad,
          history: options.history,
          setInputPaused: (paused) => {
            this.inputPaused = paused;
          },
          logger: options.logger,
        })
      : null;
    this.transfers = transfers;
    this.run = transfers ? (request, signal) => transfers.run(request, signal) : undefined;
  }

  /** The model is out of the call: it hears nothing and its audio is not played. */
  get modelSidelined(): boolean {
    return this.inputPaused || this.handedOver;
  }

  /** The transfer was accepted: a person has the call. */
  handOver(): void {
    this.handedOver = true;
  }

  async stop(): Promise<void> {
    await this.transfers?.stop();
  }
}
