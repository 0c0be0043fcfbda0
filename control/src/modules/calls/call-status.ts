// The order a call's status moves in: queued, ringing, in progress, then one of the ends.
import type { CallStatus } from "@switchboard/shared/events";

const ENDED: ReadonlySet<CallStatus> = new Set(["completed", "busy", "no_answer", "failed", "canceled"]);

/** The statuses before an end, in the order a call moves through them; every end ranks after. */
export const STATUSES_BEFORE_END = ["queued", "ringing", "in_progress"] as const satisfies CallStatus[];

export function isTerminal(status: CallStatus): boolean {
  return ENDED.has(status);
}

/** Statuses only move forward; a late `ringing` after `in_progress` is ignored. */
export function rank(status: CallStatus): number {
  const index = (STATUSES_BEFORE_END as readonly CallStatus[]).indexOf(status);
  return index < 0 ? STATUSES_BEFORE_END.length : index;
}
