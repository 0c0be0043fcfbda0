// The end-of-turn model from TURN_MODEL_PATH (Smart Turn v3's ONNX weights, which the operator
// downloads). Without the file, or with one that does not load, agents in `model` mode decide
// as `adaptive`; that is logged once, here.
import { existsSync } from "node:fs";
import type { Logger } from "@switchboard/shared/logger";
import type { EndOfTurnModel } from "./end-of-turn-model.ts";
import { SmartTurnModel, type SmartTurnOptions } from "./smart-turn.ts";

export async function loadEndOfTurnModel(
  modelPath: string | null,
  logger: Logger | null = null,
  options: SmartTurnOptions = {},
): Promise<EndOfTurnModel | null> {
  if (!modelPath) return null;
  if (!existsSync(modelPath)) {
    logger?.warn(
      { path: modelPath },
      "TURN_MODEL_PATH does not exist; agents in model mode decide as adaptive",
    );
    return null;
  }
  try {
    const model = await SmartTurnModel.load(modelPath, options);
    logger?.info({ path: modelPath }, "end-of-turn model loaded");
    return model;
  } catch (error) {
    logger?.warn(
      { err: error, path: modelPath },
      "end-of-turn model failed to load; agents in model mode decide as adaptive",
    );
    return null;
  }
}
