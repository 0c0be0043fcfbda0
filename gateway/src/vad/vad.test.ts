import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { g711Decode, g711Encode } from "../media/g711.ts";
import { Resampler } from "../media/resampler.ts";
import { DEFAULT_VAD_OPTIONS } from "../pipeline/processors/vad.ts";
import { WavStreamReader } from "../providers/base/wav.ts";
import { EnergyVadEngine } from "./energy.ts";
import { VAD_WINDOW_SAMPLES, type VadEngine } from "./engine.ts";
import { loadVadEngine } from "./load.ts";
import { SileroVadEngine } from "./silero.ts";

const SAMPLE_RATE_HZ = 16_000;
let dir: string;
let speech: Int16Array;
/** The gateway's default: Silero behind its silence gate. */
let silero: SileroVadEngine;
/** Silero on every window. */
let ungated: SileroVadEngine;

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
  ungated = await SileroVadEngine.load({ silenceGateDbfs: null });
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
    const runsBefore = ungated.stats.runs;
    const batched = await runStreams(ungated, inputs);
    const batchedRuns = ungated.stats.runs - runsBefore;
    expect(batchedRuns).toBe(inputs[0]!.length);
    for (let s = 0; s < inputs.length; s++) {
      const [alone] = await runStreams(ungated, [inputs[s]!]);
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
    const order: number[] = [];
    await new Promise<void>((resolve) => {
      for (const [index, window] of input.entries()) {
        stream.push(window, (p) => {
          got.push(p);
          order.push(index);
          if (index === input.length - 1) resolve();
        });
      }
    });
    stream.close();
    // Silent windows queued behind speech windows still wait for them.
    expect(order).toEqual(input.map((_, index) => index));
    expect(got.length).toBe(expected!.length);
    for (let w = 0; w < got.length; w++) expect(got[w]!).toBeCloseTo(expected![w]!, 5);
  });
});

/** Windows of all-zero samples, as a G.711 idle channel decodes. */
function isDigitalSilence(window: Float32Array): boolean {
  return window.every((sample) => sample === 0);
}

/**
 * Speech as the pipeline decides it ([first, last] window): it starts at a window of at least
 * startThreshold and stops at one under stopThreshold.
 */
function speechSegments(probabilities: number[]): [number, number][] {
  const { startThreshold, stopThreshold } = DEFAULT_VAD_OPTIONS;
  const segments: [number, number][] = [];
  let start: number | null = null;
  probabilities.forEach((p, index) => {
    if (start === null && p >= startThreshold) start = index;
    else if (start !== null && p < stopThreshold) {
      segments.push([start, index - 1]);
      start = null;
    }
  });
  if (start !== null) segments.push([start, probabilities.length - 1]);
  return segments;
}

function rms(window: Float32Array): number {
  return Math.sqrt(window.reduce((sum, sample) => sum + sample * sample, 0) / window.length);
}

