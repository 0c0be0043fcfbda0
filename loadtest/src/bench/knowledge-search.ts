// Knowledge retrieval cost in the gateway: exact top-k cosine search over 10,000 chunks
// (384 dimensions, the size of all-MiniLM-L6-v2) on one core, and the time to embed a caller's
// turn with the local model.
//
//   bun loadtest/src/bench/knowledge-search.ts [chunks=10000] [dims=384] [queries=2000]
//
// Embedding uses the tiny generated test model unless EMBEDDING_MODEL (and MODELS_DIR) name a
// real one, e.g. on a connected machine: EMBEDDING_MODEL=Xenova/all-MiniLM-L6-v2 (downloaded
// once into DATA_DIR/models), or offline with MODELS_DIR pointing at a copy of it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEmbedder } from "@switchboard/shared/embeddings/embedder";
import { writeTestModel } from "@switchboard/shared/embeddings/test-model";
import { VectorIndex } from "@switchboard/shared/knowledge/vector-index";

const chunkCount = Number(process.argv[2] ?? 10_000);
const dims = Number(process.argv[3] ?? 384);
const queryCount = Number(process.argv[4] ?? 2000);
const topK = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(samplesMs: number[]): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return `p50 ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms, mean ${mean.toFixed(3)} ms`;
}

let seed = 12345;
function unitVectors(count: number): Float32Array {
  const out = new Float32Array(count * dims);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const value = seed / 2 ** 32 - 0.5;
      out[row * dims + d] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let d = 0; d < dims; d++) out[row * dims + d]! *= scale;
  }
  return out;
}

// 100 sources of 100 chunks, as a mid-sized org would have.
const index = new VectorIndex();
const perSource = Math.max(1, Math.floor(chunkCount / 100));
for (let start = 0, source = 0; start < chunkCount; start += perSource, source++) {
  const rows = Math.min(perSource, chunkCount - start);
  const passages = Array.from({ length: rows }, (_, i) => ({ text: `chunk ${start + i}`, tokens: 120 }));
  index.setSource(`ks_${source}`, `Source ${source}`, passages, unitVectors(rows));
}
const queries = unitVectors(queryCount);
const query = (i: number) => queries.subarray(i * dims, (i + 1) * dims);
const selected = new Set(Array.from({ length: 20 }, (_, i) => `ks_${i * 5}`));

/** Wall-clock samples, plus CPU time per search (what the search costs when other work shares the core). */
function timeSearches(allowed: ReadonlySet<string> | null): string {
  for (let i = 0; i < 200; i++) index.search(query(i % queryCount), topK, allowed);
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < queryCount; i++) {
    const startedAt = performance.now();
    index.search(query(i), topK, allowed);
    samples.push(performance.now() - startedAt);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerSearch = (cpu.user + cpu.system) / 1000 / queryCount;
  return `${summary(samples)}, cpu ${cpuMsPerSearch.toFixed(3)} ms/search`;
}

console.log(
  `knowledge search: ${index.size} chunks x ${dims} dims, top-${topK}, ${queryCount} queries, one thread`,
);
console.log(`  all sources:            ${timeSearches(null)}`);
console.log(`  20 selected sources:    ${timeSearches(selected)}`);

const tempDir = process.env.EMBEDDING_MODEL ? null : mkdtempSync(join(tmpdir(), "sb-bench-model-"));
const model = tempDir
  ? writeTestModel(tempDir)
  : { embeddingModel: process.env.EMBEDDING_MODEL!, modelsDir: process.env.MODELS_DIR ?? null };
const loadStart = performance.now();
const embedder = await loadEmbedder({
  model: model.embeddingModel,
  modelsDir: model.modelsDir,
  cacheDir: join(process.env.DATA_DIR ?? "./data", "models"),
});
const loadMs = performance.now() - loadStart;
const turns = [
  "can I get a refund for something I bought last week",
  "what time does the store open on sunday",
  "is parking free in the evening",
  "I would like to book a table for two people tomorrow evening",
  "how long does international shipping take to europe",
];
for (let i = 0; i < 20; i++) await embedder.embedOne(turns[i % turns.length]!);
const embedSamples: number[] = [];
for (let i = 0; i < 500; i++) {
  const startedAt = performance.now();
  await embedder.embedOne(turns[i % turns.length]!);
  embedSamples.push(performance.now() - startedAt);
}
console.log(
  `embedding one turn with ${model.embeddingModel} (${embedder.dimensions} dims, loaded in ${loadMs.toFixed(0)} ms):`,
);
console.log(`  ${summary(embedSamples)}`);
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
