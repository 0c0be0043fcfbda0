import { describe, expect, test } from "bun:test";
import { SAMPLES_PER_FRAME } from "../audio-format.ts";
import { EchoEstimator } from "./echo-estimator.ts";

/** Speech-like audio: a voiced tone whose level follows syllables of varying length and pauses. */
function syllables(seconds: number, seed: number, pitchHz: number, maxPauseS = 0.28): Int16Array {
  const pcm = new Int16Array(seconds * 16_000);
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  let at = 0;
  while (at < pcm.length) {
    const syllable = Math.round((0.08 + 0.2 * random()) * 16_000);
    const pause = Math.round((0.03 + (maxPauseS - 0.03) * random()) * 16_000);
    const level = 3000 + 9000 * random();
    for (let i = 0; i < syllable && at + i < pcm.length; i++) {
      const envelope = Math.sin((Math.PI * i) / syllable);
      const t = (at + i) / 16_000;
      pcm[at + i] = Math.round(
        level * envelope * (Math.sin(2 * Math.PI * pitchHz * t) + 0.4 * Math.sin(6 * Math.PI * pitchHz * t)),
      );
    }
    at += syllable + pause;
  }
  return pcm;
}

function echoOf(reference: Int16Array, delayMs: number, gainDb: number): Int16Array {
  const delay = (delayMs * 16_000) / 1000;
  const gain = 10 ** (gainDb / 20);
  const out = new Int16Array(reference.length);
  for (let i = delay; i < reference.length; i++) out[i] = Math.round(reference[i - delay]! * gain);
  return out;
}

function mix(a: Int16Array, b: Int16Array): Int16Array {
  const out = new Int16Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Math.max(-32768, Math.min(32767, a[i]! + b[i]!));
  return out;
}

/** Residual ms per 20 ms frame, in order. */
function run(estimator: EchoEstimator, mic: Int16Array, reference: Int16Array): number[] {
  const residual: number[] = [];
  for (let at = 0; at + SAMPLES_PER_FRAME <= mic.length; at += SAMPLES_PER_FRAME) {
    residual.push(
      estimator.analyse(
        mic.subarray(at, at + SAMPLES_PER_FRAME),
        reference.subarray(at, at + SAMPLES_PER_FRAME),
      ),
    );
  }
  return residual;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe("echo estimator", () => {
  for (const [delayMs, gainDb] of [
    [60, -10],
    [240, -6],
    [420, -20],
  ] as const) {
    test(`finds an echo path of ${delayMs} ms at ${gainDb} dB and explains the echo away`, () => {
      const agent = syllables(6, 7, 140);
      const estimator = new EchoEstimator();
      const residual = run(estimator, echoOf(agent, delayMs, gainDb), agent);
      expect(estimator.delayMs).not.toBeNull();
      expect(Math.abs(estimator.delayMs! - delayMs)).toBeLessThanOrEqual(10);
      expect(Math.abs(estimator.echoGainDb - gainDb)).toBeLessThanOrEqual(3);
      // After the first second, none of the echo is taken for the caller's speech.
      expect(sum(residual.slice(50))).toBeLessThanOrEqual(40);
    });
  }

  test.each([
    ["pauses up to 280 ms", 0.28],
    ["fast speech, pauses up to 50 ms", 0.05],
  ])(
    "the caller's own speech over the echo is residual, and the path holds during double talk (%s)",
    (_, maxPauseS) => {
      const agent = syllables(8, 11, 140, maxPauseS);
      const caller = syllables(8, 23, 210, maxPauseS);
      // The caller speaks from 3 s to 6 s.
      caller.fill(0, 0, 3 * 16_000);
      caller.fill(0, 6 * 16_000);
      const estimator = new EchoEstimator();
      const residual = run(estimator, mix(echoOf(agent, 60, -10), caller), agent);
      const during = sum(residual.slice(150, 300));
      const after = sum(residual.slice(310));
      expect(during).toBeGreaterThan(1000);
      // Stray blocks at most, far from min_speech_ms (250 ms) of the caller's own speech.
      expect(after).toBeLessThanOrEqual(100);
      expect(Math.abs(estimator.delayMs! - 60)).toBeLessThanOrEqual(10);
    },
  );

  test("with no echo at all, every word of the caller's counts", () => {
    const agent = syllables(4, 5, 140);
    const caller = syllables(4, 9, 210);
    const estimator = new EchoEstimator();
    run(estimator, new Int16Array(agent.length), agent);
    const residual = sum(run(estimator, caller, agent));
    let voicedBlocks = 0;
    for (let at = 0; at + 160 <= caller.length; at += 160) {
      let power = 0;
      for (let i = at; i < at + 160; i++) power += (caller[i]! / 32768) ** 2;
      if (power / 160 >= 10 ** -4.5) voicedBlocks++;
    }
    expect(residual).toBeGreaterThanOrEqual(voicedBlocks * 10 * 0.9);
  });

  test("costs a few microseconds of CPU per 20 ms frame", () => {
    const agent = syllables(20, 3, 140);
    const mic = mix(echoOf(agent, 60, -10), syllables(20, 4, 210));
    const estimator = new EchoEstimator();
    const started = process.cpuUsage();
    run(estimator, mic, agent);
    const used = process.cpuUsage(started);
    const frames = agent.length / SAMPLES_PER_FRAME;
    const microsecondsPerFrame = (used.user + used.system) / frames;
    console.log(
      `echo estimator: ${microsecondsPerFrame.toFixed(1)} us CPU per 20 ms frame (${frames} frames)`,
    );
    // A loose bound on a shared machine: a frame's budget is 20,000 us.
    expect(microsecondsPerFrame).toBeLessThan(500);
  });
});
