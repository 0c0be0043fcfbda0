// Local sentence embeddings with @huggingface/transformers: the feature-extraction pipeline,
// mean pooling over the attention mask, L2-normalized (so a dot product is the cosine).
// Control embeds chunks at ingest, gateways embed each caller turn: both load through here.
//
// Where models come from:
// - MODELS_DIR set: only that directory is read (`MODELS_DIR/<EMBEDDING_MODEL>/config.json,
//   tokenizer.json, onnx/model.onnx`); nothing is fetched, and a missing model is a clear error.
// - MODELS_DIR unset: the model is fetched once from the Hugging Face hub into
//   DATA_DIR/models and read from there on every later start (also offline).
//
// @huggingface/transformers (and onnxruntime-node under it) is imported on the first load, so a
// process that never embeds (control without knowledge traffic) never loads the runtime.
import { join } from "node:path";
import { applyModelSource } from "./transformers-env.ts";

export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Unit-length vectors, one per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  embedOne(text: string): Promise<Float32Array>;
  /** Tokens the model sees for `text` (special tokens included), for sizing chunks. */
  countTokens(text: string): number;
  /** Longest input the model takes; longer input is truncated. */
  readonly maxTokens: number;
}

interface EmbedderOptions {
  /** Hub id or a folder name under `modelsDir`, e.g. `Xenova/all-MiniLM-L6-v2`. */
  model: string;
  modelsDir: string | null;
  /** Download cache when `modelsDir` is null. */
  cacheDir: string;
}

export class EmbeddingModelError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingModelError";
  }
}

interface PooledTensor {
  dims: number[];
  data: Float32Array;
}

interface FeatureExtractor {
  (texts: string[], options: { pooling: "mean"; normalize: boolean }): Promise<PooledTensor>;
  tokenizer: {
    encode(text: string): number[];
    model_max_length?: number;
  };
  dispose(): Promise<void>;
}

/** Texts per model run: bounds the padded batch so one long chunk does not pad 100 short ones. */
const BATCH_SIZE = 16;
const DEFAULT_MAX_TOKENS = 512;

class TransformersEmbedder implements Embedder {
  readonly maxTokens: number;

  constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly extractor: FeatureExtractor,
  ) {
    const declared = extractor.tokenizer.model_max_length;
    this.maxTokens =
      typeof declared === "number" && declared > 0 && declared < 100_000 ? declared : DEFAULT_MAX_TOKENS;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += BATCH_SIZE) {
      const batch = texts.slice(start, start + BATCH_SIZE);
      const output = await this.extractor(batch, { pooling: "mean", normalize: true });
      for (let row = 0; row < batch.length; row++) {
        vectors.push(output.data.slice(row * this.dimensions, (row + 1) * this.dimensions));
      }
    }
    return vectors;
  }

  async embedOne(text: string): Promise<Float32Array> {
    const [vector] = await this.embed([text]);
    return vector!;
  }

  countTokens(text: string): number {
    return this.extractor.tokenizer.encode(text).length;
  }
}

// transformers.js keeps its model locations in one global `env`: loads are serialized so two
// different configurations never interleave, and each configuration is loaded once per process.
const loaded = new Map<string, Promise<Embedder>>();
let loadQueue: Promise<unknown> = Promise.resolve();

export function loadEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const key = JSON.stringify([options.model, options.modelsDir, options.cacheDir]);
  let embedder = loaded.get(key);
  if (!embedder) {
    embedder = loadQueue.then(() => loadNow(options));
    loadQueue = embedder.catch(() => undefined);
    loaded.set(key, embedder);
    embedder.catch(() => loaded.delete(key));
  }
  return embedder;
}

/** The embedder for the process configuration (EMBEDDING_MODEL, MODELS_DIR, DATA_DIR). */
export function embedderFromConfig(config: {
  embeddingModel: string;
  modelsDir: string | null;
  dataDir: string;
}): Promise<Embedder> {
  return loadEmbedder({
    model: config.embeddingModel,
    modelsDir: config.modelsDir,
    cacheDir: join(config.dataDir, "models"),
  });
}

async function loadNow(options: EmbedderOptions): Promise<Embedder> {
  const { env, pipeline } = await import("@huggingface/transformers");
  applyModelSource(env, { modelsDir: options.modelsDir, cacheDir: options.cacheDir });
  let extractor: FeatureExtractor;
  try {
    extractor = (await pipeline("feature-extraction", options.model, {
      dtype: "fp32",
    })) as unknown as FeatureExtractor;
  } catch (error) {
    const where = options.modelsDir
      ? `in MODELS_DIR=${options.modelsDir} (expected ${join(options.modelsDir, options.model)}/config.json, ` +
        "tokenizer.json and onnx/model.onnx; unset MODELS_DIR to download it once, or run " +
        "`npm run test-model -- DIR` for the tiny test model)"
      : `from the Hugging Face hub into ${options.cacheDir} (no network? download it on a connected ` +
        "machine and point MODELS_DIR at it)";
    throw new EmbeddingModelError(
      `Embedding model ${JSON.stringify(options.model)} could not be loaded ${where}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const probe = await extractor(["probe"], { pooling: "mean", normalize: true });
  const dimensions = probe.dims[probe.dims.length - 1];
  if (!dimensions || probe.dims.length !== 2) {
    throw new EmbeddingModelError(
      `Embedding model ${JSON.stringify(options.model)} gave output of shape [${probe.dims.join(", ")}]; ` +
        "a feature-extraction model with last_hidden_state [batch, seq, hidden] is expected",
    );
  }
  return new TransformersEmbedder(options.model, dimensions, extractor);
}
