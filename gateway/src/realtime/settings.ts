// The agent's `realtime` block as this workspace reads it from the agent snapshot.
import type { Agent } from "@switchboard/shared/agent";
import type { RealtimeSettings } from "@switchboard/shared/realtime";

export type { RealtimeSettings, RealtimeUsage } from "@switchboard/shared/realtime";

/** The agent's realtime block, or null when its calls run on the turn pipeline. */
export function realtimeOf(agent: Agent): RealtimeSettings | null {
  return agent.realtime ?? null;
}
