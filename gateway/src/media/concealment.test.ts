import { describe, expect, test } from "bun:test";
import { LossConcealer } from "./concealment.ts";

describe("LossConcealer", () => {
  test("repeats the last good frame at falling level, then goes silent", () => {
    const concealer = new LossConcealer(4, 2);
    concealer.good(Int16Array.from([800, -800, 400, -400]));
    const out = new Int16Array(4);
    concealer.conceal(out);
    expect([...out]).toEqual([400, -400, 200, -200]);
    concealer.conceal(out);
    expect([...out]).toEqual([200, -200, 100, -100]);
    concealer.conceal(out);
    expect([...out]).toEqual([0, 0, 0, 0]);
  });

  test("without any good frame a loss is silence", () => {
    const concealer = new LossConcealer(3);
    const out = Int16Array.from([5, 5, 5]);
    concealer.conceal(out);
    expect([...out]).toEqual([0, 0, 0]);
  });
});
