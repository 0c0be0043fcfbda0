// What an attempt's call came to, as a lead outcome, and whether the campaign tries again.
import type { CampaignRetry, RetryOn } from "../../db/schema.ts";

export interface FinishedCall {
  status: string;
  answeredAt: Date | null;
  endedAt: Date | null;
  /** The answering-machine verdict, when detection ran. */
  answeredBy?: string | null;
}

/** `answered`, `machine`, `busy`, `no_answer`, `failed` or `canceled`. */
export function attemptResult(call: FinishedCall): string {
  if (call.status === "completed") return call.answeredBy === "machine" ? "machine" : "answered";
  return call.status;
}

export function retries(retry: CampaignRetry, result: string, attempts: number): boolean {
  return retry.on.includes(result as RetryOn) && attempts < retry.max_attempts;
}
