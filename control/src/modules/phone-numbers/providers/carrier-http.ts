// One request to a carrier's REST API: a timeout, JSON back, and any refusal as a CarrierError
// carrying the carrier's own error code.
import { CarrierError } from "./types.ts";

const CARRIER_TIMEOUT_MS = 15_000;

function errorOf(carrier: string, status: number, body: unknown): CarrierError {
  const b = (body ?? {}) as {
    code?: number | string;
    message?: string;
    errors?: Array<{ code?: string; title?: string; detail?: string }>;
  };
  const first = b.errors?.[0];
  const code = String(b.code ?? first?.code ?? status);
  const message = b.message ?? first?.detail ?? first?.title ?? `${carrier} answered ${status}`;
  return new CarrierError(carrier, status, code, message);
}

export async function carrierRequest<T>(carrier: string, url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(CARRIER_TIMEOUT_MS) });
  } catch (error) {
    throw new CarrierError(carrier, 0, "unreachable", (error as Error).message);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw errorOf(carrier, response.status, body);
  return body as T;
}
