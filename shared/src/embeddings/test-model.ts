// Writes the tiny test embedding model (scripts/test-model.py) with Debian's python3-onnx.
// It loads through the same code path as a real model: only EMBEDDING_MODEL and MODELS_DIR differ.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Debian's python3-onnx is installed for the system interpreter, not any python3 on PATH. */
const SYSTEM_PYTHON = "/usr/bin/python3";
const GENERATOR = join(import.meta.dir, "..", "..", "..", "scripts", "test-model.py");

interface TestModel {
  embeddingModel: string;
  modelsDir: string;
}

export function writeTestModel(outDir: string, modelId?: string): TestModel {
  const args = [GENERATOR, outDir, ...(modelId ? [modelId] : [])];
  const result = spawnSync(SYSTEM_PYTHON, args, { encoding: "utf8" });
  if (result.error) throw new Error(`could not run ${SYSTEM_PYTHON}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `test-model.py failed (exit ${result.status}): ${result.stderr.trim()}\n` +
        "It needs Debian's python3-onnx: apt-get install python3-onnx",
    );
  }
  const printed = new Map<string, string>();
  for (const line of result.stdout.trim().split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) printed.set(line.slice(0, at), line.slice(at + 1));
  }
  const embeddingModel = printed.get("EMBEDDING_MODEL");
  const modelsDir = printed.get("MODELS_DIR");
  if (!embeddingModel || !modelsDir) throw new Error("test-model.py printed no model lines");
  return { embeddingModel, modelsDir };
}
