// The VAD's probability through the silence: sound that keeps coming back towards speech (a
// breath, a soft onset) is a caller about to go on. Keeps the last few 32 ms windows.

const WINDOWS = 6;
/** A window this likely is sound, not silence, though under the speech threshold. */
const STIRRING_PROBABILITY = 0.15;
export const VAD_RISING_LOGIT = -1;

export class VadTrend {
  private readonly probabilities = new Float32Array(WINDOWS);
  private count = 0;
  private next = 0;

  add(probability: number): void {
    this.probabilities[this.next] = probability;
    this.next = (this.next + 1) % WINDOWS;
    if (this.count < WINDOWS) this.count++;
  }

  reset(): void {
    this.count = 0;
    this.next = 0;
  }

  private at(back: number): number {
    return this.probabilities[(this.next - back + WINDOWS * 2) % WINDOWS]!;
  }

  /**
   * Rising (the last window stirs and is above the ones before): the caller is likely going on.
   * A flat floor says nothing a silence timer does not already know.
   */
  logit(): number {
    if (this.count < 3) return 0;
    const last = this.at(1);
    const earlier = Math.min(this.at(2), this.at(3));
    return last >= STIRRING_PROBABILITY && last > earlier ? VAD_RISING_LOGIT : 0;
  }
}
