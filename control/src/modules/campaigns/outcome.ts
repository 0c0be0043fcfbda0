// What an attempt's call came to, as a lead outcome, and whether the campaign tries again.
import type { CampaignRetry, RetryOn } from "../../db/schema.ts";

/** An answered call waits this long after its end for its analysis to name the outcome. */
export const ANALYSIS_WAIT_MS = 10 * 60_000;

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

/** The call's analysis, when the campaign takes its outcome from it. */
export interface CallAnalysisResult {
  status: string;
  data: Record<string, unknown> | null;
}

/**
 * The lead's outcome for an answered human call when the campaign names an analysis field:
 * the field's value once the analysis completed; `answered` when it failed, lacks the field or
 * never came (after ANALYSIS_WAIT_MS); null while it may still come.
 */
export function analysisOutcome(
  field: string,
  analysis: CallAnalysisResult | null,
  endedAt: Date | null,
  now: Date,
): string | null {
  // The analysis row is written with the call's end: none means the agent analyses no calls.
  if (analysis === null) return "answered";
  if (analysis.status === "completed") {
    const value = analysis.data?.[field];
    return value === undefined || value === null || typeof value === "object" ? "answered" : String(value);
  }
  if (analysis.status === "failed") return "answered";
  return now.getTime() - (endedAt ?? now).getTime() >= ANALYSIS_WAIT_MS ? "answered" : null;
}

export function retries(retry: CampaignRetry, result: string, attempts: number): boolean {
  return retry.on.includes(result as RetryOn) && attempts < retry.max_attempts;
}
