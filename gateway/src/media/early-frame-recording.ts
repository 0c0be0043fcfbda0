// A call whose talkspurt started early (its first packet sent on enqueue, between clock steps)
// runs one packet ahead of the clock until the talkspurt ends. The recording stays on the
// clock: each agent frame sent early is recorded on the step after it left.

export class EarlyFrameRecording {
  private readonly held: Int16Array;
  private readonly out: Int16Array;
  private holding = false;

  constructor(frameSamples: number) {
    this.held = new Int16Array(frameSamples);
    this.out = new Int16Array(frameSamples);
  }

  /** The frame just sent ahead of the clock. */
  hold(frame: Int16Array): void {
    this.held.set(frame);
    this.holding = true;
  }

  /** What to record on this step, given the agent frame sent on it (null: none sent). */
  next(sent: Int16Array | null): Int16Array | null {
    if (!this.holding) return sent;
    if (sent === null) {
      this.holding = false;
      return this.held;
    }
    this.out.set(this.held);
    this.held.set(sent);
    return this.out;
  }
}
