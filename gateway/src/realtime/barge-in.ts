// When caller speech over the agent counts as the caller taking the floor, as on the pipeline:
// only speech the agent's own echo cannot explain (`../media/echo/`) counts toward
// `interruptions.min_speech_ms`; shorter speech is a backchannel ("mm-hm") or echo.
import { FRAME_MS } from "../media/audio-format.ts";
import type { EchoGuard } from "../media/echo/echo-guard.ts";

/** Residual speech counts while it goes on: this long with none starts the count again. */
const RESIDUAL_GAP_MS = 200;

export class BargeInGate {
  /** Speech began over the agent and has not counted yet. */
  private candidate = false;
  private residualMs = 0;
  private residualGapMs = 0;

  constructor(
    private readonly echo: EchoGuard,
    private readonly minSpeechMs: number,
  ) {}

  get pending(): boolean {
    return this.candidate;
  }

  /** The caller started speaking; over the agent it is a candidate until it counts. */
  speechStarted(overAgent: boolean): void {
    this.candidate = overAgent;
    this.residualMs = 0;
    this.residualGapMs = 0;
  }

  /** Every caller frame (the echo estimate stays current); true when the candidate now counts. */
  frame(pcm: Int16Array): boolean {
    const residualMs = this.echo.callerFrame(pcm);
    if (!this.candidate) return false;
    // Stray blocks the echo estimate missed, far apart, never add up to speech.
    this.residualGapMs = residualMs > 0 ? 0 : this.residualGapMs + FRAME_MS;
    if (this.residualGapMs >= RESIDUAL_GAP_MS) this.residualMs = 0;
    this.residualMs += residualMs;
    if (this.residualMs < this.minSpeechMs) return false;
    this.candidate = false;
    return true;
  }

  /** The speech stopped: true when a candidate still pending counted after all. */
  speechStopped(): boolean {
    const counted = this.candidate && this.residualMs >= this.minSpeechMs;
    this.candidate = false;
    return counted;
  }

  /** The floor was taken otherwise (keys, the end of the call): nothing is pending. */
  clear(): void {
    this.candidate = false;
  }
}
