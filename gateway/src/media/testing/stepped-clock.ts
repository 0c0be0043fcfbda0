// A media clock whose steps the test drives, so each one is known: the code under test sees an
// ordinary MediaClock. Shared by the RTP and WebRTC call-audio tests.
import type { ClockSubscriber, MediaClock } from "../clock.ts";

export function steppedClock(): { clock: MediaClock; step(count: number, nowMs?: number): void } {
  const subscribers: ClockSubscriber[] = [];
  const clock = {
    subscribe(subscriber: ClockSubscriber) {
      subscribers.push(subscriber);
      return () => {};
    },
  } as unknown as MediaClock;
  /** `count` ticks, each stamped `nowMs` when given (a time the test chooses), else the real time. */
  const step = (count: number, nowMs?: number) => {
    for (let index = 0; index < count; index++)
      for (const subscriber of subscribers) subscriber.tick(index, nowMs ?? performance.now());
  };
  return { clock, step };
}
