// Packet loss concealment for 20 ms frames: repeat the last good frame, halving its level
// each lost frame, then silence (a simple form of the G.711 Appendix I approach).

export class LossConcealer {
  private readonly lastGood: Int16Array;
  private hasLastGood = false;
  private lostInRow = 0;

  constructor(
    frameSamples: number,
    private readonly maxRepeats = 3,
  ) {
    this.lastGood = new Int16Array(frameSamples);
  }

  /** Remembers a frame that arrived. */
  good(frame: Int16Array): void {
    this.lastGood.set(frame);
    this.hasLastGood = true;
    this.lostInRow = 0;
  }

  /** Fills `out` for a lost frame. */
  conceal(out: Int16Array): void {
    this.lostInRow += 1;
    if (!this.hasLastGood || this.lostInRow > this.maxRepeats) {
      out.fill(0);
      return;
    }
    const shift = this.lostInRow;
    const source = this.lastGood;
    for (let index = 0; index < out.length; index++) out[index] = source[index]! >> shift;
  }

  reset(): void {
    this.hasLastGood = false;
    this.lostInRow = 0;
  }
}
