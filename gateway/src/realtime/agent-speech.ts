// Where the model's current output item sits in the call's outgoing audio, so a barge-in
// knows how much of it the caller heard: the playout clock's sample count, not what arrived.
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { CallAudio } from "../media/call-audio.ts";
import { emptyTimeline, splitWords, type TurnTimeline } from "../pipeline/turn.ts";

const SAMPLES_PER_MS = INTERNAL_SAMPLE_RATE_HZ / 1000;

export class AgentItem {
  /** Samples of this item's audio enqueued for playout. */
  receivedSamples = 0;
  transcript = "";
  transcriptDone = false;
  /** The response that produced it is done: nothing more will arrive. */
  complete = false;

  constructor(
    readonly itemId: string,
    readonly startedAt: number,
    /** The call's outgoing sample count where this item's first sample plays. */
    readonly startSample: number,
    readonly timeline: TurnTimeline,
  ) {}

  /** How much of the item the caller has heard, in ms (by the call's playout count). */
  playedMs(audio: CallAudio): number {
    const played = Math.min(audio.playedSamples, this.startSample + this.receivedSamples) - this.startSample;
    return Math.max(0, played) / SAMPLES_PER_MS;
  }

  get receivedMs(): number {
    return this.receivedSamples / SAMPLES_PER_MS;
  }

  finishedPlaying(audio: CallAudio): boolean {
    return this.complete && audio.playedSamples >= this.startSample + this.receivedSamples;
  }

  /**
   * The words the caller heard when playout stopped after `playedMs`: the model gives no word
   * timings, so the transcript is cut in proportion to the audio played of the audio received.
   */
  heardWords(playedMs: number): { heard: string; remainder: string } {
    const words = splitWords(this.transcript);
    const fraction = this.receivedMs > 0 ? Math.min(1, playedMs / this.receivedMs) : 0;
    const count = Math.floor(words.length * fraction);
    return { heard: words.slice(0, count).join(" "), remainder: words.slice(count).join(" ") };
  }
}

export function newTimeline(speechEndAt: number | null): TurnTimeline {
  return { ...emptyTimeline(), speechEndAt };
}
