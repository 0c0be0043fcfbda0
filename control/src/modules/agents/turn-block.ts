// The agent's `turn` block: a request may send any part of it, merged over the agent's; the
// merged block must still leave room between its bounds.
import type { TurnSettings } from "@switchboard/shared/agent";
import { ApiError } from "@switchboard/shared/errors";

export function checkedTurn(turn: TurnSettings): TurnSettings {
  if (turn.min_silence_ms > turn.max_silence_ms) {
    const detail = `turn.min_silence_ms (${turn.min_silence_ms}) is above turn.max_silence_ms (${turn.max_silence_ms}).`;
    throw new ApiError(422, "validation_failed", detail, [{ field: "turn.min_silence_ms", message: detail }]);
  }
  return turn;
}
