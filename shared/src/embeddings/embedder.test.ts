import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Embedder, EmbeddingModelError, loadEmbedder } from "./embedder.ts";
import { writeTestModel } from "./test-model.ts";
import { packVectors, unpackVectors } from "./vectors.ts";

let dir: string;
let embedder: Embedder;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sb-embedder-"));
  const model = writeTestModel(dir);
  embedder = await loadEmbedder({ model: model.embeddingModel, modelsDir: model.modelsDir, cacheDir: dir });
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

describe("embedder with the generated test model", () => {
  test("gives unit-length vectors of the model's hidden size", async () => {
    const [a, b] = await embedder.embed([
      "Refunds are available within 30 days.",
      "The store opens at nine.",
    ]);
    expect(embedder.dimensions).toBe(32);
    expect(a!.length).toBe(32);
    expect(Math.abs(dot(a!, a!) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(dot(b!, b!) - 1)).toBeLessThan(1e-5);
  });

  test("texts that share words are closer than texts that do not", async () => {
    const [query, refunds, hours] = await embedder.embed([
      "can i get a refund for my purchase",
      "Refunds are available within 30 days of purchase.",
      "Our store opens at 9 on Monday morning.",
    ]);
    expect(dot(query!, refunds!)).toBeGreaterThan(dot(query!, hours!) + 0.2);
  });

  test("batches give the same vectors as single calls", async () => {
    const texts = Array.from(
      { length: 20 },
      (_, i) => `order ${i} shipping to the airport hotel ${"room ".repeat(i)}`,
    );
    const batched = await embedder.embed(texts);
    const single = await embedder.embedOne(texts[17]!);
    expect(dot(batched[17]!, single)).toBeCloseTo(1, 5);
  });

  test("counts tokens with the model's tokenizer", () => {
    expect(embedder.countTokens("refund policy")).toBe(4);
    expect(embedder.maxTokens).toBe(512);
  });

  test("a missing model is a clear error naming the directory", async () => {
    const missing = loadEmbedder({ model: "nobody/no-such-model", modelsDir: dir, cacheDir: dir });
    await expect(missing).rejects.toBeInstanceOf(EmbeddingModelError);
    await expect(missing).rejects.toThrow(`MODELS_DIR=${dir}`);
  });

  test("vectors survive packing to bytes and back", async () => {
    const vectors = await embedder.embed(["one", "two", "three"]);
    const unpacked = unpackVectors(packVectors(vectors, 32));
    expect(unpacked.length).toBe(96);
    expect(Array.from(unpacked.subarray(32, 64))).toEqual(Array.from(vectors[1]!));
    expect(() => packVectors([new Float32Array(3)], 32)).toThrow("expected 32");
  });
});
