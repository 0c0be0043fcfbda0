import type { Config } from "@switchboard/shared/config";
import type { CallDirection } from "@switchboard/shared/events";

export interface DurationCap {
  /** Seconds after answer when the call is ended; null: no limit. */
  seconds: number | null;
  /** The hangup cause when the cap is reached. */
  cause: "max_duration" | "credits_exhausted";
}

export function centsPerMinuteFor(
  config: Pick<Config, "inboundCentsPerMinute" | "outboundCentsPerMinute" | "webCentsPerMinute">,
  direction: CallDirection,
): number {
  if (direction === "outbound") return config.outboundCentsPerMinute;
  if (direction === "web") return config.webCentsPerMinute;
  return config.inboundCentsPerMinute;
}

/**
 * The longest a call may last: the agent's `max_duration_s`, and no longer than the org's
 * balance pays for at the call's per-second rate (control bills per second, rounding up to
 * the cent). An unknown balance (control has not published one) caps nothing.
 */
export function durationCap(
  agentMaxDurationS: number,
  balanceCents: number | null,
  centsPerMinute: number,
): DurationCap {
  const agentCapS = agentMaxDurationS > 0 ? agentMaxDurationS : null;
  if (balanceCents === null || centsPerMinute <= 0) return { seconds: agentCapS, cause: "max_duration" };
  const affordableS = Math.max(0, Math.floor((balanceCents * 60) / centsPerMinute));
  if (agentCapS !== null && agentCapS <= affordableS) return { seconds: agentCapS, cause: "max_duration" };
  return { seconds: affordableS, cause: "credits_exhausted" };
}
