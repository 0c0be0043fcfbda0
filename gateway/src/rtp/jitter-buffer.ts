// Adaptive jitter buffer over codec bytes of a one-byte-per-sample codec (G.711 at 8 kHz),
// indexed by RTP timestamp so any packetisation (10, 20, 30 ms) plays out as 20 ms frames.

type PopResult = "ok" | "lost" | "idle";

interface JitterBufferOptions {
  /** Samples per output frame (160 = 20 ms at 8 kHz). */
  frameSamples: number;
  /** Byte written where a sample is missing inside a partly received frame. */
  silenceByte: number;
  /**
   * Playout delay bounds, in frames. The floor is one frame: on a clean path that is all the
   * buffer adds to every turn, and `adapt` raises the target as interarrival jitter shows up.
   */
  minDelayFrames?: number;
  maxDelayFrames?: number;
  /** Ring capacity in samples (a power of two); bounds how far ahead a packet may land. */
  capacitySamples?: number;
  /** Consecutive empty frames after which playout stops until audio returns (end of talkspurt). */
  idleAfterFrames?: number;
}

interface JitterBufferStats {
  late: number;
  duplicates: number;
  /** Frames dropped to shrink the delay back to target. */
  dropped: number;
  concealed: number;
  resets: number;
}

const INT32_WRAP = 2 ** 32;
/** The buffer holds one-byte-per-sample codecs at 8 kHz (G.711). */
const FRAME_SAMPLE_RATE_HZ = 8000;

/**
 * When a packet would have arrived without any queueing on the way or in our own event loop:
 * its RTP timestamp (the sender's clock) placed by the shortest transit seen lately. Speech
 * times taken from it do not move with jitter or with how busy the gateway was when the
 * packet was read. The shortest transit is taken over the last 100-200 packets, so it
 * follows a drift between the sender's clock and ours.
 */
class ShortestTransit {
  private current = Number.POSITIVE_INFINITY;
  private previous = Number.POSITIVE_INFINITY;
  private packets = 0;

  constructor(private readonly sampleRateHz: number) {}

  /** A packet whose last sample is just before `endTimestamp` (extended) came in at `arrivedAtMs`. */
  observe(endTimestamp: number, arrivedAtMs: number): void {
    const transitMs = arrivedAtMs - this.mediaMs(endTimestamp);
    if (++this.packets > 100) {
      this.previous = this.current;
      this.current = Number.POSITIVE_INFINITY;
      this.packets = 1;
    }
    if (transitMs < this.current) this.current = transitMs;
  }

  /** When the sample just before `endTimestamp` would have arrived (ms, the receiver's clock). */
  arrivalAt(endTimestamp: number): number {
    return this.mediaMs(endTimestamp) + Math.min(this.current, this.previous);
  }

  private mediaMs(timestamp: number): number {
    return (timestamp * 1000) / this.sampleRateHz;
  }

  reset(): void {
    this.current = Number.POSITIVE_INFINITY;
    this.previous = Number.POSITIVE_INFINITY;
    this.packets = 0;
  }
}

export class JitterBuffer {
  private readonly ring: Uint8Array;
  private readonly filled: Uint8Array;
  private readonly mask: number;
  private readonly frameSamples: number;
  private readonly silenceByte: number;
  private readonly minDelaySamples: number;
  private readonly maxDelaySamples: number;
  private readonly idleAfterFrames: number;
  private hasAnchor = false;
  private lastExtended = 0;
  private playing = false;
  /** Extended timestamp of the next sample to play. */
  private playTs = 0;
  /** Extended timestamp one past the newest sample received. */
  private endTs = 0;
  private emptyFrames = 0;
  private targetSamples: number;
  private readonly transit = new ShortestTransit(FRAME_SAMPLE_RATE_HZ);
  readonly stats: JitterBufferStats = { late: 0, duplicates: 0, dropped: 0, concealed: 0, resets: 0 };

  constructor(options: JitterBufferOptions) {
    const capacity = options.capacitySamples ?? 8192;
    if ((capacity & (capacity - 1)) !== 0) throw new RangeError("capacitySamples must be a power of two");
    this.ring = new Uint8Array(capacity);
    this.filled = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.frameSamples = options.frameSamples;
    this.silenceByte = options.silenceByte;
    this.minDelaySamples = (options.minDelayFrames ?? 1) * options.frameSamples;
    this.maxDelaySamples = Math.min((options.maxDelayFrames ?? 10) * options.frameSamples, capacity / 2);
    this.idleAfterFrames = options.idleAfterFrames ?? 10;
    this.targetSamples = this.minDelaySamples;
  }

  /** Current playout delay target, in samples. */
  get targetDelaySamples(): number {
    return this.targetSamples;
  }

