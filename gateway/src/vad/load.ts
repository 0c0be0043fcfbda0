import type { Logger } from "@switchboard/shared/logger";
import { EnergyVadEngine } from "./energy.ts";
import type { VadEngine } from "./engine.ts";
import { SileroVadEngine } from "./silero.ts";

/** Silero when its model loads, else the energy fallback (logged once). */
export async function loadVadEngine(
  logger: Logger | null = null,
  options: { modelPath?: string } = {},
): Promise<VadEngine> {
  try {
    return await SileroVadEngine.load(options);
  } catch (error) {
    logger?.warn({ err: error }, "Silero VAD unavailable, using the energy VAD");
    return new EnergyVadEngine();
  }
}
