// The order a call's status moves in: queued, ringing, in progress, then one of the ends.
import type { CallStatus } from "@switchboard/shared/events";

const ENDED: ReadonlySet<CallStatus> = new Set(["completed", "busy", "no_answer", "failed", "canceled"]);

/**
 * The statuses before an end, in the order a call moves through them; every end ranks after.
 * Statuses only move forward: a late `ringing` after `in_progress` is ignored.
 */
export const STATUSES_BEFORE_END = ["queued", "ringing", "in_progress"] as const satisfies CallStatus[];

export function isTerminal(status: CallStatus): boolean {
  return ENDED.has(status);
}