  /** Samples buffered ahead of the playout point. */
  get bufferedSamples(): number {
    return Math.max(0, this.endTs - this.playTs);
  }

  /**
   * When the last sample of the frame last taken by `pop` reached us, or would have (a lost
   * frame), net of jitter and of how late we read its packet.
   */
  get frameArrivedAtMs(): number {
    return this.transit.arrivalAt(this.playTs);
  }

  /** Sets the delay target from an interarrival jitter estimate (RFC 3550 A.8, in samples). */
  adapt(jitterSamples: number): void {
    const wanted = this.minDelaySamples + 3 * jitterSamples;
    const frames = Math.ceil(wanted / this.frameSamples);
    this.targetSamples = Math.min(
      this.maxDelaySamples,
      Math.max(this.minDelaySamples, frames * this.frameSamples),
    );
  }

  /** Stores a packet's payload at its RTP timestamp; `arrivedAtMs` is when it was received. */
  push(rtpTimestamp: number, payload: Uint8Array, offset: number, length: number, arrivedAtMs = 0): void {
    if (length <= 0) return;
    const start = this.extend(rtpTimestamp);
    const end = start + length;
    const capacity = this.mask + 1;
    if (!this.playing && this.endTs <= this.playTs) {
      // Nothing pending: anchor playout at this packet (first packet, or a new talkspurt).
      this.clearAll();
      this.playTs = start;
      this.endTs = start;
    }
    if (end <= this.playTs) {
      this.stats.late += 1;
      return;
    }
    if (end - this.playTs > capacity || start < this.playTs - capacity) {
      // A timestamp jump beyond the ring: the stream was re-based, start over from here.
      this.stats.resets += 1;
      this.transit.reset();
      this.clearAll();
      this.playing = false;
      this.playTs = start;
      this.endTs = start;
    }
    this.transit.observe(end, arrivedAtMs);
    const from = Math.max(start, this.playTs);
    let newSamples = 0;
    for (let ts = from; ts < end; ts++) {
      const slot = ts & this.mask;
      if (this.filled[slot] === 0) newSamples += 1;
      this.ring[slot] = payload[offset + (ts - start)]!;
      this.filled[slot] = 1;
    }
    if (newSamples === 0) this.stats.duplicates += 1;
    if (end > this.endTs) this.endTs = end;
  }

  /**
   * Takes the next frame into `out` (frameSamples bytes). "ok": audio (any missing samples
   * filled with silence); "lost": nothing arrived for this frame (conceal it); "idle": no stream.
   */
  pop(out: Uint8Array): PopResult {
    const frame = this.frameSamples;
    if (!this.playing) {
      if (this.endTs - this.playTs < this.targetSamples) return "idle";
      this.playing = true;
      this.emptyFrames = 0;
    }
    // Too deep (jitter fell, or a burst arrived): drop one frame per tick back toward target.
    if (this.endTs - this.playTs > this.targetSamples + 2 * frame) {
      this.discard(frame);
      this.stats.dropped += 1;
    }
    let present = 0;
    const base = this.playTs;
    for (let index = 0; index < frame; index++) {
      const slot = (base + index) & this.mask;
      if (this.filled[slot] === 1) {
        out[index] = this.ring[slot]!;
        this.filled[slot] = 0;
        present += 1;
      } else {
        out[index] = this.silenceByte;
      }
    }
    this.playTs = base + frame;
    if (present > 0) {
      this.emptyFrames = 0;
      return "ok";
    }
    this.stats.concealed += 1;
    this.emptyFrames += 1;
    if (this.emptyFrames >= this.idleAfterFrames && this.endTs <= this.playTs) {
      this.playing = false;
      return "idle";
    }
    return "lost";
  }

  reset(): void {
    this.transit.reset();
    this.clearAll();
    this.hasAnchor = false;
    this.playing = false;
    this.playTs = 0;
    this.endTs = 0;
    this.emptyFrames = 0;
  }

  private discard(samples: number): void {
    for (let index = 0; index < samples; index++) this.filled[(this.playTs + index) & this.mask] = 0;
    this.playTs += samples;
  }

  private clearAll(): void {
    this.filled.fill(0);
  }

  /** Unwraps a 32-bit RTP timestamp to a monotonic number near the last one seen. */
  private extend(rtpTimestamp: number): number {
    if (!this.hasAnchor) {
      this.hasAnchor = true;
      this.lastExtended = rtpTimestamp;
      return rtpTimestamp;
    }
    const previous32 = ((this.lastExtended % INT32_WRAP) + INT32_WRAP) % INT32_WRAP;
    const delta = ((rtpTimestamp - previous32 + INT32_WRAP + INT32_WRAP / 2) % INT32_WRAP) - INT32_WRAP / 2;
    const extended = this.lastExtended + delta;
    if (delta > 0) this.lastExtended = extended;
    return extended;
  }
}
