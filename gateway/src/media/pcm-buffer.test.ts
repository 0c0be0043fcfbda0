import { describe, expect, test } from "bun:test";
import { PcmBuffer } from "./pcm-buffer.ts";

describe("PcmBuffer", () => {
  test("copies frames in order as it grows, and refuses what would pass its limit", () => {
    const buffer = new PcmBuffer(1000, 4);
    const frame = new Int16Array(300);
    for (let value = 1; value <= 3; value++) {
      frame.fill(value);
      expect(buffer.append(frame)).toBe(true);
    }
    frame.fill(9);
    expect(buffer.append(frame)).toBe(false);
    const view = buffer.view();
    expect(view.length).toBe(900);
    expect([view[0], view[299], view[300], view[899]]).toEqual([1, 1, 2, 3]);
    buffer.clear();
    expect(buffer.length).toBe(0);
    expect(buffer.append(frame)).toBe(true);
    expect(buffer.view()[0]).toBe(9);
  });
});
