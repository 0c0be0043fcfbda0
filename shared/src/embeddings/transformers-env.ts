// @huggingface/transformers keeps where models come from in one process-wide `env`. Every
// model the platform loads (the embedder, local Whisper) sets it here, in one way: MODELS_DIR
// means local files only (nothing is fetched), otherwise the hub with a cache under DATA_DIR.
import type { env as TransformersEnv } from "@huggingface/transformers";

interface ModelSource {
  /** A local directory of models; set: nothing is downloaded. */
  modelsDir: string | null;
  /** Where downloaded models are kept when `modelsDir` is unset. */
  cacheDir: string | null;
}

export function applyModelSource(env: typeof TransformersEnv, source: ModelSource): void {
  if (source.modelsDir) {
    env.allowLocalModels = true;
    env.localModelPath = source.modelsDir.endsWith("/") ? source.modelsDir : `${source.modelsDir}/`;
    env.allowRemoteModels = false;
  } else {
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    if (source.cacheDir) env.cacheDir = source.cacheDir;
  }
}
