// A voicemail beep: one steady tone between 400 Hz and 2 kHz that holds most of the frame's
// energy for a few hundred milliseconds. Speech never keeps one frequency that pure for that
// long; the detector reports the beep when the tone stops (the recording starts then).
import { energyOf, goertzelPower } from "./goertzel.ts";

export interface BeepDetectorOptions {
  sampleRateHz: number;
  /** The shortest tone taken for a beep. */
  minToneMs?: number;
  /** A tone this long is reported without waiting for its end. */
  maxToneMs?: number;
}

export interface Beep {
  frequencyHz: number;
  startMs: number;
  endMs: number;
}

const LOW_HZ = 400;
const HIGH_HZ = 2000;
const STEP_HZ = 25;
/** The share of a frame's energy in one frequency for the frame to count as tone. */
const PURITY = 0.7;
/** Quieter frames (RMS of 16-bit samples) are never tone. */
const MIN_RMS = 200;
/** A beep's frequency may wander this much between frames. */
const DRIFT_HZ = 40;
/** Frames without the tone (a packet lost or concealed on the way) that do not end it. */
const MAX_GAP_FRAMES = 2;

const CANDIDATES_HZ = Array.from(
  { length: (HIGH_HZ - LOW_HZ) / STEP_HZ + 1 },
  (_, i) => LOW_HZ + i * STEP_HZ,
);

export class BeepDetector {
  private readonly minToneMs: number;
  private readonly maxToneMs: number;
  private tone: { frequencyHz: number; startMs: number; lastMs: number; gapFrames: number } | null = null;

  constructor(private readonly options: BeepDetectorOptions) {
    this.minToneMs = options.minToneMs ?? 240;
    this.maxToneMs = options.maxToneMs ?? 1500;
  }

  /** The tone in this frame, if one holds most of its energy; null otherwise. */
  toneOf(frame: Int16Array): number | null {
    const energy = energyOf(frame);
    if (energy < MIN_RMS * MIN_RMS * frame.length) return null;
    // A pure tone of amplitude A: |X|² = (A·N/2)² and Σx² = A²·N/2, so |X|²/(Σx²·N/2) = 1.
    const scale = (energy * frame.length) / 2;
    let best = 0;
    let bestHz = 0;
    for (const frequencyHz of CANDIDATES_HZ) {
      const purity = goertzelPower(frame, frequencyHz, this.options.sampleRateHz) / scale;
      if (purity > best) {
        best = purity;
        bestHz = frequencyHz;
      }
    }
    return best >= PURITY ? bestHz : null;
  }

  /** One frame that ends at `atMs`; a beep once its tone has ended (or has gone on maxToneMs). */
  push(frame: Int16Array, atMs: number, frameMs: number): Beep | null {
    const frequencyHz = this.toneOf(frame);
    const tone = this.tone;
    if (frequencyHz !== null && tone && Math.abs(frequencyHz - tone.frequencyHz) <= DRIFT_HZ) {
      tone.lastMs = atMs;
      tone.gapFrames = 0;
      if (atMs - tone.startMs >= this.maxToneMs) return this.finish();
      return null;
    }
    // A lost or concealed packet inside a beep is not its end.
    if (tone && frequencyHz === null && tone.gapFrames < MAX_GAP_FRAMES) {
      tone.gapFrames += 1;
      return null;
    }
    const ended = tone && tone.lastMs - tone.startMs >= this.minToneMs ? this.finish() : null;
    this.tone =
      frequencyHz === null ? null : { frequencyHz, startMs: atMs - frameMs, lastMs: atMs, gapFrames: 0 };
    return ended;
  }

  private finish(): Beep {
    const tone = this.tone!;
    this.tone = null;
    return { frequencyHz: tone.frequencyHz, startMs: tone.startMs, endMs: tone.lastMs };
  }
}
