import type { Config } from "@switchboard/shared/config";
import { guardedFetch, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { signatureHeader } from "@switchboard/shared/secrets/webhook-signature";
import type { Database } from "../../db/client.ts";
import { runProcedure } from "../../db/procedure.ts";
import { countWebhookAttempt } from "../../metrics/registry.ts";
import { parseRetryAfterMs, retryDelayMs } from "./backoff.ts";
import {
  type AttemptRecord,
  type DeliveryRow,
  type EndpointRow,
  recordDeliveryAttempts,
} from "./delivery-procedures.ts";

export type { DeliveryRow, EndpointRow };

export const DEFAULT_DELIVERY_TIMEOUT_MS = 15_000;
const MAX_ERROR_CHARS = 500;
/** Enough of an answer to show what the receiver said; the rest is never read. */
export const MAX_RESPONSE_BODY_BYTES = 2048;

export interface DeliveryOptions {
  config: Pick<Config, "secretKey" | "dataDir" | "allowPrivateUrls">;
  timeoutMs: number;
  retryScheduleMs: number[];
  now: () => number;
}

export interface AttemptResult {
  status: "succeeded" | "pending" | "failed";
  responseCode: number | null;
  latencyMs: number;
  error: string | null;
  responseBody: string | null;
}

/** Reads at most MAX_RESPONSE_BODY_BYTES of the body, then cancels the rest. */
async function readBodyStart(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < MAX_RESPONSE_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
    }
  } catch {
    // A body cut short by the timeout or the peer keeps what arrived.
  } finally {
    await reader.cancel().catch(() => {});
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // A multi-byte character cut at the limit decodes to U+FFFD rather than failing.
  return new TextDecoder().decode(all.subarray(0, MAX_RESPONSE_BODY_BYTES));
}

/** The secrets to sign with: the current one, plus the previous one while its grace period lasts. */
function signingSecrets(options: Pick<DeliveryOptions, "config">, endpoint: EndpointRow, nowMs: number) {
  const secrets = [decryptSecret(options.config, endpoint.secretCiphertext)];
  if (
    endpoint.previousSecretCiphertext &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt.getTime() > nowMs
  ) {
    secrets.push(decryptSecret(options.config, endpoint.previousSecretCiphertext));
  }
  return secrets;
}

/** One POST of the delivery, Standard Webhooks headers, no redirects followed. */
async function post(
  options: DeliveryOptions,
  endpoint: EndpointRow,
  delivery: DeliveryRow,
): Promise<{ code: number | null; retryAfter: string | null; error: string | null; body: string | null }> {
  const nowMs = options.now();
  const timestampS = Math.floor(nowMs / 1000);
  try {
    const response = await guardedFetch(
      endpoint.url,
      {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Switchboard-Webhooks/1.0",
          "webhook-id": delivery.id,
          "webhook-timestamp": String(timestampS),
          "webhook-signature": signatureHeader(
            signingSecrets(options, endpoint, nowMs),
            delivery.id,
            timestampS,
            delivery.payload,
          ),
        },
        body: delivery.payload,
      },
      { allowPrivate: options.config.allowPrivateUrls },
    );
    const body = await readBodyStart(response);
    return { code: response.status, retryAfter: response.headers.get("retry-after"), error: null, body };
  } catch (error) {
    const message =
      error instanceof UnsafeUrlError
        ? `refused: ${error.message}`
        : (error as Error).name === "TimeoutError"
          ? `timed out after ${options.timeoutMs} ms`
          : (error as Error).message;
    return { code: null, retryAfter: null, error: message.slice(0, MAX_ERROR_CHARS), body: null };
  }
}

/** PostgreSQL's text (and jsonb) cannot hold U+0000: an answer that has one keeps the rest. */
const storable = (text: string | null) => text?.replaceAll("\u0000", "\uFFFD") ?? null;

/**
 * Makes one attempt and says what to record for it, without recording it. 2xx succeeds; 410
 * Gone fails and disables the endpoint; anything else is retried on the backoff schedule
 * (Retry-After, when longer, wins) until the schedule runs out. `retry: false` makes it final.
 */
export async function sendAttempt(
  options: DeliveryOptions,
  endpoint: EndpointRow,
  delivery: DeliveryRow,
  retry = true,
): Promise<{ result: AttemptResult; record: AttemptRecord }> {
  const startedMs = performance.now();
  const { code, retryAfter, error, body } = await post(options, endpoint, delivery);
  const latencyMs = Math.round(performance.now() - startedMs);
  const attempts = delivery.attempts + 1;
  const nowMs = options.now();
  let status: AttemptResult["status"];
  let nextAttemptAt: Date | null = null;
  let lastError = error;
  if (code !== null && code >= 200 && code < 300) {
    status = "succeeded";
  } else if (code === 410) {
    status = "failed";
    lastError = "410 Gone: endpoint disabled";
  } else {
    lastError ??= `HTTP ${code}`;
    const backoffMs = retry ? retryDelayMs(options.retryScheduleMs, attempts) : null;
    if (backoffMs === null) {
      status = "failed";
    } else {
      status = "pending";
      const retryAfterMs = parseRetryAfterMs(retryAfter, nowMs) ?? 0;
      nextAttemptAt = new Date(nowMs + Math.max(backoffMs, retryAfterMs));
    }
  }
  const shownError = status === "succeeded" ? null : storable(lastError);
  const responseBody = storable(body);
  return {
    result: { status, responseCode: code, latencyMs, error: shownError, responseBody },
    record: {
      deliveryId: delivery.id,
      status,
      attempts,
      nextAttemptAt,
      responseCode: code,
      latencyMs,
      error: shownError,
      responseBody,
      completedAt: status === "pending" ? null : new Date(nowMs),
      disableEndpointId: code === 410 ? endpoint.id : null,
      recordedAt: new Date(nowMs),
    },
  };
}

/** Makes one attempt (sendAttempt) and records it on its own, as soon as it is known. */
export async function attemptDelivery(
  db: Database,
  options: DeliveryOptions,
  endpoint: EndpointRow,
  delivery: DeliveryRow,
  retry = true,
): Promise<AttemptResult> {
  const { result, record } = await sendAttempt(options, endpoint, delivery, retry);
  await runProcedure(db, recordDeliveryAttempts, [record]);
  countWebhookAttempt(result.status);
  return result;
}
