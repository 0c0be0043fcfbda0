import { expect, test } from "bun:test";
import { countSegments } from "./segments.ts";

test("GSM-7: 160 characters are one segment, 161 two, 307 three (153 per part)", () => {
  expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1 });
  expect(countSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", segments: 2 });
  expect(countSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", segments: 2 });
  expect(countSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", segments: 3 });
});

test("extension characters take two septets and are not split across parts", () => {
  expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", segments: 1 });
  expect(countSegments("€".repeat(81))).toEqual({ encoding: "GSM-7", segments: 2 });
  // 152 septets of text, then a two-septet character that does not fit in the first part.
  expect(countSegments(`${"a".repeat(152)}{${"a".repeat(152)}`).segments).toBe(3);
});

test("UCS-2: 70 characters one segment, 71 two, 135 three; an emoji is two code units", () => {
  expect(countSegments("ж".repeat(70))).toEqual({ encoding: "UCS-2", segments: 1 });
  expect(countSegments("ж".repeat(71))).toEqual({ encoding: "UCS-2", segments: 2 });
  expect(countSegments("ж".repeat(135)).segments).toBe(3);
  expect(countSegments("😀".repeat(35)).segments).toBe(1);
  expect(countSegments("😀".repeat(36)).segments).toBe(2);
});
