import type { TtsOptions, TtsProvider } from "../../providers/types.ts";
import type { PipelineClock } from "../clock.ts";
import type { DataFrame } from "../frames.ts";
import { QueuedProcessor } from "../processor.ts";

/** Synthesizes sentences in order; audio goes on as its first bytes arrive. */
export class TtsProcessor extends QueuedProcessor {
  readonly name = "tts";
  override readonly handlesAudio = false;

  constructor(
    private readonly provider: TtsProvider,
    private readonly options: TtsOptions,
    private readonly clock: PipelineClock,
  ) {
    super();
  }

  protected async handle(frame: DataFrame, signal: AbortSignal): Promise<void> {
    if (frame.type !== "speak") {
      this.emit(frame, signal);
      return;
    }
    const { turn, text } = frame;
    turn.timeline.ttsRequestAt ??= this.clock.now();
    let sentenceStart = true;
    try {
      for await (const pcm of this.provider.synthesize(text, this.options, signal)) {
        if (signal.aborted) return;
        if (pcm.length === 0) continue;
        turn.timeline.ttsFirstByteAt ??= this.clock.now();
        this.emit({ type: "tts_audio", pcm, turn, sentenceStart, text }, signal);
        sentenceStart = false;
      }
    } catch (error) {
      if (signal.aborted) return;
      this.logger?.error({ err: error, provider: this.provider.name }, "TTS failed for a sentence");
    }
    if (!sentenceStart) this.emit({ type: "tts_sentence_end", turn }, signal);
  }
}
