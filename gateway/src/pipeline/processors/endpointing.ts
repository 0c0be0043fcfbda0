import type { PipelineClock, TimerHandle } from "../clock.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { emptyTimeline } from "../turn.ts";

interface EndpointingOptions {
  /** Silence after the VAD's speech end that ends the caller's turn. */
  silenceMs: number;
  /** How long to wait for the STT's final transcript after a flush. */
  sttFinalTimeoutMs: number;
  /** Digits pressed within this window reach the model together ('#' sends at once). */
  dtmfGroupMs: number;
}

/**
 * Decides when the caller's turn is over: `silenceMs` after the VAD's speech end (then asks
 * the STT for its final transcript), or earlier when the STT reports the end of speech.
 */
export class EndpointingProcessor extends Processor {
  readonly name = "endpointing";
  override readonly handlesAudio = false;
  private inSpeech = false;
  private turnOpen = false;
  private turnStartedAt = 0;
  private speechEndAt: number | null = null;
  private endpointAt: number | null = null;
  private awaitingFinal = false;
  private finals: string[] = [];
  private silenceTimer: TimerHandle | null = null;
  private finalTimer: TimerHandle | null = null;
  private digits = "";
  private digitTimer: TimerHandle | null = null;

  constructor(
    private readonly clock: PipelineClock,
    private readonly options: EndpointingOptions,
  ) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    switch (frame.type) {
      case "user_speech_started":
        this.inSpeech = true;
        this.silenceTimer?.cancel();
        if (!this.turnOpen) {
          this.turnOpen = true;
          this.turnStartedAt = frame.atMs;
        }
        break;
      case "user_speech_stopped":
        this.inSpeech = false;
        this.speechEndAt = frame.atMs;
        if (this.turnOpen && !this.awaitingFinal) {
          const waitMs = this.options.silenceMs - (this.clock.now() - frame.atMs);
          this.silenceTimer = this.clock.setTimer(waitMs, () => this.endpoint());
        }
        break;
      case "transcript":
        this.onTranscript(frame.text, frame.isFinal, frame.endOfSpeech);
        return;
      case "dtmf":
        this.onDigit(frame.digit);
        return;
      case "end":
        this.silenceTimer?.cancel();
        this.finalTimer?.cancel();
        this.digitTimer?.cancel();
        break;
    }
    this.push(frame, direction);
  }

  private onTranscript(text: string, isFinal: boolean, endOfSpeech: boolean): void {
    if (!isFinal) return;
    const words = text.trim();
    if (words) this.finals.push(words);
    if (!endOfSpeech) return;
    if (this.awaitingFinal) {
      this.complete(this.clock.now());
    } else if (words && !this.inSpeech) {
      // The STT heard the end of the utterance before our silence window ran out.
      if (!this.turnOpen) this.turnStartedAt = this.clock.now();
      this.endpointAt = this.clock.now();
      this.push({ type: "stt_flush" }, "upstream");
      this.complete(this.endpointAt);
    }
  }

  private endpoint(): void {
    this.silenceTimer = null;
    this.endpointAt = this.clock.now();
    this.awaitingFinal = true;
    this.push({ type: "stt_flush" }, "upstream");
    this.finalTimer = this.clock.setTimer(this.options.sttFinalTimeoutMs, () => {
      this.logger?.warn({ timeoutMs: this.options.sttFinalTimeoutMs }, "no final transcript after flush");
      this.complete(null);
    });
  }

  private complete(sttFinalAt: number | null): void {
    this.silenceTimer?.cancel();
    this.finalTimer?.cancel();
    const timeline = emptyTimeline();
    timeline.speechEndAt = this.speechEndAt;
    timeline.endpointAt = this.endpointAt;
    timeline.sttFinalAt = sttFinalAt;
    const text = this.finals.join(" ");
    const startedAt = this.turnStartedAt;
    this.turnOpen = false;
    this.awaitingFinal = false;
    this.finals = [];
    this.speechEndAt = null;
    this.endpointAt = null;
    this.push({ type: "user_turn", text, timeline, startedAt, source: "speech" });
  }

  private onDigit(digit: string): void {
    this.digits += digit;
    this.digitTimer?.cancel();
    if (digit === "#") this.sendDigits();
    else this.digitTimer = this.clock.setTimer(this.options.dtmfGroupMs, () => this.sendDigits());
  }

  private sendDigits(): void {
    this.digitTimer = null;
    const now = this.clock.now();
    const timeline = emptyTimeline();
    timeline.endpointAt = now;
    this.push({
      type: "user_turn",
      text: `[caller pressed ${this.digits}]`,
      timeline,
      startedAt: now,
      source: "dtmf",
    });
    this.digits = "";
  }
}
