// A media clock whose steps the test drives, so each one is known: the code under test sees an
// ordinary MediaClock. Shared by the RTP and WebRTC call-audio tests.
import type { ClockSubscriber, MediaClock } from "../clock.ts";

export function steppedClock(): { clock: MediaClock; step(count: number): void } {
  const subscribers: ClockSubscriber[] = [];
  const clock = {
    subscribe(subscriber: ClockSubscriber) {
      subscribers.push(subscriber);
      return () => {};
    },
  } as unknown as MediaClock;
  const step = (count: number) => {
    for (let index = 0; index < count; index++)
      for (const subscriber of subscribers) subscriber.tick(index, performance.now());
  };
  return { clock, step };
}
