// SIP request counts by method and the final response the gateway gave. Methods outside the
// ones a gateway knows are "other": a scanner must not mint new series.
import { sipFloodBansTotal, sipRequestsTotal } from "./registry.ts";

const KNOWN_METHODS = new Set([
  "INVITE",
  "ACK",
  "BYE",
  "CANCEL",
  "OPTIONS",
  "REGISTER",
  "INFO",
  "REFER",
  "NOTIFY",
  "SUBSCRIBE",
  "UPDATE",
  "PRACK",
  "MESSAGE",
  "PUBLISH",
]);

/** One request got its final response (RFC 3261: 200-699). */
export function countSipFinalResponse(method: string, status: number): void {
  if (status < 200 || status > 699 || !Number.isInteger(status)) return;
  sipRequestsTotal.inc({ method: KNOWN_METHODS.has(method) ? method : "other", response: String(status) });
}

export function countSipFloodBan(): void {
  sipFloodBansTotal.inc();
}
