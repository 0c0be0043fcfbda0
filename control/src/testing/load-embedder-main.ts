// For the heavy-module guard's own test: loads an embedder as control's knowledge worker does
// (the model itself is missing; importing the runtime is what counts).
import { EmbeddingModelError, loadEmbedder } from "@switchboard/shared/embeddings/embedder";

try {
  await loadEmbedder({ model: "missing/model", modelsDir: "/nonexistent", cacheDir: "/nonexistent" });
} catch (error) {
  if (!(error instanceof EmbeddingModelError)) throw error;
}
