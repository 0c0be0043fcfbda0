// Writes the tiny end-of-turn test model (write-turn-model.py) with Debian's python3-onnx, as
// the embedding tests write theirs: it loads through the same code as Smart Turn v3's weights.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Debian's python3-onnx is installed for the system interpreter, not any python3 on PATH. */
const SYSTEM_PYTHON = "/usr/bin/python3";
const GENERATOR = join(import.meta.dir, "write-turn-model.py");

/** The model answers sigmoid(scale * mean(log-mel features) + bias) for each call in a batch. */
export function writeTestTurnModel(outPath: string, scale: number, bias: number): string {
  const result = spawnSync(SYSTEM_PYTHON, [GENERATOR, outPath, String(scale), String(bias)], {
    encoding: "utf8",
  });
  if (result.error) throw new Error(`could not run ${SYSTEM_PYTHON}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `write-turn-model.py failed (exit ${result.status}): ${result.stderr.trim()}\n` +
        "It needs Debian's python3-onnx: apt-get install python3-onnx",
    );
  }
  return outPath;
}
