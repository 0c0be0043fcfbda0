// How the callee talks from the answer: voiced frames by energy over a noise floor, grouped into
// utterances that pauses shorter than `pauseMs` do not split.
import { rmsOf } from "./goertzel.ts";

/** RMS of 16-bit samples a frame needs over the floor to be voiced, and at least. */
const VOICED_OVER_FLOOR = 3;
const MIN_VOICED_RMS = 300;

export interface CadenceSnapshot {
  /** Voiced time since the answer. */
  speechMs: number;
  /** The utterance going on (or the last one): from its first to its last voiced frame. */
  utteranceMs: number;
  utterances: number;
  /** Silence since the last voiced frame; null before any speech. */
  silenceMs: number | null;
  /** The current utterance has not been closed by a pause. */
  speaking: boolean;
}

export class SpeechCadence {
  private noiseFloorRms = 0;
  private speechMs = 0;
  private utteranceStartMs: number | null = null;
  private lastVoicedMs: number | null = null;
  private utterances = 0;
  private nowMs = 0;

  constructor(private readonly pauseMs = 300) {}

  /** One frame of `frameMs` ending at `atMs`; true when it was voiced. */
  push(frame: Int16Array, atMs: number, frameMs: number): boolean {
    this.nowMs = atMs;
    const rms = rmsOf(frame);
    const voiced = rms >= Math.max(MIN_VOICED_RMS, this.noiseFloorRms * VOICED_OVER_FLOOR);
    if (!voiced) {
      // The floor learns from quiet frames only: soft consonants inside speech must not raise it.
      if (rms < MIN_VOICED_RMS)
        this.noiseFloorRms = this.noiseFloorRms === 0 ? rms : this.noiseFloorRms * 0.95 + rms * 0.05;
      return false;
    }
    this.speechMs += frameMs;
    if (this.lastVoicedMs === null || atMs - frameMs - this.lastVoicedMs >= this.pauseMs) {
      this.utteranceStartMs = atMs - frameMs;
      this.utterances += 1;
    }
    this.lastVoicedMs = atMs;
    return true;
  }

  snapshot(): CadenceSnapshot {
    const silenceMs = this.lastVoicedMs === null ? null : this.nowMs - this.lastVoicedMs;
    return {
      speechMs: this.speechMs,
      utteranceMs:
        this.utteranceStartMs === null || this.lastVoicedMs === null
          ? 0
          : this.lastVoicedMs - this.utteranceStartMs,
      utterances: this.utterances,
      silenceMs,
      speaking: silenceMs !== null && silenceMs < this.pauseMs,
    };
  }
}
