// The order a call's status moves in: queued, ringing, in progress, then one of the ends.
import type { CallStatus } from "@switchboard/shared/events";

const ENDED: ReadonlySet<CallStatus> = new Set(["completed", "busy", "no_answer", "failed", "canceled"]);

export function isTerminal(status: CallStatus): boolean {
  return ENDED.has(status);
}

/** Statuses only move forward; a late `ringing` after `in_progress` is ignored. */
export function rank(status: CallStatus): number {
  if (status === "queued") return 0;
  if (status === "ringing") return 1;
  if (status === "in_progress") return 2;
  return 3;
}
