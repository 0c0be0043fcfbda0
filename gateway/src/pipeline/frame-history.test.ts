import { describe, expect, test } from "bun:test";
import { FrameHistory } from "./processors/frame-history.ts";

describe("FrameHistory", () => {
  test("keeps the last frames in order as copies, and forgets them once drained", () => {
    const history = new FrameHistory(3);
    const frame = new Int16Array(4);
    for (let value = 1; value <= 5; value++) {
      frame.fill(value);
      history.add(frame);
    }
    frame.fill(99);
    const drained: number[] = [];
    history.drain((pcm) => drained.push(pcm[0]!));
    expect(drained).toEqual([3, 4, 5]);
    const again: number[] = [];
    history.drain((pcm) => again.push(pcm[0]!));
    expect(again).toEqual([]);
  });
});
