import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import { VAD_WINDOW_MS, VAD_WINDOW_SAMPLES, type VadStream } from "../../vad/engine.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { SpeechEndEstimator } from "./speech-end.ts";

interface VadOptions {
  /** Probability at which speech starts. */
  startThreshold: number;
  /** Probability under which a window counts as silence (hysteresis below startThreshold). */
  stopThreshold: number;
  /** Silence needed before speech counts as stopped, so word gaps do not split speech. */
  stopHangoverMs: number;
}

export const DEFAULT_VAD_OPTIONS: VadOptions = {
  startThreshold: 0.5,
  stopThreshold: 0.35,
  stopHangoverMs: 96,
};

/** Cuts caller audio into 32 ms windows for the VAD and turns probabilities into speech events. */
export class VadProcessor extends Processor {
  readonly name = "vad";
  private readonly window = new Float32Array(VAD_WINDOW_SAMPLES);
  private filled = 0;
  private speaking = false;
  private speechStartAt = 0;
  private quietSince: number | null = null;
  private readonly speechEnd = new SpeechEndEstimator();

  constructor(
    private readonly stream: VadStream,
    private readonly options: VadOptions = DEFAULT_VAD_OPTIONS,
  ) {
    super();
  }

  protected override process(frame: Frame, direction: Direction): void {
    if (frame.type === "audio_in") {
      this.collect(frame.pcm, frame.atMs);
    } else if (frame.type === "end") {
      this.stream.close();
    }
    this.push(frame, direction);
  }

  private collect(pcm: Int16Array, atMs: number): void {
    this.speechEnd.addFrame(pcm, atMs);
    for (let i = 0; i < pcm.length; i++) {
      this.window[this.filled++] = pcm[i]! / 32768;
      if (this.filled === VAD_WINDOW_SAMPLES) {
        this.filled = 0;
        const windowEndAt = atMs - ((pcm.length - 1 - i) * 1000) / INTERNAL_SAMPLE_RATE_HZ;
        this.stream.push(this.window, (probability) => this.onProbability(probability, windowEndAt));
      }
    }
  }

  private onProbability(probability: number, windowEndAt: number): void {
    // Endpointing weighs the trend through a pause.
    this.push({ type: "vad_probability", probability, atMs: windowEndAt });
    const windowStartAt = windowEndAt - VAD_WINDOW_MS;
    if (!this.speaking) {
      if (probability >= this.options.startThreshold) {
        this.speaking = true;
        this.speechStartAt = windowStartAt;
        this.quietSince = null;
        this.speechEnd.speechStarted(windowStartAt);
        this.push({ type: "user_speech_started", atMs: windowStartAt });
      }
      return;
    }
    if (probability >= this.options.stopThreshold) {
      this.quietSince = null;
      return;
    }
    this.quietSince ??= windowStartAt;
    if (windowEndAt - this.quietSince >= this.options.stopHangoverMs) {
      this.speaking = false;
      const speechEndAt = this.speechEnd.speechStopped(this.quietSince, this.speechStartAt);
      this.quietSince = null;
      this.push({
        type: "user_speech_stopped",
        atMs: speechEndAt,
        speechMs: speechEndAt - this.speechStartAt,
      });
    }
  }
}
