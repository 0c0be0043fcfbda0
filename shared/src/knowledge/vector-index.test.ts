import { describe, expect, test } from "bun:test";
import { VectorIndex } from "./vector-index.ts";

function randomUnitVectors(count: number, dims: number, seed: number): Float32Array {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const out = new Float32Array(count * dims);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const value = next();
      out[row * dims + d] = value;
      norm += value * value;
    }
    for (let d = 0; d < dims; d++) out[row * dims + d]! /= Math.sqrt(norm);
  }
  return out;
}

const passages = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({ text: `${prefix} ${i}`, tokens: 10 }));

function bruteForce(vectors: Float32Array, dims: number, query: Float32Array, k: number): number[] {
  const scores = Array.from({ length: vectors.length / dims }, (_, row) => {
    let score = 0;
    for (let d = 0; d < dims; d++) score += vectors[row * dims + d]! * query[d]!;
    return { row, score };
  });
  return scores
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((entry) => entry.row);
}

describe("VectorIndex", () => {
  test("top-k equals a brute-force ranking, with scores in order", () => {
    const dims = 37;
    const vectors = randomUnitVectors(500, dims, 7);
    const index = new VectorIndex();
    index.setSource("ks_a", "A", passages(500, "a"), vectors);
    const query = randomUnitVectors(1, dims, 99);
    const hits = index.search(query, 8);
    expect(hits.map((hit) => hit.passage.text)).toEqual(
      bruteForce(vectors, dims, query, 8).map((row) => `a ${row}`),
    );
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(hits[0]!.passage.sourceId).toBe("ks_a");
    expect(hits[0]!.passage.title).toBe("A");
  });

  test("an exact match scores 1 and ranks first", () => {
    const vectors = randomUnitVectors(50, 16, 3);
    const index = new VectorIndex();
    index.setSource("ks_a", "A", passages(50, "a"), vectors);
    const hits = index.search(vectors.slice(16 * 21, 16 * 22), 3);
    expect(hits[0]!.passage.text).toBe("a 21");
    expect(hits[0]!.score).toBeCloseTo(1, 5);
  });

  test("limits the search to allowed sources; replaced and removed sources never answer", () => {
    const dims = 8;
    const index = new VectorIndex();
    index.setSource("ks_a", "A", passages(20, "a"), randomUnitVectors(20, dims, 1));
    index.setSource("ks_b", "B", passages(20, "b"), randomUnitVectors(20, dims, 2));
    const query = randomUnitVectors(1, dims, 5);
    expect(index.size).toBe(40);
    expect(index.search(query, 40, new Set(["ks_b"])).every((hit) => hit.passage.sourceId === "ks_b")).toBe(
      true,
    );
    expect(index.search(query, 40, new Set(["ks_b"]))).toHaveLength(20);

    index.setSource("ks_a", "A2", passages(3, "new"), randomUnitVectors(3, dims, 4));
    const texts = index.search(query, 100).map((hit) => hit.passage.text);
    expect(texts).toHaveLength(23);
    expect(texts.filter((text) => text.startsWith("a "))).toEqual([]);

    expect(index.removeSource("ks_a")).toBe(true);
    expect(index.search(query, 100).every((hit) => hit.passage.sourceId === "ks_b")).toBe(true);
    expect(index.removeSource("ks_a")).toBe(false);
    expect(index.has("ks_a")).toBe(false);
  });

  test("grows past its first allocation and rejects mismatched shapes", () => {
    const dims = 64;
    const index = new VectorIndex();
    for (let s = 0; s < 10; s++)
      index.setSource(`ks_${s}`, "S", passages(100, `s${s}`), randomUnitVectors(100, dims, s + 1));
    expect(index.size).toBe(1000);
    expect(index.search(randomUnitVectors(1, dims, 77), 5)).toHaveLength(5);
    expect(() => index.setSource("ks_x", "X", passages(2, "x"), new Float32Array(2 * 32))).toThrow(
      "dimensions",
    );
    expect(() => index.setSource("ks_y", "Y", passages(3, "y"), new Float32Array(10))).toThrow("rows");
    expect(index.search(new Float32Array(32), 5)).toEqual([]);
    expect(new VectorIndex().search(new Float32Array(4), 3)).toEqual([]);
  });
});
