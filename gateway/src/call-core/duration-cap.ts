// The org's per-minute rate comes from CallDirectory.rates: what control publishes, resolved
// by the same rule control bills with.
import { affordableSeconds } from "@switchboard/shared/rates";

export { centsPerMinuteFor } from "@switchboard/shared/rates";

export interface DurationCap {
  /** Seconds after answer when the call is ended; null: no limit. */
  seconds: number | null;
  /** The hangup cause when the cap is reached. */
  cause: "max_duration" | "credits_exhausted";
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
  const affordableS = affordableSeconds(balanceCents, centsPerMinute);
  if (agentCapS !== null && agentCapS <= affordableS) return { seconds: agentCapS, cause: "max_duration" };
  return { seconds: affordableS, cause: "credits_exhausted" };
}
