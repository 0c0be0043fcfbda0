// Receive-side sequence handling and statistics, RFC 3550 appendix A.1 (validity, wraparound,
// restarts), A.3 (expected and lost packets) and A.8 (interarrival jitter).

const RTP_SEQ_MOD = 1 << 16;
const MAX_DROPOUT = 3000;
const MAX_MISORDER = 100;
const MIN_SEQUENTIAL = 2;

type SequenceVerdict = "valid" | "probation" | "bad" | "duplicate";

export class ReceiveStats {
  private maxSeq = 0;
  private cycles = 0;
  private baseSeq = 0;
  private badSeq = RTP_SEQ_MOD + 1;
  private probation = MIN_SEQUENTIAL;
  private initialized = false;
  private lastTransit = 0;
  private hasTransit = false;
  private jitter = 0;
  /** Packets accepted as valid (duplicates excluded). */
  received = 0;
  duplicates = 0;
  /** Packets dropped as out of the valid sequence window. */
  discarded = 0;
  /** Recently seen sequence numbers, to tell duplicates from late packets (bit per seq mod 128). */
  private readonly recent = new Uint8Array(128);

  /** RFC 3550 A.1 update_seq, plus duplicate detection within the last 128 sequence numbers. */
  update(seq: number): SequenceVerdict {
    if (!this.initialized) {
      this.initSeq(seq);
      this.maxSeq = seq - 1;
      this.probation = MIN_SEQUENTIAL;
      this.initialized = true;
    }
    const udelta = (seq - this.maxSeq + RTP_SEQ_MOD) % RTP_SEQ_MOD;
    if (this.probation > 0) {
      if (seq === (this.maxSeq + 1) % RTP_SEQ_MOD) {
        this.probation -= 1;
        this.maxSeq = seq;
        if (this.probation === 0) {
          this.initSeq(seq);
          this.accept(seq);
          return "valid";
        }
      } else {
        this.probation = MIN_SEQUENTIAL - 1;
        this.maxSeq = seq;
      }
      return "probation";
    }
    if (udelta === 0) {
      this.duplicates += 1;
      return "duplicate";
    }
    if (udelta < MAX_DROPOUT) {
      // Slots skipped by a forward jump belong to sequence numbers not yet seen.
      const skipped = Math.min(udelta, 128);
      for (let step = 1; step <= skipped; step++) this.recent[(this.maxSeq + step) & 127] = 0;
      if (seq < this.maxSeq) this.cycles += RTP_SEQ_MOD;
      this.maxSeq = seq;
    } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
      if (seq === this.badSeq) {
        // Two sequential packets after a large jump: the source restarted.
        this.initSeq(seq);
      } else {
        this.badSeq = (seq + 1) & (RTP_SEQ_MOD - 1);
        this.discarded += 1;
        return "bad";
      }
    } else if (this.recent[seq & 127] === 1 && this.isRecentDuplicate(seq)) {
      this.duplicates += 1;
      return "duplicate";
    }
    this.accept(seq);
    return "valid";
  }

  /** RFC 3550 A.8: call with the packet's RTP timestamp and its arrival in the same clock units. */
  updateJitter(rtpTimestamp: number, arrivalUnits: number): void {
    const transit = arrivalUnits - rtpTimestamp;
    if (this.hasTransit) {
      let delta = transit - this.lastTransit;
      if (delta < 0) delta = -delta;
      this.jitter += (delta - this.jitter) / 16;
    }
    this.lastTransit = transit;
    this.hasTransit = true;
  }

  /** Interarrival jitter estimate in RTP clock units. */
  get jitterUnits(): number {
    return this.jitter;
  }

  get extendedMaxSeq(): number {
    return this.cycles + this.maxSeq;
  }

  /** RFC 3550 A.3: packets expected from the first valid one to the highest seen. */
  get expected(): number {
    return this.initialized && this.probation === 0 ? this.extendedMaxSeq - this.baseSeq + 1 : 0;
  }

  get lost(): number {
    return Math.max(0, this.expected - this.received);
  }

  /** Forgets everything (new SSRC). */
  reset(): void {
    this.initialized = false;
    this.hasTransit = false;
    this.jitter = 0;
    this.recent.fill(0);
  }

  private initSeq(seq: number): void {
    this.baseSeq = seq;
    this.maxSeq = seq;
    this.badSeq = RTP_SEQ_MOD + 1;
    this.cycles = 0;
    this.received = 0;
    this.recent.fill(0);
  }

  private accept(seq: number): void {
    this.received += 1;
    this.recent[seq & 127] = 1;
  }

  private isRecentDuplicate(seq: number): boolean {
    const behind = (this.maxSeq - seq + RTP_SEQ_MOD) % RTP_SEQ_MOD;
    return behind < 127;
  }
}
