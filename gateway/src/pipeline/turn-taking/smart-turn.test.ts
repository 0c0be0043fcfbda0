// The end-of-turn model on a tiny generated ONNX model of Smart Turn v3's signature.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WhisperFeatureExtractor } from "@huggingface/transformers";
import { loadEndOfTurnModel } from "./load-turn-model.ts";
import { SmartTurnModel } from "./smart-turn.ts";
import { writeTestTurnModel } from "./testing/turn-model.ts";
import { FRAMES, MELS, WhisperFeatures } from "./whisper-features.ts";

const SCALE = 1.5;
const BIAS = 0.5;
let dir: string;
let modelPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "turn-model-"));
  modelPath = writeTestTurnModel(join(dir, "smart-turn-test.onnx"), SCALE, BIAS);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tone(seconds: number, amplitude: number): Float32Array {
  const audio = new Float32Array(Math.round(seconds * 16_000));
  for (let i = 0; i < audio.length; i++) audio[i] = amplitude * Math.sin((2 * Math.PI * 180 * i) / 16_000);
  return audio;
}

/** What the generated graph computes, from the same features, in plain arithmetic. */
async function expectedProbability(audio: Float32Array): Promise<number> {
  const extractor = new WhisperFeatureExtractor({
    feature_size: MELS,
    sampling_rate: 16_000,
    hop_length: 160,
    n_fft: 400,
  } as never) as unknown as { config: { mel_filters: number[][] } };
  const features = await WhisperFeatures.create(extractor.config.mel_filters);
  const out = new Float32Array(MELS * FRAMES);
  features.compute(audio, out);
  const mean = out.reduce((sum, x) => sum + x, 0) / out.length;
  return 1 / (1 + Math.exp(-(SCALE * mean + BIAS)));
}

describe("SmartTurnModel", () => {
  test("loads a model of Smart Turn v3's signature and answers its probability from the audio's log-mel", async () => {
    const model = await SmartTurnModel.load(modelPath);
    for (const audio of [tone(1.2, 0.4), tone(6, 0.05)]) {
      expect(await model.predict(audio)).toBeCloseTo(await expectedProbability(audio), 4);
    }
    const short = await model.predict(tone(0.4, 0.4));
    const long = await model.predict(tone(7, 0.4));
    expect(short).not.toBeCloseTo(long, 3);
  });

  test("predictions asked for in one tick share one batched run and equal separate runs", async () => {
    const model = await SmartTurnModel.load(modelPath);
    const audios = [tone(0.5, 0.3), tone(2, 0.1), tone(3.5, 0.6), tone(8.5, 0.2)];
    const separate: number[] = [];
    for (const audio of audios) separate.push(await model.predict(audio));
    expect(model.stats.runs).toBe(4);
    const batched = await Promise.all(audios.map((audio) => model.predict(audio)));
    expect(model.stats.runs).toBe(5);
    expect(model.stats.predictions).toBe(8);
    for (const [index, probability] of batched.entries())
      expect(probability).toBeCloseTo(separate[index]!, 5);
  });

  test("the loader answers null for a missing or broken file, so model mode falls back to adaptive", async () => {
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message: string) => warnings.push(message), info: () => {} };
    expect(await loadEndOfTurnModel(join(dir, "absent.onnx"), logger as never)).toBeNull();
    const broken = join(dir, "broken.onnx");
    writeFileSync(broken, "not a model");
    expect(await loadEndOfTurnModel(broken, logger as never)).toBeNull();
    expect(await loadEndOfTurnModel(null, logger as never)).toBeNull();
    expect(warnings).toHaveLength(2);
    expect((await loadEndOfTurnModel(modelPath, logger as never))?.name).toBe("smart-turn");
  });
});
