import { describe, expect, test } from "bun:test";
import { PlayoutQueue } from "./playout-queue.ts";

function ramp(from: number, length: number): Int16Array {
  return Int16Array.from({ length }, (_, index) => from + index);
}

describe("PlayoutQueue", () => {
  test("cuts any enqueued lengths into exact frames in order, padding the tail", () => {
    const queue = new PlayoutQueue(8);
    queue.enqueue(ramp(1, 5));
    queue.enqueue(ramp(6, 7));
    expect(queue.queuedSamples).toBe(12);
    const frame = new Int16Array(5);
    const seen: number[] = [];
    while (queue.pull(frame)) seen.push(...frame);
    expect(seen).toEqual([...ramp(1, 12), 0, 0, 0]);
    expect(queue.playedSamples).toBe(12);
    expect(queue.queuedSamples).toBe(0);
  });

  test("an empty queue yields nothing and leaves the frame alone", () => {
    const queue = new PlayoutQueue();
    const frame = Int16Array.from([7, 7]);
    expect(queue.pull(frame)).toBe(false);
    expect([...frame]).toEqual([7, 7]);
  });

  test("flush drops everything queued; played samples are kept", () => {
    const queue = new PlayoutQueue(4);
    queue.enqueue(ramp(1, 10));
    const frame = new Int16Array(3);
    queue.pull(frame);
    queue.flush();
    expect(queue.queuedSamples).toBe(0);
    expect(queue.playedSamples).toBe(3);
    expect(queue.pull(frame)).toBe(false);
    queue.enqueue(ramp(100, 3));
    expect(queue.pull(frame)).toBe(true);
    expect([...frame]).toEqual([100, 101, 102]);
  });

  test("held, it sends nothing and drops nothing; released, it goes on from the same sample", () => {
    const queue = new PlayoutQueue(4);
    queue.enqueue(ramp(1, 6));
    const frame = new Int16Array(3);
    queue.pull(frame);
    queue.hold();
    expect(queue.pull(frame)).toBe(false);
    expect([...frame]).toEqual([1, 2, 3]);
    // Audio keeps arriving while held and waits behind what was there.
    queue.enqueue(ramp(7, 3));
    expect(queue.queuedSamples).toBe(6);
    expect(queue.playedSamples).toBe(3);
    queue.release();
    const seen: number[] = [];
    while (queue.pull(frame)) seen.push(...frame);
    expect(seen).toEqual([...ramp(4, 6)]);
  });

  test("a flush while held drops the audio and ends the hold", () => {
    const queue = new PlayoutQueue(4);
    queue.enqueue(ramp(1, 6));
    queue.hold();
    queue.flush();
    expect(queue.isHeld).toBe(false);
    queue.enqueue(ramp(50, 3));
    const frame = new Int16Array(3);
    expect(queue.pull(frame)).toBe(true);
    expect([...frame]).toEqual([50, 51, 52]);
  });

  test("grows across the ring's wrap point without reordering", () => {
    const queue = new PlayoutQueue(4);
    const frame = new Int16Array(3);
    queue.enqueue(ramp(1, 3));
    queue.pull(frame);
    queue.enqueue(ramp(4, 3));
    queue.enqueue(ramp(7, 9));
    const seen: number[] = [];
    while (queue.pull(frame)) seen.push(...frame);
    expect(seen).toEqual([...ramp(4, 12)]);
  });
});
