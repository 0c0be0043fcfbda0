// The agent's `realtime` block on PATCH: fields sent merge over the agent's block, null
// removes it (the agent goes back to the pipeline), and what results must be a whole block.
import type { Agent } from "@switchboard/shared/agent";
import { ApiError } from "@switchboard/shared/errors";
import { type RealtimeSettings, realtimeSettingsProblems } from "@switchboard/shared/realtime";

export function mergedRealtime(
  current: Agent["realtime"],
  patch: Partial<RealtimeSettings> | null | undefined,
): RealtimeSettings | null {
  if (patch === undefined) return current ?? null;
  if (patch === null) return null;
  const merged = { ...current, ...patch };
  const problems = realtimeSettingsProblems(merged);
  if (problems.length === 0) return merged as RealtimeSettings;
  throw new ApiError(
    422,
    "validation_failed",
    current
      ? "The realtime block is not valid after the change."
      : "A new realtime block needs provider, model and voice.",
    problems,
  );
}
