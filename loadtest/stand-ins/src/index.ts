// Starts every stand-in on loopback (ephemeral ports) for tests and benchmarks. Gateway code
// never imports this: it reaches the stand-ins only through the *_BASE_URL settings.
import { startDeepgramStandIn } from "./deepgram.ts";
import { startElevenLabsStandIn } from "./elevenlabs.ts";
import { type Fault, type StandInService, StandInState } from "./faults.ts";
import { startOpenAiStandIn } from "./openai.ts";
import { type PartialScript, resolveScript, type StandInScript } from "./script.ts";

export type { Fault, StandInService } from "./faults.ts";
export type { PartialScript, StandInScript } from "./script.ts";

export interface StandInUrls {
  /** For OPENAI_BASE_URL. */
  openai: string;
  /** For DEEPGRAM_BASE_URL. */
  deepgram: string;
  /** For ELEVENLABS_BASE_URL. */
  elevenlabs: string;
}

export interface StandIns {
  urls: StandInUrls;
  /** The resolved script; tests may change fields between requests. */
  script: StandInScript;
  state: StandInState;
  failNext(service: StandInService, fault: Fault, count?: number): void;
  stop(): Promise<void>;
}

export function startStandIns(partial: PartialScript = {}): StandIns {
  const script = resolveScript(partial);
  const state = new StandInState();
  const openai = startOpenAiStandIn(script, state);
  const deepgram = startDeepgramStandIn(script, state);
  const elevenlabs = startElevenLabsStandIn(script, state);
  return {
    urls: {
      openai: `http://127.0.0.1:${openai.port}/v1`,
      deepgram: `ws://127.0.0.1:${deepgram.port}/v1`,
      elevenlabs: `http://127.0.0.1:${elevenlabs.port}/v1`,
    },
    script,
    state,
    failNext: (service, fault, count) => state.failNext(service, fault, count),
    async stop() {
      await Promise.all([openai.stop(true), deepgram.stop(true), elevenlabs.stop(true)]);
    },
  };
}
