import { describe, expect, test } from "bun:test";
import { sine, snrDb, toneShare } from "@switchboard/stand-ins/testing/signals";
import { Resampler } from "./resampler.ts";

function runInFrames(resampler: Resampler, input: Int16Array, frameIn: number, frameOut: number): Int16Array {
  const output = new Int16Array((input.length / frameIn) * frameOut);
  const frame = new Int16Array(frameOut);
  for (let start = 0; start < input.length; start += frameIn) {
    const written = resampler.process(input.subarray(start, start + frameIn), frame);
    expect(written).toBe(frameOut);
    output.set(frame, (start / frameIn) * frameOut);
  }
  return output;
}

describe("Resampler", () => {
  test("latencyMs is where an impulse comes out", () => {
    const up = new Resampler(8000, 16000, 160);
    try {
      const input = new Int16Array(160);
      input[0] = 20_000;
      const output = new Int16Array(320);
      up.process(input, output);
      let peak = 0;
      for (let index = 1; index < output.length; index++) if (output[index]! > output[peak]!) peak = index;
      const peakMs = (peak * 1000) / 16000;
      expect(up.latencyMs).toBeGreaterThan(0);
      expect(Math.abs(up.latencyMs - peakMs)).toBeLessThanOrEqual(1000 / 16000);
    } finally {
      up.destroy();
    }
  });

  test("a 1 kHz sine survives 8k -> 16k -> 8k with high SNR and exact frame sizes", () => {
    const up = new Resampler(8000, 16000, 160);
    const down = new Resampler(16000, 8000, 320);
    try {
      const original = sine(1000, 8000, 8000 * 2);
      const wide = runInFrames(up, original, 160, 320);
      expect(toneShare(wide.subarray(1600), 1000, 16000)).toBeGreaterThan(0.99);
      const back = runInFrames(down, wide, 320, 160);
      expect(snrDb(original, back, 64, 400)).toBeGreaterThan(30);
    } finally {
      up.destroy();
      down.destroy();
    }
  });

  test("48 kHz <-> 16 kHz keeps one frame out per frame in", () => {
    const down = new Resampler(48000, 16000, 960);
    const up = new Resampler(16000, 48000, 320);
    try {
      const original = sine(440, 48000, 48000);
      const narrow = runInFrames(down, original, 960, 320);
      const back = runInFrames(up, narrow, 320, 960);
      expect(snrDb(original, back, 256, 4800)).toBeGreaterThan(25);
    } finally {
      down.destroy();
      up.destroy();
    }
  });

  test("no sample dropping: a 3.5 kHz tone (above naive decimation's alias-free band) stays at 3.5 kHz", () => {
    const down = new Resampler(16000, 8000, 320);
    try {
      const narrow = runInFrames(down, sine(3500, 16000, 16000), 320, 160);
      expect(toneShare(narrow.subarray(800), 3500, 8000)).toBeGreaterThan(0.95);
    } finally {
      down.destroy();
    }
  });

  test("a destroyed resampler refuses work", () => {
    const resampler = new Resampler(8000, 16000, 160);
    resampler.destroy();
    resampler.destroy();
    expect(() => resampler.process(new Int16Array(160), new Int16Array(320))).toThrow("destroyed");
  });
});
