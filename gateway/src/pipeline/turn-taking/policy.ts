// How one agent ends its callers' turns: the mode and the silence bounds, from its `turn` and
// `endpointing` settings.
import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";

export type TurnMode = "fixed" | "adaptive" | "model";

export interface TurnPolicy {
  mode: TurnMode;
  /** The wait with no evidence either way: `endpointing.silence_ms`, inside the bounds. */
  baseSilenceMs: number;
  minSilenceMs: number;
  maxSilenceMs: number;
  /** The transcript's words are weighed (English word lists); otherwise only its punctuation. */
  englishWords: boolean;
}

type TurnSettingsOf = Pick<Agent, "endpointing" | "turn"> & { stt?: Pick<Agent["stt"], "language"> };

export function turnPolicyOf(agent: TurnSettingsOf): TurnPolicy {
  const turn = agent.turn ?? AGENT_DEFAULTS.turn;
  const silenceMs = agent.endpointing.silence_ms;
  const englishWords = (agent.stt?.language ?? "en").toLowerCase().startsWith("en");
  if (turn.mode === "fixed") {
    return {
      mode: "fixed",
      baseSilenceMs: silenceMs,
      minSilenceMs: silenceMs,
      maxSilenceMs: silenceMs,
      englishWords,
    };
  }
  const minSilenceMs = Math.min(turn.min_silence_ms, turn.max_silence_ms);
  const maxSilenceMs = Math.max(turn.min_silence_ms, turn.max_silence_ms);
  return {
    mode: turn.mode,
    baseSilenceMs: Math.min(maxSilenceMs, Math.max(minSilenceMs, silenceMs)),
    minSilenceMs,
    maxSilenceMs,
    englishWords,
  };
}

/**
 * Deepgram's own endpointing (the silence before its speech_final): a fixed turn waits for it
 * as before; the other modes want the punctuated final soon after the caller stops, to weigh it.
 */
export function sttEndpointingMs(agent: TurnSettingsOf): number {
  const policy = turnPolicyOf(agent);
  return policy.mode === "fixed" ? policy.baseSilenceMs : Math.max(100, policy.minSilenceMs);
}

/** `model` without a loaded model (TURN_MODEL_PATH unset, missing or broken) decides as `adaptive`. */
export function callTurnPolicy(agent: TurnSettingsOf, modelLoaded: boolean): TurnPolicy {
  const policy = turnPolicyOf(agent);
  return policy.mode === "model" && !modelLoaded ? { ...policy, mode: "adaptive" } : policy;
}
