import { describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type ClockSubscriber, MediaClock } from "./clock.ts";

function collector() {
  const ticks: number[] = [];
  const subscriber: ClockSubscriber = { tick: (tickIndex) => ticks.push(tickIndex) };
  return { ticks, subscriber };
}

function busyWait(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Blocks the event loop on purpose: a stalled process.
  }
}

describe("MediaClock", () => {
  test("runs only while subscribed and gives every subscriber each tick once, in order", async () => {
    const clock = new MediaClock();
    expect(clock.running).toBe(false);
    const first = collector();
    const second = collector();
    const stopFirst = clock.subscribe(first.subscriber);
    const stopSecond = clock.subscribe(second.subscriber);
    expect(clock.running).toBe(true);
    await waitFor("ten ticks", () => first.ticks.length >= 10);
    stopFirst();
    stopSecond();
    expect(clock.running).toBe(false);
    expect(first.ticks).toEqual(first.ticks.map((_, index) => index + 1));
    expect(second.ticks.slice(0, 10)).toEqual(first.ticks.slice(0, 10));
  });

  test("replays missed ticks after a short stall so no frame slot is skipped", async () => {
    const clock = new MediaClock({ maxCatchUpTicks: 100 });
    const { ticks, subscriber } = collector();
    const stop = clock.subscribe(subscriber);
    await waitFor("two ticks", () => ticks.length >= 2);
    busyWait(120);
    await waitFor("the missed ticks replayed", () => ticks.length >= 12);
    stop();
    expect(ticks).toEqual(ticks.map((_, index) => index + 1));
    expect(clock.stats().catchUpTicks).toBeGreaterThan(0);
  });

  test("after a long stall it moves its grid instead of bursting", async () => {
    const clock = new MediaClock({ maxCatchUpTicks: 2 });
    const { ticks, subscriber } = collector();
    const stop = clock.subscribe(subscriber);
    await waitFor("two ticks", () => ticks.length >= 2);
    const before = ticks.length;
    busyWait(300);
    await waitFor("three ticks after the stall", () => ticks.length >= before + 3);
    stop();
    expect(clock.stats().resyncs).toBeGreaterThan(0);
    expect(ticks).toEqual(ticks.map((_, index) => index + 1));
  });

  test("a throwing subscriber is counted and does not stop the others", async () => {
    const clock = new MediaClock();
    const { ticks, subscriber } = collector();
    const stopBad = clock.subscribe({
      tick() {
        throw new Error("boom");
      },
    });
    const stopGood = clock.subscribe(subscriber);
    await waitFor("three ticks", () => ticks.length >= 3);
    stopBad();
    stopGood();
    expect(clock.stats().subscriberErrors).toBeGreaterThanOrEqual(3);
  });

  test("with phases, subscribers are spread over separate timer steps and each still counts its own ticks", async () => {
    const clock = new MediaClock({ phases: 4 });
    const calls: { subscriber: number; tickIndex: number; nowMs: number }[][] = [[], [], [], []];
    const stops = calls.map((log, subscriber) =>
      clock.subscribe({ tick: (tickIndex, nowMs) => log.push({ subscriber, tickIndex, nowMs }) }),
    );
    await waitFor("five ticks in every phase", () => calls.every((log) => log.length >= 5));
    for (const stop of stops) stop();
    for (const log of calls) {
      expect(log.map((call) => call.tickIndex)).toEqual(log.map((_, index) => index + 1));
    }
    const firstTickTimes = new Set(calls.map((log) => log[0]!.nowMs));
    expect(firstTickTimes.size).toBe(4);
    expect(clock.subscriberCount).toBe(0);
  });
});
