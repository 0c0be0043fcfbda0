import { describe, expect, test } from "bun:test";
import { ReceiveStats } from "./receive-stats.ts";

function feed(stats: ReceiveStats, sequence: number[]) {
  return sequence.map((seq) => stats.update(seq));
}

describe("RFC 3550 A.1 sequence handling", () => {
  test("a new source is on probation until two packets arrive in sequence", () => {
    const stats = new ReceiveStats();
    expect(feed(stats, [100, 101, 102])).toEqual(["probation", "valid", "valid"]);
    expect(stats.received).toBe(2);
    expect(stats.lost).toBe(0);
  });

  test("an out-of-order start restarts probation", () => {
    const stats = new ReceiveStats();
    expect(feed(stats, [10, 12, 13])).toEqual(["probation", "probation", "valid"]);
  });

  test("wraps around 65535 and counts cycles", () => {
    const stats = new ReceiveStats();
    expect(feed(stats, [65533, 65534, 65535, 0, 1, 2])).toEqual([
      "probation",
      "valid",
      "valid",
      "valid",
      "valid",
      "valid",
    ]);
    expect(stats.extendedMaxSeq).toBe(65536 + 2);
    expect(stats.expected).toBe(5);
    expect(stats.lost).toBe(0);
  });

  test("duplicates are reported and not counted as received", () => {
    const stats = new ReceiveStats();
    expect(feed(stats, [1, 2, 3, 3, 2])).toEqual(["probation", "valid", "valid", "duplicate", "duplicate"]);
    expect(stats.duplicates).toBe(2);
    expect(stats.received).toBe(2);
  });

  test("a reordered packet is accepted once, late, and fills its gap in the loss count", () => {
    const stats = new ReceiveStats();
    feed(stats, [1, 2, 3, 5, 6]);
    expect(stats.lost).toBe(1);
    expect(stats.update(4)).toBe("valid");
    expect(stats.lost).toBe(0);
    expect(stats.update(4)).toBe("duplicate");
  });

  test("a lost packet is counted", () => {
    const stats = new ReceiveStats();
    feed(stats, [1, 2, 3, 6, 7]);
    expect(stats.expected).toBe(6);
    expect(stats.received).toBe(4);
    expect(stats.lost).toBe(2);
  });

  test("one stray far jump is dropped; two sequential ones mean the source restarted", () => {
    const stats = new ReceiveStats();
    feed(stats, [1, 2, 3]);
    expect(stats.update(40000)).toBe("bad");
    expect(stats.update(4)).toBe("valid");
    expect(stats.update(30000)).toBe("bad");
    expect(stats.update(30001)).toBe("valid");
    expect(stats.update(30002)).toBe("valid");
    expect(stats.lost).toBe(0);
  });

  test("interarrival jitter follows A.8", () => {
    const stats = new ReceiveStats();
    stats.updateJitter(0, 1000);
    stats.updateJitter(160, 1160);
    expect(stats.jitterUnits).toBe(0);
    stats.updateJitter(320, 1480);
    expect(stats.jitterUnits).toBeCloseTo(160 / 16, 6);
  });
});
