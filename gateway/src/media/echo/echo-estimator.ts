import { INTERNAL_SAMPLE_RATE_HZ } from "../audio-format.ts";

/** Energy is compared in 10 ms blocks: fine enough for syllables, coarse enough to be cheap. */
export const ECHO_BLOCK_MS = 10;
const BLOCK_SAMPLES = (INTERNAL_SAMPLE_RATE_HZ * ECHO_BLOCK_MS) / 1000;
/** Echo paths searched: 0-500 ms (a handset's acoustic echo, a hybrid, VoIP legs behind it). */
const MAX_LAG_BLOCKS = 50;
/**
 * The echo of one block spreads over its neighbours (room reverberation, a lag that falls
 * between blocks, a jitter buffer that moves, an envelope match that is off by a few blocks on
 * very regular speech): the prediction takes the loudest reference block from three blocks
 * after the estimated lag to six before it.
 */
const SPREAD_NEWER_BLOCKS = 3;
const SPREAD_OLDER_BLOCKS = 6;
const HISTORY_BLOCKS = MAX_LAG_BLOCKS + SPREAD_OLDER_BLOCKS + 1;
/** Correlations forget with a time constant of about 2 s of agent audio. */
const CORRELATION_DECAY = 0.995;
/** The envelope's slow mean (about 100 ms) is removed so onsets and offsets carry the match. */
const ENVELOPE_MEAN_RATE = 0.1;
/** A lag is trusted once its normalised correlation is this high... */
const MIN_CORRELATION = 0.5;
/** ...over at least this much agent audio (blocks, weighted by the decay). */
const MIN_REFERENCE_BLOCKS = 30;
/**
 * The echo path's gain is the 20th percentile of mic/reference ratios at the lag, moved this
 * far per block (0.8 dB down, 0.2 dB up): the caller's speech over the agent only ever raises
 * the ratio, so a low quantile holds while they talk most of the time.
 */
const GAIN_STEP_DB = 1;
const GAIN_QUANTILE = 0.2;
/**
 * Before the lag is known (and when there is no echo to find, as behind a browser's echo
 * canceller), the gain is the 90th percentile of the caller's power against the loudest agent
 * block of the last 500 ms, starting from 0 dB (the echo as loud as the agent) and moved this
 * far per block: 0.4 dB down, 3.6 dB up. It rises that fast only over the call's first agent
 * audio (callers listen to the start of a greeting); later, speech that nothing correlates
 * with is the caller's, and the gain creeps up at most 5 dB a second.
 */
const WINDOW_GAIN_STEP_DB = 4;
const WINDOW_GAIN_QUANTILE = 0.9;
const WINDOW_LEARNING_BLOCKS = 60;
const WINDOW_GAIN_CREEP_DB = 0.05;
const PRIOR_GAIN_DB = 0;
/** Caller audio must exceed the predicted echo by this much to be speech of the caller's own. */
const RESIDUAL_MARGIN_DB = 6;
/** Agent audio quieter than this is silence; caller audio quieter than this is never speech. */
const REFERENCE_FLOOR_DBFS = -55;
const RESIDUAL_FLOOR_DBFS = -45;

function dbToPower(db: number): number {
  return 10 ** (db / 10);
}

function meanSquare(pcm: Int16Array, start: number): number {
  let sum = 0;
  for (let i = start; i < start + BLOCK_SAMPLES; i++) {
    const sample = pcm[i]! / 32768;
    sum += sample * sample;
  }
  return sum / BLOCK_SAMPLES;
}

/**
 * How much of the caller's audio the agent's own audio cannot explain. The echo path is
 * estimated from energy envelopes in 10 ms blocks: its delay by normalised cross-correlation of
 * the caller's and the reference's envelopes over 0-500 ms of lag, its gain (the echo return
 * loss) by a low running quantile of the caller/reference energy ratio at that lag. A block of
 * caller audio is residual speech when its energy exceeds the echo predicted from the reference
 * by a margin. Caller speech over the agent raises the ratio only some of the time (the gaps
 * between syllables keep it at the echo's), so the quantile holds during double talk.
 */
export class EchoEstimator {
  /** Reference (agent) energy per block, newest at `head - 1`. */
  private readonly referencePower = new Float64Array(HISTORY_BLOCKS);
  /** Mean-removed reference envelope per block, same ring. */
  private readonly referenceShape = new Float64Array(HISTORY_BLOCKS);
  private head = 0;
  private referenceMean = 0;
  private micMean = 0;
  private readonly crossSum = new Float64Array(MAX_LAG_BLOCKS + 1);
  private readonly referenceSum = new Float64Array(MAX_LAG_BLOCKS + 1);
  private micSum = 0;
  private referenceBlocks = 0;
  private lagBlocks = -1;
  private gainDb = PRIOR_GAIN_DB;
  private windowGainDb = PRIOR_GAIN_DB;
  private readonly referenceFloor = dbToPower(REFERENCE_FLOOR_DBFS);
  private readonly residualFloor = dbToPower(RESIDUAL_FLOOR_DBFS);
  private readonly margin = dbToPower(RESIDUAL_MARGIN_DB);

  /** The estimated echo delay in ms, or null while no lag is trusted. */
  get delayMs(): number | null {
    return this.lagBlocks < 0 ? null : this.lagBlocks * ECHO_BLOCK_MS;
  }

