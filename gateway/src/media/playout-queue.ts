// Agent audio waiting for the wire: any length of 16 kHz PCM in, exact 20 ms frames out.
// A growable ring; steady state (queue below its high-water mark) allocates nothing. Held, it
// gives nothing out and keeps everything (a caller's "mm-hm" being judged); flushed, it drops all.

export class PlayoutQueue {
  private ring: Int16Array;
  private readIndex = 0;
  private length = 0;
  private played = 0;
  private held = false;

  constructor(initialCapacitySamples = 16_000 * 4) {
    this.ring = new Int16Array(initialCapacitySamples);
  }

  /** Samples sent so far (whole frames taken by pull, padding excluded). */
  get playedSamples(): number {
    return this.played;
  }

  get queuedSamples(): number {
    return this.length;
  }

  /** Nothing goes out until `release`; what is queued (and queued meanwhile) waits, in order. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  get isHeld(): boolean {
    return this.held;
  }

  enqueue(pcm: Int16Array): void {
    if (pcm.length === 0) return;
    if (this.length + pcm.length > this.ring.length) this.grow(this.length + pcm.length);
    const capacity = this.ring.length;
    let writeIndex = (this.readIndex + this.length) % capacity;
    let remaining = pcm.length;
    let source = 0;
    while (remaining > 0) {
      const chunk = Math.min(remaining, capacity - writeIndex);
      this.ring.set(pcm.subarray(source, source + chunk), writeIndex);
      source += chunk;
      remaining -= chunk;
      writeIndex = (writeIndex + chunk) % capacity;
    }
    this.length += pcm.length;
  }

  /**
   * Fills `out` with the next frame; a short tail is padded with zeros. Returns false (and
   * leaves `out` untouched) when nothing is queued or the queue is held.
   */
  pull(out: Int16Array): boolean {
    if (this.length === 0 || this.held) return false;
    const take = Math.min(out.length, this.length);
    const capacity = this.ring.length;
    const ring = this.ring;
    let readIndex = this.readIndex;
    // Copied by index: subarray views per frame would be per-frame allocations.
    for (let index = 0; index < take; index++) {
      out[index] = ring[readIndex]!;
      readIndex = readIndex + 1 === capacity ? 0 : readIndex + 1;
    }
    if (take < out.length) out.fill(0, take);
    this.readIndex = readIndex;
    this.length -= take;
    this.played += take;
    return true;
  }

  /** Drops everything queued and ends a hold (barge-in). */
  flush(): void {
    this.readIndex = 0;
    this.length = 0;
    this.held = false;
  }

  private grow(minimum: number): void {
    let capacity = this.ring.length * 2;
    while (capacity < minimum) capacity *= 2;
    const next = new Int16Array(capacity);
    const firstChunk = Math.min(this.length, this.ring.length - this.readIndex);
    next.set(this.ring.subarray(this.readIndex, this.readIndex + firstChunk), 0);
    if (firstChunk < this.length) next.set(this.ring.subarray(0, this.length - firstChunk), firstChunk);
    this.ring = next;
    this.readIndex = 0;
  }
}
