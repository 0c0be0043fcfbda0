// Where the caller's speech really ended. The VAD model reports speech as stopped at the start
// of its first quiet 32 ms window, and Silero's probability decays over a window or two after
// the last voiced sound, so that point is 30-60 ms late. The endpointing silence is counted
// from the speech end, so every millisecond of that lateness is added to the turn. This keeps
// the level of recent audio in 5 ms blocks and moves the end back to the last block that still
// carried speech energy: within 30 dB of the utterance's loudest block and 12 dB above the noise
// floor. Blocks shorter than a frame matter: the 8 -> 16 kHz resampler carries the last few
// milliseconds of a call's speech into the next 20 ms frame.

import { FRAME_MS, INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";

const BLOCK_MS = 5;
const BLOCK_SAMPLES = (INTERNAL_SAMPLE_RATE_HZ * BLOCK_MS) / 1000;
/** Blocks remembered (1.28 s): longer than the VAD's stop hangover plus its batching delay. */
const HISTORY_BLOCKS = 256;
const BELOW_PEAK_DB = 30;
const ABOVE_NOISE_DB = 12;
const SILENCE_DBFS = -96;

export class SpeechEndEstimator {
  private readonly endAtMs = new Float64Array(HISTORY_BLOCKS);
  private readonly levelDbfs = new Float64Array(HISTORY_BLOCKS).fill(SILENCE_DBFS);
  private next = 0;
  private count = 0;
  private noiseDbfs = -70;
  private peakDbfs = SILENCE_DBFS;
  private inSpeech = false;

  /** One caller frame (PCM16 at 16 kHz) whose last sample reached the gateway at `endAtMs`. */
  addFrame(pcm: Int16Array, endAtMs: number): void {
    const blocks = Math.floor(pcm.length / BLOCK_SAMPLES);
    for (let block = 0; block < blocks; block++) {
      let sumSquares = 0;
      for (let i = block * BLOCK_SAMPLES; i < (block + 1) * BLOCK_SAMPLES; i++)
        sumSquares += pcm[i]! * pcm[i]!;
      const meanSquare = sumSquares / (BLOCK_SAMPLES * 32768 * 32768);
      const level = meanSquare > 0 ? Math.max(SILENCE_DBFS, 10 * Math.log10(meanSquare)) : SILENCE_DBFS;
      this.addBlock(level, endAtMs - (blocks - 1 - block) * BLOCK_MS);
    }
  }

  private addBlock(level: number, endAtMs: number): void {
    this.endAtMs[this.next] = endAtMs;
    this.levelDbfs[this.next] = level;
    this.next = (this.next + 1) % HISTORY_BLOCKS;
    if (this.count < HISTORY_BLOCKS) this.count++;
    if (this.inSpeech) {
      if (level > this.peakDbfs) this.peakDbfs = level;
    } else {
      // The floor follows quiet blocks quickly and louder ones slowly (seconds).
      const rate = level < this.noiseDbfs ? 0.05 : 0.0025;
      this.noiseDbfs += rate * (level - this.noiseDbfs);
    }
  }

  /** The VAD heard speech start at `startAtMs`: the utterance's peak is measured from here. */
  speechStarted(startAtMs: number): void {
    this.inSpeech = true;
    this.peakDbfs = SILENCE_DBFS;
    for (let back = 1; back <= this.count; back++) {
      const index = (this.next - back + HISTORY_BLOCKS) % HISTORY_BLOCKS;
      if (this.endAtMs[index]! <= startAtMs) break;
      if (this.levelDbfs[index]! > this.peakDbfs) this.peakDbfs = this.levelDbfs[index]!;
    }
  }

  /**
   * The VAD says speech stopped at `vadEndAtMs` (start of its first quiet window). Returns the
   * end of the last block with speech energy at or before that point (one frame of overlap
   * allowed), or `vadEndAtMs` when no block qualifies.
   */
  speechStopped(vadEndAtMs: number, speechStartAtMs: number): number {
    this.inSpeech = false;
    const threshold = Math.max(this.peakDbfs - BELOW_PEAK_DB, this.noiseDbfs + ABOVE_NOISE_DB);
    for (let back = 1; back <= this.count; back++) {
      const index = (this.next - back + HISTORY_BLOCKS) % HISTORY_BLOCKS;
      const endAt = this.endAtMs[index]!;
      if (endAt <= speechStartAtMs) break;
      if (endAt > vadEndAtMs + FRAME_MS) continue;
      if (this.levelDbfs[index]! >= threshold) return Math.min(endAt, vadEndAtMs);
    }
    return vadEndAtMs;
  }
}
