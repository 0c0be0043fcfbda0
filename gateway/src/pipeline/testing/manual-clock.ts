import type { PipelineClock, TimerHandle } from "../clock.ts";

interface ManualTimer {
  dueAt: number;
  order: number;
  callback: () => void;
  cancelled: boolean;
}

/** A clock that only moves when told: timers fire in due order inside `advance`. */
export class ManualClock implements PipelineClock {
  private current: number;
  private timers: ManualTimer[] = [];
  private order = 0;

  constructor(startAt = Date.UTC(2026, 0, 1)) {
    this.current = startAt;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const timer: ManualTimer = {
      dueAt: this.current + Math.max(0, delayMs),
      order: this.order++,
      callback,
      cancelled: false,
    };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      this.timers = this.timers.filter((timer) => !timer.cancelled);
      const next = this.timers
        .filter((timer) => timer.dueAt <= target)
        .sort((a, b) => a.dueAt - b.dueAt || a.order - b.order)[0];
      if (!next) break;
      this.current = next.dueAt;
      next.cancelled = true;
      next.callback();
    }
    this.current = target;
  }
}
