// What a caller measures, whatever carries its audio (SIP/RTP or WebRTC): the conversation
// script (wait for the greeting, speak, wait for each reply) and the figures taken on the way.
import { PCMU_SAMPLES_PER_FRAME, pcmuRms, type Utterance } from "./caller-speech.ts";
import { Histogram } from "./stats.ts";

/** Audio missing for longer than this is a gap the caller hears. */
const GAP_THRESHOLD_MS = 40;

export interface CallPlan {
  number: string;
  utterances: Utterance[];
  turns: number;
  /** RMS (decoded 16-bit samples) at or above which a received frame counts as voiced. */
  voicedRms: number;
  /** The agent has finished speaking after this long without a voiced frame. */
  quietMs: number;
  /** A reply that has not started this long after the caller stopped is counted missing. */
  replyTimeoutMs: number;
}

export interface CallResult {
  status: number;
  connected: boolean;
  failure: string | null;
  setupMs: number | null;
  /** Answer -> first voiced packet of the greeting. */
  greetingMs: number | null;
  /** Wall-clock time (Date.now()) the caller sent its BYE; null when it did not hang up. */
  byeSentAtEpochMs: number | null;
  turnLatenciesMs: number[];
  missingReplies: number;
  packetsReceived: number;
  gapsOverThreshold: number;
  maxGapMs: number;
  /** |inter-arrival - 20 ms| of every received packet. */
  arrivalDeviation: Histogram;
  /** RFC 3550 §6.4.1 interarrival jitter at the end of the call, in ms. */
  jitterMs: number;
}

function emptyResult(): CallResult {
  return {
    status: 0,
    connected: false,
    failure: null,
    setupMs: null,
    greetingMs: null,
    byeSentAtEpochMs: null,
    turnLatenciesMs: [],
    missingReplies: 0,
    packetsReceived: 0,
    gapsOverThreshold: 0,
    maxGapMs: 0,
    arrivalDeviation: new Histogram(0.1, 10_000),
    jitterMs: 0,
  };
}

type Phase = "greeting" | "speaking" | "awaiting" | "listening" | "done";

export class CallMeter {
  readonly result = emptyResult();
  readonly finished: Promise<void>;
  private finish: () => void = () => {};
  private readonly scratch = new Int16Array(PCMU_SAMPLES_PER_FRAME);
  private phase: Phase = "greeting";
  private answeredAtMs = 0;
  private lastArrivalMs = -1;
  /** A gap over the threshold that ended on a silent packet, not yet known to be heard. */
  private pendingGapMs = 0;
  private lastTimestamp = 0;
  private jitter = 0;
  private lastVoicedReceivedMs = -1;
  private lastVoicedSentMs = 0;
  private turnsSpoken = 0;
  private utterance: Utterance;
  private frameIndex = 0;

  constructor(private readonly plan: CallPlan) {
    this.utterance = plan.utterances[0]!;
    this.finished = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  get done(): boolean {
    return this.phase === "done";
  }

  answered(setupMs: number, nowMs: number): void {
    this.result.connected = true;
    this.result.setupMs = setupMs;
    this.answeredAtMs = nowMs;
  }

  /**
   * One received PCMU packet: 160 bytes of `payload` from `offset`, with its RTP timestamp and
   * marker bit (RFC 3551 section 4.1: set on the first packet of a talkspurt).
   */
  receive(payload: Uint8Array, offset: number, timestamp: number, marker: boolean, nowMs: number): void {
    if (this.phase === "done" || payload.length - offset < PCMU_SAMPLES_PER_FRAME) return;
    const result = this.result;
    result.packetsReceived++;
    const levelRms = pcmuRms(payload, offset, PCMU_SAMPLES_PER_FRAME, this.scratch);
    // A gap is heard when it falls inside a talkspurt. One that ends on a silent packet waits:
    // sound later in the same talkspurt makes it heard; the next talkspurt's marker shows it
    // fell in the silence between two (where the gateway skips a step after sending a
    // talkspurt's first packet early).
    if (marker) this.pendingGapMs = 0;
    else if (levelRms > 0 && this.pendingGapMs > 0) {
      this.countGap(this.pendingGapMs);
      this.pendingGapMs = 0;
    }
    if (this.lastArrivalMs >= 0) {
      const interArrivalMs = nowMs - this.lastArrivalMs;
      result.arrivalDeviation.add(Math.abs(interArrivalMs - 20));
      if (interArrivalMs > GAP_THRESHOLD_MS) {
        // Before a marker the gap lies between two talkspurts: silence, not a missing piece.
        if (marker) this.pendingGapMs = 0;
        else if (levelRms > 0) this.countGap(interArrivalMs);
        else this.pendingGapMs = Math.max(this.pendingGapMs, interArrivalMs);
      } else if (interArrivalMs > result.maxGapMs) {
        result.maxGapMs = interArrivalMs;
      }
      const transitDeltaMs = interArrivalMs - ((timestamp - this.lastTimestamp) | 0) / 8;
      this.jitter += (Math.abs(transitDeltaMs) - this.jitter) / 16;
    }
    this.lastArrivalMs = nowMs;
    this.lastTimestamp = timestamp;
    if (levelRms < this.plan.voicedRms) return;
    if (result.greetingMs === null) result.greetingMs = nowMs - this.answeredAtMs;
    if (this.phase === "awaiting") {
      result.turnLatenciesMs.push(nowMs - this.lastVoicedSentMs);
      this.phase = "listening";
    }
    this.lastVoicedReceivedMs = nowMs;
  }

  private countGap(gapMs: number): void {
    this.result.gapsOverThreshold++;
    if (gapMs > this.result.maxGapMs) this.result.maxGapMs = gapMs;
  }

  /**
   * The caller's payload for this 20 ms step: a speech frame, or null for silence. Ends the
   * call (resolves `finished`) once the last reply has been heard out.
   */
  nextPayload(nowMs: number): Uint8Array | null {
    const plan = this.plan;
    if (this.phase === "speaking") {
      const payload = this.utterance.frames[this.frameIndex]!;
      if (this.frameIndex === this.utterance.lastVoicedFrame) this.lastVoicedSentMs = nowMs;
      this.frameIndex++;
      if (this.frameIndex >= this.utterance.frames.length) {
        this.phase = "awaiting";
        this.turnsSpoken++;
      }
      return payload;
    }
    if (this.phase === "awaiting" && nowMs - this.lastVoicedSentMs > plan.replyTimeoutMs) {
      this.result.missingReplies++;
      this.lastVoicedReceivedMs = nowMs;
      this.phase = "listening";
    } else if (
      (this.phase === "greeting" || this.phase === "listening") &&
      this.lastVoicedReceivedMs >= 0 &&
      nowMs - this.lastVoicedReceivedMs >= plan.quietMs
    ) {
      if (this.turnsSpoken >= plan.turns) {
        this.end(null);
        return null;
      }
      this.utterance = plan.utterances[this.turnsSpoken % plan.utterances.length]!;
      this.frameIndex = 0;
      this.phase = "speaking";
    } else if (this.phase === "greeting" && nowMs - this.answeredAtMs > plan.replyTimeoutMs) {
      // No greeting heard: speak anyway so the turns are still measured.
      this.lastVoicedReceivedMs = nowMs - plan.quietMs;
    }
    return null;
  }

  /** Ends the conversation; a failure is kept unless one was already recorded. */
  end(failure: string | null): void {
    if (failure && !this.result.failure) this.result.failure = failure;
    if (this.phase === "done") return;
    this.phase = "done";
    this.result.jitterMs = this.jitter;
    this.finish();
  }
}
