import { FRAME_MS } from "./audio-format.ts";

/** Something paced by the gateway's one media clock (an RTP or WebRTC call). */
export interface ClockSubscriber {
  /** Runs once per 20 ms tick; `tickIndex` counts from the clock's start. */
  tick(tickIndex: number, nowMs: number): void;
}

interface ClockStats {
  /** Timer steps run (periodMs / phases apart). */
  ticks: number;
  /** Ticks run back-to-back to catch up after the event loop stalled. */
  catchUpTicks: number;
  /** Grid resets after a stall longer than maxCatchUpTicks. */
  resyncs: number;
  /** Subscriber calls that threw (the clock keeps running). */
  subscriberErrors: number;
}

interface MediaClockOptions {
  /** Each subscriber's period. */
  periodMs?: number;
  /**
   * Subscribers are spread over this many phases of periodMs / phases each, so a gateway with
   * hundreds of calls sends a quarter of them every 5 ms instead of all at once every 20 ms.
   */
  phases?: number;
  /**
   * After a stall, at most this many missed periods (default 25, half a second) are replayed
   * back-to-back before the grid is reset. Replaying keeps every stream's packet rate equal to
   * the wall clock over a long call; a reset loses the stalled time for good.
   */
  maxCatchUpTicks?: number;
  /** Called with how late each tick fired against its grid time (benchmarks). */
  onTickLateness?: (latenessMs: number) => void;
}

/**
 * The gateway's one clock: a single self-correcting setTimeout aimed at start + k * step,
 * so per-tick timer error never accumulates (setInterval under Bun slides about 150 ms per
 * 1000 ticks). It runs only while something is subscribed.
 */
export class MediaClock {
  readonly periodMs: number;
  readonly phases: number;
  /** Time between two timer firings: periodMs / phases. */
  private readonly stepMs: number;
  private readonly maxCatchUpTicks: number;
  private readonly onTickLateness: ((latenessMs: number) => void) | undefined;
  private readonly phaseSets: Set<ClockSubscriber>[];
  private readonly phaseOf = new Map<ClockSubscriber, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private startMs = 0;
  private tickIndex = 0;
  private readonly counters: ClockStats = { ticks: 0, catchUpTicks: 0, resyncs: 0, subscriberErrors: 0 };

  constructor(options: MediaClockOptions = {}) {
    this.periodMs = options.periodMs ?? FRAME_MS;
    this.phases = Math.max(1, Math.floor(options.phases ?? 1));
    this.stepMs = this.periodMs / this.phases;
    this.phaseSets = Array.from({ length: this.phases }, () => new Set<ClockSubscriber>());
    this.maxCatchUpTicks = (options.maxCatchUpTicks ?? 25) * this.phases;
    this.onTickLateness = options.onTickLateness;
  }

  get subscriberCount(): number {
    return this.phaseOf.size;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  stats(): ClockStats {
    return { ...this.counters };
  }

  /** Adds a subscriber; the returned function removes it. */
  subscribe(subscriber: ClockSubscriber): () => void {
    if (!this.phaseOf.has(subscriber)) {
      let phase = 0;
      for (let candidate = 1; candidate < this.phases; candidate++) {
        if (this.phaseSets[candidate]!.size < this.phaseSets[phase]!.size) phase = candidate;
      }
      this.phaseSets[phase]!.add(subscriber);
      this.phaseOf.set(subscriber, phase);
    }
    if (this.timer === null) this.start();
    return () => this.unsubscribe(subscriber);
  }

  unsubscribe(subscriber: ClockSubscriber): void {
    const phase = this.phaseOf.get(subscriber);
    if (phase === undefined) return;
    this.phaseSets[phase]!.delete(subscriber);
    this.phaseOf.delete(subscriber);
    if (this.phaseOf.size === 0) this.stop();
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
    const dueMs = this.startMs + (this.tickIndex + 1) * this.stepMs;
    const delayMs = Math.max(0, dueMs - performance.now());
    this.timer = setTimeout(this.fire, delayMs);
  }

  private readonly fire = (): void => {
    let nowMs = performance.now();
    let dueTick = Math.floor((nowMs - this.startMs) / this.stepMs);
    if (dueTick - this.tickIndex > this.maxCatchUpTicks) {
      // Stalled too long to replay: move the grid so the next tick is one period from now.
      this.counters.resyncs += 1;
      this.startMs = nowMs - (this.tickIndex + 1) * this.stepMs;
      dueTick = this.tickIndex + 1;
    }
    let first = true;
    while (this.tickIndex < dueTick && this.timer !== null) {
      this.tickIndex += 1;
      if (!first) this.counters.catchUpTicks += 1;
      first = false;
      this.onTickLateness?.(nowMs - (this.startMs + this.tickIndex * this.stepMs));
      this.runTick(this.tickIndex, nowMs);
      nowMs = performance.now();
    }
    if (this.timer !== null) this.schedule();
  };

  private runTick(stepIndex: number, nowMs: number): void {
    this.counters.ticks += 1;
    // Step k runs phase k mod phases; each subscriber sees its own period count from 1.
    const phase = stepIndex % this.phases;
    const tickIndex = Math.ceil(stepIndex / this.phases);
    for (const subscriber of this.phaseSets[phase]!) {
      try {
        subscriber.tick(tickIndex, nowMs);
      } catch {
        this.counters.subscriberErrors += 1;
      }
    }
  }
}