describe("Silero's silence gate", () => {
  /** Speech, 2 s of digital silence, the same speech again, with 1 s of silence around. */
  function speechSilenceSpeech(): { pcm: Int16Array; secondStart: number } {
    const pad = SAMPLE_RATE_HZ;
    const gap = 2 * SAMPLE_RATE_HZ;
    // The second copy starts on a window boundary offset like the first, so both see the same windows.
    const secondStart =
      Math.ceil((pad + speech.length + gap) / VAD_WINDOW_SAMPLES) * VAD_WINDOW_SAMPLES + pad;
    const pcm = new Int16Array(secondStart + speech.length + pad);
    pcm.set(speech, pad);
    pcm.set(speech, secondStart);
    return { pcm, secondStart };
  }

  test("gives the ungated model's speech decisions, and finds the second utterance as the first", async () => {
    const { pcm, secondStart } = speechSilenceSpeech();
    const input = windows(pcm);
    const [gatedProbabilities] = await runStreams(silero, [input]);
    const [ungatedProbabilities] = await runStreams(ungated, [input]);
    const gated = speechSegments(gatedProbabilities!);
    expect(gated).toEqual(speechSegments(ungatedProbabilities!));
    const secondWindow = (secondStart - SAMPLE_RATE_HZ) / VAD_WINDOW_SAMPLES;
    const first = gated.filter(([start]) => start < secondWindow);
    const second = gated
      .filter(([start]) => start >= secondWindow)
      .map(([start, end]) => [start - secondWindow, end - secondWindow]);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  test("skips the model for digital silence once the model has settled", async () => {
    const { pcm } = speechSilenceSpeech();
    const input = windows(pcm);
    const silentCount = input.filter(isDigitalSilence).length;
    expect(silentCount).toBeGreaterThan(input.length / 3);
    const before = { ...silero.stats };
    const [probabilities] = await runStreams(silero, [input]);
    const skipped = silero.stats.skippedWindows - before.skippedWindows;
    expect(silero.stats.windows - before.windows).toBe(input.length - skipped);
    // All but the model's hangover (a few windows after each word) and the first windows.
    expect(skipped).toBeGreaterThan(silentCount - 16);
    // Skipped windows answer exactly 0, which the model itself never does here.
    const zeroWindows = input.filter((_, index) => probabilities![index] === 0);
    expect(zeroWindows.length).toBe(skipped);
    for (const window of zeroWindows) expect(rms(window)).toBeLessThan(0.0003);
    const ungatedBefore = { ...ungated.stats };
    await runStreams(ungated, [input]);
    expect(ungated.stats.windows - ungatedBefore.windows).toBe(input.length);
    expect(ungated.stats.skippedWindows).toBe(0);
  });
});

describe("Silero at 8 kHz for calls that came through G.711", () => {
  /** The speech as a SIP call brings it: 8 kHz G.711 (mu-law), back up to 16 kHz. */
  function throughG711(pcm: Int16Array): Int16Array {
    const down = new Resampler(16_000, 8_000, 320);
    const up = new Resampler(8_000, 16_000, 160);
    const out = new Int16Array(pcm.length);
    const narrow = new Int16Array(160);
    const coded = new Uint8Array(160);
    const wide = new Int16Array(320);
    for (let offset = 0; offset + 320 <= pcm.length; offset += 320) {
      down.process(pcm.subarray(offset, offset + 320), narrow);
      g711Encode("PCMU", narrow, coded, 0, 160);
      g711Decode("PCMU", coded, 0, 160, narrow);
      up.process(narrow, wide);
      out.set(wide, offset);
    }
    down.destroy();
    up.destroy();
    return out;
  }

  async function runNarrowband(engine: SileroVadEngine, input: Float32Array[]): Promise<number[]> {
    const stream = engine.createStream({ narrowband: true });
    const results: number[] = [];
    for (const window of input) {
      await new Promise<void>((resolve) => stream.push(window, (p) => resolve(void results.push(p))));
    }
    stream.close();
    return results;
  }

  test("finds the same speech as the 16 kHz model, within a window at each end", async () => {
    const { pcm } = silenceSpeechSilence();
    const input = windows(throughG711(pcm));
    const [wideband] = await runStreams(ungated, [input]);
    const narrowband = await runNarrowband(ungated, input);
    const wide = speechSegments(wideband!);
    const narrow = speechSegments(narrowband);
    expect(narrow.length).toBeGreaterThan(0);
    expect(Math.abs(narrow[0]![0] - wide[0]![0])).toBeLessThanOrEqual(1);
    expect(Math.abs(narrow.at(-1)![1] - wide.at(-1)![1])).toBeLessThanOrEqual(1);
    // Silence stays silence at 8 kHz too.
    expect(Math.max(...narrowband.slice(0, 25))).toBeLessThan(0.2);
  });

  test("8 and 16 kHz streams in one engine each get what they get alone", async () => {
    const { pcm } = silenceSpeechSilence();
    const input = windows(throughG711(pcm));
    const aloneNarrow = await runNarrowband(silero, input);
    const [aloneWide] = await runStreams(silero, [input]);
    const narrowStream = silero.createStream({ narrowband: true });
    const wideStream = silero.createStream();
    const together: [number[], number[]] = [[], []];
    for (const window of input) {
      await Promise.all([
        new Promise<void>((resolve) => narrowStream.push(window, (p) => resolve(void together[0].push(p)))),
        new Promise<void>((resolve) => wideStream.push(window, (p) => resolve(void together[1].push(p)))),
      ]);
    }
    narrowStream.close();
    wideStream.close();
    expect(together[0].map((p) => p.toFixed(4))).toEqual(aloneNarrow.map((p) => p.toFixed(4)));
    expect(together[1].map((p) => p.toFixed(4))).toEqual(aloneWide!.map((p) => p.toFixed(4)));
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
