// `npm run test-model -- DIR [MODEL_ID]`: writes the tiny test embedding model under DIR and
// prints the EMBEDDING_MODEL=... and MODELS_DIR=... lines that select it.
import { writeTestModel } from "../shared/src/embeddings/test-model.ts";

const [outDir, modelId] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: npm run test-model -- DIR [MODEL_ID]");
  process.exit(2);
}
const model = writeTestModel(outDir, modelId);
console.log(`EMBEDDING_MODEL=${model.embeddingModel}`);
console.log(`MODELS_DIR=${model.modelsDir}`);
