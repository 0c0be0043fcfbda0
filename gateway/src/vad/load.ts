import type { Logger } from "@switchboard/shared/logger";
import { EnergyVadEngine } from "./energy.ts";
import type { VadEngine } from "./engine.ts";
import { SileroVadEngine, type SileroVadOptions } from "./silero.ts";

/**
 * Silero (behind its silence gate unless `silenceGateDbfs: null`) when its model loads, else
 * the energy fallback (logged once).
 */
export async function loadVadEngine(
  logger: Logger | null = null,
  options: SileroVadOptions = {},
): Promise<VadEngine> {
  try {
    return await SileroVadEngine.load(options);
  } catch (error) {
    logger?.warn({ err: error }, "Silero VAD unavailable, using the energy VAD");
    return new EnergyVadEngine();
  }
}
