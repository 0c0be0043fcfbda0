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
}

export function turnPolicyOf(agent: Pick<Agent, "endpointing" | "turn">): TurnPolicy {
  const turn = agent.turn ?? AGENT_DEFAULTS.turn;
  const silenceMs = agent.endpointing.silence_ms;
  if (turn.mode === "fixed") {
    return { mode: "fixed", baseSilenceMs: silenceMs, minSilenceMs: silenceMs, maxSilenceMs: silenceMs };
  }
  const minSilenceMs = Math.min(turn.min_silence_ms, turn.max_silence_ms);
  const maxSilenceMs = Math.max(turn.min_silence_ms, turn.max_silence_ms);
  return {
    mode: turn.mode,
    baseSilenceMs: Math.min(maxSilenceMs, Math.max(minSilenceMs, silenceMs)),
    minSilenceMs,
    maxSilenceMs,
  };
}

/**
 * Deepgram's own endpointing (the silence before its speech_final): a fixed turn waits for it
 * as before; the other modes want the punctuated final soon after the caller stops, to weigh it.
 */
export function sttEndpointingMs(agent: Pick<Agent, "endpointing" | "turn">): number {
  const policy = turnPolicyOf(agent);
  return policy.mode === "fixed" ? policy.baseSilenceMs : Math.max(100, policy.minSilenceMs);
}

/** `model` without a loaded model (TURN_MODEL_PATH unset, missing or broken) decides as `adaptive`. */
export function callTurnPolicy(agent: Pick<Agent, "endpointing" | "turn">, modelLoaded: boolean): TurnPolicy {
  const policy = turnPolicyOf(agent);
  return policy.mode === "model" && !modelLoaded ? { ...policy, mode: "adaptive" } : policy;
}
