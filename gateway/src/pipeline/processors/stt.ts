import type { SttOptions, SttProvider, SttSession } from "../../providers/types.ts";
import type { PipelineClock } from "../clock.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";

/** Caller audio kept from before the VAD noticed speech (its decision lags the first syllable). */
const PREROLL_FRAMES = 15;

/**
 * Streams the caller's speech to the STT session: from just before the VAD's speech start
 * until endpointing asks for the final transcript.
 */
export class SttProcessor extends Processor {
  readonly name = "stt";
  private session: SttSession | null = null;
  private readonly beforeOpen: Int16Array[] = [];
  private readonly preroll: Int16Array[] = [];
  private streaming = false;
  private flushPending = false;
  private ended = false;

  constructor(
    private readonly provider: SttProvider,
    private readonly options: SttOptions,
    private readonly clock: PipelineClock,
  ) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    switch (frame.type) {
      case "start":
        void this.open();
        break;
      case "audio_in":
        if (this.streaming) this.send(frame.pcm.slice());
        else {
          this.preroll.push(frame.pcm.slice());
          if (this.preroll.length > PREROLL_FRAMES) this.preroll.shift();
        }
        break;
      case "user_speech_started":
        if (!this.streaming) {
          this.streaming = true;
          for (const pcm of this.preroll) this.send(pcm);
          this.preroll.length = 0;
        }
        break;
      case "stt_flush":
        this.streaming = false;
        if (this.session) this.session.flush();
        else this.flushPending = true;
        return;
      case "end":
        this.ended = true;
        void this.session?.close();
        break;
    }
    this.push(frame, direction);
  }

  private send(pcm: Int16Array): void {
    if (this.session) this.session.sendAudio(pcm);
    else this.beforeOpen.push(pcm);
  }

  private async open(): Promise<void> {
    try {
      const session = await this.provider.open(
        this.options,
        (event) => this.push({ type: "transcript", ...event, atMs: this.clock.now() }),
        (error) => this.logger?.warn({ err: error, provider: this.provider.name }, "STT session error"),
      );
      if (this.ended) {
        await session.close();
        return;
      }
      this.session = session;
      for (const pcm of this.beforeOpen) session.sendAudio(pcm);
      this.beforeOpen.length = 0;
      if (this.flushPending) session.flush();
    } catch (error) {
      this.logger?.error({ err: error, provider: this.provider.name }, "STT session failed to open");
    }
  }
}
