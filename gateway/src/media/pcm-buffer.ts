// PCM appended frame by frame into one growable array: an utterance kept as hundreds of
// 20 ms arrays is hundreds of heap objects per call for the collector to trace.

export class PcmBuffer {
  private samples: Int16Array;
  private used = 0;

  constructor(
    /** Samples beyond this are dropped (the buffer never grows past it). */
    private readonly maxSamples: number,
    initialSamples = 16_000,
  ) {
    this.samples = new Int16Array(Math.min(initialSamples, maxSamples));
  }

  get length(): number {
    return this.used;
  }

  /** Copies `pcm` in; returns false when it did not fit under the limit (nothing is copied). */
  append(pcm: Int16Array): boolean {
    const needed = this.used + pcm.length;
    if (needed > this.maxSamples) return false;
    if (needed > this.samples.length) {
      let capacity = this.samples.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = new Int16Array(Math.min(capacity, this.maxSamples));
      grown.set(this.samples.subarray(0, this.used));
      this.samples = grown;
    }
    this.samples.set(pcm, this.used);
    this.used = needed;
    return true;
  }

  /** The samples so far, as a view that the next append or clear may overwrite. */
  view(): Int16Array {
    return this.samples.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
  }
}
