// The last few caller frames, kept in buffers allocated once: most of a call is not speech, and
// copying every frame into a new array just to drop it 300 ms later is garbage per frame.

export class FrameHistory {
  private readonly frames: Int16Array[] = [];
  private next = 0;
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** Keeps a copy of `pcm` (the caller reuses its frame), dropping the oldest when full. */
  add(pcm: Int16Array): void {
    let slot = this.frames[this.next];
    if (slot === undefined || slot.length !== pcm.length) {
      slot = new Int16Array(pcm.length);
      this.frames[this.next] = slot;
    }
    slot.set(pcm);
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Hands the kept frames to `consume`, oldest first (to copy, not keep), and forgets them. */
  drain(consume: (pcm: Int16Array) => void): void {
    for (let back = this.count; back > 0; back--) {
      consume(this.frames[(this.next - back + this.capacity) % this.capacity]!);
    }
    this.count = 0;
  }
}
