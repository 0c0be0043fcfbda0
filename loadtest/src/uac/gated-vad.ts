// An energy gate in front of a VAD engine, for benchmarks: a window whose RMS is below
// `floorRms` (near digital silence) gets probability 0 without running the model. Results
// stay in submission order, as VadStream requires.
import type { VadEngine, VadStream } from "@switchboard/gateway/vad/engine";

interface PendingResult {
  done: boolean;
  probability: number;
  onResult: (probability: number) => void;
}

class GatedVadStream implements VadStream {
  private readonly queue: PendingResult[] = [];
  skippedWindows = 0;

  constructor(
    private readonly inner: VadStream,
    private readonly floorRms: number,
  ) {}

  push(window: Float32Array, onResult: (probability: number) => void): void {
    const entry: PendingResult = { done: false, probability: 0, onResult };
    this.queue.push(entry);
    let sum = 0;
    for (let i = 0; i < window.length; i++) sum += window[i]! * window[i]!;
    if (Math.sqrt(sum / window.length) < this.floorRms) {
      entry.done = true;
      this.skippedWindows++;
      this.drain();
      return;
    }
    this.inner.push(window, (probability) => {
      entry.done = true;
      entry.probability = probability;
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.queue[0]!.done) {
      const entry = this.queue.shift()!;
      entry.onResult(entry.probability);
    }
  }

  close(): void {
    this.inner.close();
  }
}

export class GatedVadEngine implements VadEngine {
  readonly name: string;

  /** floorRms 0.001 is -60 dBFS: below any speech, above a digital trunk's idle pattern. */
  constructor(
    private readonly inner: VadEngine,
    private readonly floorRms = 0.001,
  ) {
    this.name = `gated-${inner.name}`;
  }

  createStream(): VadStream {
    return new GatedVadStream(this.inner.createStream(), this.floorRms);
  }
}
