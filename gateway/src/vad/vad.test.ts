import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WavStreamReader } from "../providers/base/wav.ts";
import { EnergyVadEngine } from "./energy.ts";
import { VAD_WINDOW_SAMPLES, type VadEngine } from "./engine.ts";
import { loadVadEngine } from "./load.ts";
import { SileroVadEngine } from "./silero.ts";

const SAMPLE_RATE_HZ = 16_000;
let dir: string;
let speech: Int16Array;
let silero: SileroVadEngine;

function readWav(path: string): Int16Array {
  const reader = new WavStreamReader();
  const data = reader.push(new Uint8Array(readFileSync(path)));
  expect(reader.format).toMatchObject({ sampleRateHz: SAMPLE_RATE_HZ, channels: 1, bitsPerSample: 16 });
  return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + (data.byteLength & ~1)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vad-test-"));
  const wav = join(dir, "speech.wav");
  const flite = Bun.spawnSync([
    "flite",
    "-voice",
    "kal16",
    "-t",
    "hello there, I would like to book a table",
    "-o",
    wav,
  ]);
  expect(flite.exitCode).toBe(0);
  speech = readWav(wav);
  silero = await SileroVadEngine.load();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 1 s of silence, the speech, 1 s of silence. */
function silenceSpeechSilence(): { pcm: Int16Array; speechStart: number; speechEnd: number } {
  const pad = SAMPLE_RATE_HZ;
  const pcm = new Int16Array(pad + speech.length + pad);
  pcm.set(speech, pad);
  return { pcm, speechStart: pad, speechEnd: pad + speech.length };
}

function windows(pcm: Int16Array): Float32Array[] {
  const result: Float32Array[] = [];
  for (let offset = 0; offset + VAD_WINDOW_SAMPLES <= pcm.length; offset += VAD_WINDOW_SAMPLES) {
    const window = new Float32Array(VAD_WINDOW_SAMPLES);
    for (let i = 0; i < VAD_WINDOW_SAMPLES; i++) window[i] = pcm[offset + i]! / 32768;
    result.push(window);
  }
  return result;
}

/** Runs several streams side by side: all streams push one window per tick, as calls do. */
async function runStreams(engine: VadEngine, inputs: Float32Array[][]): Promise<number[][]> {
  const streams = inputs.map(() => engine.createStream());
  const results = inputs.map(() => [] as number[]);
  const longest = Math.max(...inputs.map((input) => input.length));
  for (let w = 0; w < longest; w++) {
    const pending: Promise<void>[] = [];
    inputs.forEach((input, s) => {
      const window = input[w];
      if (!window) return;
      pending.push(
        new Promise((resolve) => streams[s]!.push(window, (p) => resolve(void results[s]!.push(p)))),
      );
    });
    await Promise.all(pending);
  }
  for (const stream of streams) stream.close();
  return results;
}

function speechWindows(probabilities: number[]): number[] {
  return probabilities.flatMap((p, index) => (p >= 0.5 ? [index] : []));
}

describe("Silero VAD", () => {
  test("finds flite's speech between two seconds of silence", async () => {
    const { pcm, speechStart, speechEnd } = silenceSpeechSilence();
    const [probabilities] = await runStreams(silero, [windows(pcm)]);
    const voiced = speechWindows(probabilities!);
    const firstVoicedSample = voiced[0]! * VAD_WINDOW_SAMPLES;
    const lastVoicedSample = (voiced.at(-1)! + 1) * VAD_WINDOW_SAMPLES;
    expect(firstVoicedSample).toBeGreaterThanOrEqual(speechStart - 2 * VAD_WINDOW_SAMPLES);
    expect(firstVoicedSample).toBeLessThanOrEqual(speechStart + 0.3 * SAMPLE_RATE_HZ);
    expect(lastVoicedSample).toBeGreaterThanOrEqual(speechEnd - 0.4 * SAMPLE_RATE_HZ);
    expect(lastVoicedSample).toBeLessThanOrEqual(speechEnd + 0.3 * SAMPLE_RATE_HZ);
    // Most of the speech is voiced; the leading silence is not.
    const speechWindowCount = (speechEnd - speechStart) / VAD_WINDOW_SAMPLES;
    expect(voiced.length).toBeGreaterThan(speechWindowCount * 0.6);
    const leading = probabilities!.slice(0, Math.floor(speechStart / VAD_WINDOW_SAMPLES) - 2);
    expect(Math.max(...leading)).toBeLessThan(0.2);
  });

  test("a batch of streams gives the same probabilities as each stream alone", async () => {
    const { pcm } = silenceSpeechSilence();
    const shifted = new Int16Array(pcm.length);
    shifted.set(pcm.subarray(0, pcm.length - 8000), 8000);
    const inputs = [windows(pcm), windows(new Int16Array(pcm.length)), windows(shifted)];
    const runsBefore = silero.stats.runs;
    const batched = await runStreams(silero, inputs);
    const batchedRuns = silero.stats.runs - runsBefore;
    expect(batchedRuns).toBe(inputs[0]!.length);
    for (let s = 0; s < inputs.length; s++) {
      const [alone] = await runStreams(silero, [inputs[s]!]);
      expect(batched[s]!.length).toBe(alone!.length);
      for (let w = 0; w < alone!.length; w++) expect(batched[s]![w]!).toBeCloseTo(alone![w]!, 5);
    }
  });

  test("windows pushed before a result arrives wait their turn, in order", async () => {
    const { pcm } = silenceSpeechSilence();
    const input = windows(pcm);
    const [expected] = await runStreams(silero, [input]);
    const stream = silero.createStream();
    const got: number[] = [];
    await new Promise<void>((resolve) => {
      for (const [index, window] of input.entries()) {
        stream.push(window, (p) => {
          got.push(p);
          if (index === input.length - 1) resolve();
        });
      }
    });
    stream.close();
    expect(got.length).toBe(expected!.length);
    for (let w = 0; w < got.length; w++) expect(got[w]!).toBeCloseTo(expected![w]!, 5);
  });
});

describe("loading", () => {
  test("Silero loads from the package's weights; a missing model falls back to the energy VAD", async () => {
    expect((await loadVadEngine()).name).toBe("silero");
    expect((await loadVadEngine(null, { modelPath: join(dir, "missing.onnx") })).name).toBe("energy");
  });
});

describe("energy VAD", () => {
  test("marks the loud part as speech and silence as silence", async () => {
    const { pcm, speechStart, speechEnd } = silenceSpeechSilence();
    const [probabilities] = await runStreams(new EnergyVadEngine(), [windows(pcm)]);
    const voiced = speechWindows(probabilities!);
    expect(voiced.length).toBeGreaterThan(0);
    for (const index of voiced) {
      expect(index * VAD_WINDOW_SAMPLES).toBeGreaterThanOrEqual(speechStart - VAD_WINDOW_SAMPLES);
      expect(index * VAD_WINDOW_SAMPLES).toBeLessThanOrEqual(speechEnd);
    }
  });
});
