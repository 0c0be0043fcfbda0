// After a machine verdict with `leave_message`: when to start speaking. The recording starts at
// the beep; a greeting without one is over after a long silence; and nothing waits forever.
import { BeepDetector } from "./beep-detector.ts";
import { SpeechCadence } from "./speech-cadence.ts";

/** Silence after the greeting that means the machine records without a beep. */
export const NO_BEEP_SILENCE_MS = 3000;
export const DEFAULT_BEEP_TIMEOUT_MS = 20_000;

export type MessageCue = { reason: "beep" | "silence" | "timeout"; atMs: number };

export class MessageCueWaiter {
  private readonly beeps: BeepDetector;
  private readonly cadence = new SpeechCadence();
  private cue: MessageCue | null = null;

  constructor(
    private readonly options: {
      sampleRateHz: number;
      frameMs: number;
      /** The machine verdict, from the answer: the beep timeout runs from here. */
      sinceMs: number;
      beepTimeoutMs?: number;
    },
  ) {
    this.beeps = new BeepDetector({ sampleRateHz: options.sampleRateHz });
  }

  /** One frame ending `atMs` after the answer (frames before the verdict may be passed too). */
  push(frame: Int16Array, atMs: number): MessageCue | null {
    if (this.cue) return this.cue;
    const beep = this.beeps.push(frame, atMs, this.options.frameMs);
    if (beep) return this.settle("beep", atMs);
    this.cadence.push(frame, atMs, this.options.frameMs);
    const silenceMs = this.cadence.snapshot().silenceMs;
    if (silenceMs !== null && silenceMs >= NO_BEEP_SILENCE_MS) return this.settle("silence", atMs);
    if (atMs - this.options.sinceMs >= (this.options.beepTimeoutMs ?? DEFAULT_BEEP_TIMEOUT_MS))
      return this.settle("timeout", atMs);
    return null;
  }

  private settle(reason: MessageCue["reason"], atMs: number): MessageCue {
    this.cue = { reason, atMs };
    return this.cue;
  }
}
