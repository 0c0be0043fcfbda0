// One self-correcting 20 ms clock for every call the UAC places: each step is aimed at
// start + k * 20 ms, so lateness never accumulates (setInterval drifts on Bun).
import { Histogram } from "./stats.ts";

const FRAME_MS = 20;

export class Pacer {
  private readonly listeners = new Set<(nowMs: number) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private startMs = 0;
  private step = 0;
  /** How late each step fired against its grid time: the UAC's own scheduling error. */
  readonly lateness = new Histogram(0.1, 10_000);

  add(listener: (nowMs: number) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) this.start();
    return () => this.listeners.delete(listener);
  }

  private start(): void {
    this.startMs = performance.now();
    this.step = 0;
    const run = () => {
      this.step++;
      const now = performance.now();
      const late = now - (this.startMs + this.step * FRAME_MS);
      if (late > 5 * FRAME_MS) {
        // Far behind (the process was starved): move the grid rather than burst packets.
        this.startMs = now - this.step * FRAME_MS;
      }
      this.lateness.add(Math.max(0, late));
      for (const listener of this.listeners) listener(now);
      this.timer = setTimeout(
        run,
        Math.max(0, this.startMs + (this.step + 1) * FRAME_MS - performance.now()),
      );
    };
    this.timer = setTimeout(run, FRAME_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}
