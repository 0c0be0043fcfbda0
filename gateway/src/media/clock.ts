import { FRAME_MS } from "./audio-format.ts";

/** Something paced by the gateway's one media clock (an RTP or WebRTC call). */
export interface ClockSubscriber {
  /** Runs once per 20 ms tick; `tickIndex` counts from the clock's start. */
  tick(tickIndex: number, nowMs: number): void;
}

export interface ClockStats {
  ticks: number;
  /** Ticks run back-to-back to catch up after the event loop stalled. */
  catchUpTicks: number;
  /** Grid resets after a stall longer than maxCatchUpTicks. */
  resyncs: number;
  /** Subscriber calls that threw (the clock keeps running). */
  subscriberErrors: number;
}

export interface MediaClockOptions {
  periodMs?: number;
  /** After a stall, at most this many missed ticks are replayed before the grid is reset. */
  maxCatchUpTicks?: number;
  /** Called with how late each tick fired against its grid time (benchmarks). */
  onTickLateness?: (latenessMs: number) => void;
}

/**
 * The gateway's one clock: a single self-correcting setTimeout aimed at start + k * 20 ms,
 * so per-tick timer error never accumulates (setInterval under Bun slides about 150 ms per
 * 1000 ticks). It runs only while something is subscribed.
 */
export class MediaClock {
  readonly periodMs: number;
  private readonly maxCatchUpTicks: number;
  private readonly onTickLateness: ((latenessMs: number) => void) | undefined;
  private readonly subscribers = new Set<ClockSubscriber>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private startMs = 0;
  private tickIndex = 0;
  private readonly counters: ClockStats = { ticks: 0, catchUpTicks: 0, resyncs: 0, subscriberErrors: 0 };

  constructor(options: MediaClockOptions = {}) {
    this.periodMs = options.periodMs ?? FRAME_MS;
    this.maxCatchUpTicks = options.maxCatchUpTicks ?? 5;
    this.onTickLateness = options.onTickLateness;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  stats(): ClockStats {
    return { ...this.counters };
  }

  /** Adds a subscriber; the returned function removes it. */
  subscribe(subscriber: ClockSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (this.timer === null) this.start();
    return () => this.unsubscribe(subscriber);
  }

  unsubscribe(subscriber: ClockSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stop();
  }

  /** Stops the timer; subscribers stay registered and a later subscribe restarts it. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): void {
    this.startMs = performance.now();
    this.tickIndex = 0;
    this.schedule();
  }

  private schedule(): void {
    const dueMs = this.startMs + (this.tickIndex + 1) * this.periodMs;
    const delayMs = Math.max(0, dueMs - performance.now());
    this.timer = setTimeout(this.fire, delayMs);
  }

  private readonly fire = (): void => {
    let nowMs = performance.now();
    let dueTick = Math.floor((nowMs - this.startMs) / this.periodMs);
    if (dueTick - this.tickIndex > this.maxCatchUpTicks) {
      // Stalled too long to replay: move the grid so the next tick is one period from now.
      this.counters.resyncs += 1;
      this.startMs = nowMs - (this.tickIndex + 1) * this.periodMs;
      dueTick = this.tickIndex + 1;
    }
    let first = true;
    while (this.tickIndex < dueTick && this.timer !== null) {
      this.tickIndex += 1;
      if (!first) this.counters.catchUpTicks += 1;
      first = false;
      this.onTickLateness?.(nowMs - (this.startMs + this.tickIndex * this.periodMs));
      this.runTick(this.tickIndex, nowMs);
      nowMs = performance.now();
    }
    if (this.timer !== null) this.schedule();
  };

  private runTick(tickIndex: number, nowMs: number): void {
    this.counters.ticks += 1;
    for (const subscriber of this.subscribers) {
      try {
        subscriber.tick(tickIndex, nowMs);
      } catch {
        this.counters.subscriberErrors += 1;
      }
    }
  }
}
