// Turning whatever a provider call threw into a ProviderError that says whether another try
// (or the next provider) may help. 4xx is final except 408 and 429 (brief, style rule 3).
import { isRetryableStatus, ProviderError } from "../types.ts";

export class ProviderAbortError extends Error {
  constructor() {
    super("aborted");
    this.name = "AbortError";
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof ProviderAbortError || (error instanceof Error && error.name === "AbortError");
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new ProviderAbortError();
}

function httpError(provider: string, status: number, detail: string): ProviderError {
  const trimmed = detail.length > 300 ? `${detail.slice(0, 300)}...` : detail;
  return new ProviderError(
    provider,
    `HTTP ${status}${trimmed ? `: ${trimmed}` : ""}`,
    isRetryableStatus(status),
    status,
  );
}

/** The error for a response that is not 2xx, with the message of an OpenAI-style error body. */
export async function responseError(provider: string, response: Response): Promise<ProviderError> {
  const text = await response.text().catch(() => "");
  let detail = text;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string };
    const message = typeof parsed.error === "string" ? parsed.error : parsed.error?.message;
    if (typeof message === "string") detail = message;
  } catch {
    // Not JSON: the body text is the detail.
  }
  return httpError(provider, response.status, detail);
}

export function toProviderError(provider: string, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // fetch/WebSocket failures (refused, reset, DNS) carry no status and are worth another try.
  return new ProviderError(provider, message, true);
}

export function timeoutError(provider: string, what: string, timeoutMs: number): ProviderError {
  return new ProviderError(provider, `${what} timed out after ${timeoutMs} ms`, true, 408);
}