  /** The estimated echo path gain in dB (negative: the echo return loss). */
  get echoGainDb(): number {
    return this.lagBlocks < 0 ? this.windowGainDb : this.gainDb;
  }

  /**
   * One stretch of caller audio and the agent audio sent over the same time (equal lengths, a
   * multiple of 10 ms). Returns how many ms of it are caller speech the echo cannot explain.
   */
  analyse(mic: Int16Array, reference: Int16Array): number {
    let residualMs = 0;
    for (let start = 0; start + BLOCK_SAMPLES <= mic.length; start += BLOCK_SAMPLES) {
      if (this.block(meanSquare(mic, start), meanSquare(reference, start))) residualMs += ECHO_BLOCK_MS;
    }
    return residualMs;
  }

  private at(lag: number): number {
    return (this.head - 1 - lag + 2 * HISTORY_BLOCKS) % HISTORY_BLOCKS;
  }

  private block(micPower: number, referencePower: number): boolean {
    const referenceAmplitude = Math.sqrt(referencePower);
    this.referenceMean += ENVELOPE_MEAN_RATE * (referenceAmplitude - this.referenceMean);
    this.referencePower[this.head] = referencePower;
    this.referenceShape[this.head] = referenceAmplitude - this.referenceMean;
    this.head = (this.head + 1) % HISTORY_BLOCKS;

    const micAmplitude = Math.sqrt(micPower);
    this.micMean += ENVELOPE_MEAN_RATE * (micAmplitude - this.micMean);
    const micShape = micAmplitude - this.micMean;

    let loudestInWindow = 0;
    for (let lag = 0; lag < HISTORY_BLOCKS; lag++) {
      loudestInWindow = Math.max(loudestInWindow, this.referencePower[this.at(lag)]!);
    }
    // While the agent is silent the estimate is kept for its next words, not forgotten.
    if (loudestInWindow >= this.referenceFloor) {
      this.track(micShape, micPower);
      const ratioDb = 10 * Math.log10((micPower + 1e-12) / loudestInWindow);
      const learning = this.referenceBlocks < WINDOW_LEARNING_BLOCKS;
      this.windowGainDb +=
        ratioDb > this.windowGainDb
          ? learning
            ? WINDOW_GAIN_STEP_DB * WINDOW_GAIN_QUANTILE
            : WINDOW_GAIN_CREEP_DB
          : -WINDOW_GAIN_STEP_DB * (1 - WINDOW_GAIN_QUANTILE);
      this.windowGainDb = Math.min(6, Math.max(-60, this.windowGainDb));
    }

    const predicted =
      this.lagBlocks < 0
        ? loudestInWindow * dbToPower(this.windowGainDb)
        : this.loudestAroundLag() * dbToPower(this.gainDb);
    return micPower >= this.residualFloor && micPower > this.margin * predicted;
  }

  private loudestAroundLag(): number {
    let loudest = 0;
    const newest = Math.max(0, this.lagBlocks - SPREAD_NEWER_BLOCKS);
    for (let lag = newest; lag <= this.lagBlocks + SPREAD_OLDER_BLOCKS; lag++) {
      loudest = Math.max(loudest, this.referencePower[this.at(lag)]!);
    }
    return loudest;
  }

  private track(micShape: number, micPower: number): void {
    this.micSum = CORRELATION_DECAY * this.micSum + micShape * micShape;
    let bestLag = -1;
    let bestCorrelation = MIN_CORRELATION;
    for (let lag = 0; lag <= MAX_LAG_BLOCKS; lag++) {
      const referenceShape = this.referenceShape[this.at(lag)]!;
      this.crossSum[lag] = CORRELATION_DECAY * this.crossSum[lag]! + micShape * referenceShape;
      this.referenceSum[lag] = CORRELATION_DECAY * this.referenceSum[lag]! + referenceShape * referenceShape;
      const denominator = Math.sqrt(this.referenceSum[lag]! * this.micSum);
      const correlation = denominator > 0 ? this.crossSum[lag]! / denominator : 0;
      if (correlation > bestCorrelation) {
        bestCorrelation = correlation;
        bestLag = lag;
      }
    }
    this.referenceBlocks = CORRELATION_DECAY * this.referenceBlocks + 1;
    if (this.referenceBlocks >= MIN_REFERENCE_BLOCKS && bestLag >= 0) {
      // The first trusted lag starts from what the window's gain has learnt so far.
      if (this.lagBlocks < 0) this.gainDb = this.windowGainDb;
      this.lagBlocks = bestLag;
    }
    if (this.lagBlocks < 0) return;
    // The gain: a low running quantile of the caller/reference power ratio at the lag, in dB,
    // over blocks where the caller's side carries sound. Quiet blocks say nothing of an echo
    // that could count as speech (below the residual floor it never does), and at a lag that is
    // a little off they would drag the gain down; sound at such a lag only pushes it up.
    if (micPower < this.residualFloor) return;
    const referenceAtLag = this.referencePower[this.at(this.lagBlocks)]!;
    if (referenceAtLag < this.referenceFloor) return;
    const ratioDb = 10 * Math.log10((micPower + 1e-12) / referenceAtLag);
    this.gainDb += ratioDb > this.gainDb ? GAIN_STEP_DB * GAIN_QUANTILE : -GAIN_STEP_DB * (1 - GAIN_QUANTILE);
    this.gainDb = Math.min(6, Math.max(-60, this.gainDb));
  }
}
