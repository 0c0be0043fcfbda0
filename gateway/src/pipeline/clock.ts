// Timers of the turn pipeline (endpointing silence, reprompts, max duration) go through this
// interface so tests can drive them with a manual clock.

export interface TimerHandle {
  cancel(): void;
}

export interface PipelineClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimer(delayMs: number, callback: () => void): TimerHandle;
}

export const systemClock: PipelineClock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
};
