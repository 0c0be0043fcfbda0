import { SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import { PcmBuffer } from "../../media/pcm-buffer.ts";
import type { ProviderError, SttOptions, SttProvider, SttSession } from "../../providers/types.ts";
import type { PipelineClock } from "../clock.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { FrameHistory } from "./frame-history.ts";

/** Caller audio kept from before the VAD noticed speech (its decision lags the first syllable). */
const PREROLL_FRAMES = 15;
/** The current utterance is kept for a replacement session; longer ones keep only their start. */
const MAX_UTTERANCE_FRAMES = 1500;
/** Replacement sessions per call after retryable session failures. */
const MAX_REOPENS = 5;

/**
 * Streams the caller's speech to the STT session: from just before the VAD's speech start
 * until endpointing asks for the final transcript. When the session fails mid-call, a new one
 * gets the current utterance again (and its flush, if one was pending).
 */
export class SttProcessor extends Processor {
  readonly name = "stt";
  private session: SttSession | null = null;
  private opening = false;
  private readonly preroll = new FrameHistory(PREROLL_FRAMES);
  /** Audio of the utterance in progress (since speech start, until its flush is answered). */
  private readonly utterance = new PcmBuffer(MAX_UTTERANCE_FRAMES * SAMPLES_PER_FRAME);
  private streaming = false;
  private flushPending = false;
  private reopens = 0;
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
        if (this.streaming) this.send(frame.pcm);
        else this.preroll.add(frame.pcm);
        break;
      case "user_speech_started":
        if (!this.session) this.reopen();
        if (!this.streaming) {
          this.streaming = true;
          if (!this.flushPending) this.utterance.clear();
          this.preroll.drain((pcm) => this.send(pcm));
        }
        break;
      case "transcript":
        if (frame.isFinal && frame.endOfSpeech && this.flushPending) {
          this.flushPending = false;
          if (!this.streaming) this.utterance.clear();
        }
        break;
      case "stt_flush":
        this.streaming = false;
        this.flushPending = true;
        this.session?.flush();
        return;
      case "end":
        this.ended = true;
        void this.session?.close().catch(() => {});
        break;
    }
    this.push(frame, direction);
  }

  private send(pcm: Int16Array): void {
    this.utterance.append(pcm);
    this.session?.sendAudio(pcm);
  }

  private async open(): Promise<void> {
    if (this.opening || this.ended) return;
    this.opening = true;
    let opened: SttSession | null = null;
    try {
      const session = await this.provider.open(
        this.options,
        (event) => this.receive({ type: "transcript", ...event, atMs: this.clock.now() }, "downstream"),
        (error) => this.onSessionError(opened, error),
      );
      opened = session;
      if (this.ended) {
        await session.close();
        return;
      }
      this.session = session;
      // What the caller said while there was no session: the utterance so far, and its flush.
      const utterance = this.utterance.view();
      for (let offset = 0; offset < utterance.length; offset += SAMPLES_PER_FRAME) {
        session.sendAudio(utterance.subarray(offset, offset + SAMPLES_PER_FRAME));
      }
      if (this.flushPending) session.flush();
    } catch (error) {
      this.logger?.error({ err: error, provider: this.provider.name }, "STT session failed to open");
    } finally {
      this.opening = false;
    }
  }

  private onSessionError(failed: SttSession | null, error: ProviderError): void {
    this.logger?.warn({ err: error, provider: this.provider.name }, "STT session error");
    // An error while opening fails the open itself; one from an old session is stale.
    if (!failed || this.session !== failed) return;
    this.session = null;
    void failed.close().catch(() => {});
    if (error.retryable) this.reopen();
  }

  private reopen(): void {
    if (this.ended || this.opening || this.reopens >= MAX_REOPENS) return;
    this.reopens++;
    void this.open();
  }
}
