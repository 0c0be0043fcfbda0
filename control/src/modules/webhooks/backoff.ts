const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Wait before retry n (after attempt n + 1 failed): about 3 days in all before giving up.
 * 5 s, 1 min, 5 min, 30 min, 1 h, 2 h, 4 h, 8 h, 12 h, 24 h, 24 h.
 */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5 * SECOND_MS,
  MINUTE_MS,
  5 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  4 * HOUR_MS,
  8 * HOUR_MS,
  12 * HOUR_MS,
  24 * HOUR_MS,
  24 * HOUR_MS,
];

/** Retry-After beyond this is capped so a receiver cannot park a delivery forever. */
const MAX_RETRY_AFTER_MS = 24 * HOUR_MS;

/** The delay before the next attempt, ±20 % jitter so a recovering receiver is not stampeded. */
export function retryDelayMs(
  scheduleMs: number[],
  failedAttempts: number,
  random = Math.random,
): number | null {
  const base = scheduleMs[failedAttempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * SECOND_MS, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS);
}
