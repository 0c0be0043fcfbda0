import type { Config } from "@switchboard/shared/config";
import { ApiError, forbidden, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { checkOutboundUrl, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { generateWebhookSecret } from "@switchboard/shared/secrets/webhook-signature";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { roleAtLeast } from "../api-keys/service.ts";
import { DEFAULT_RETRY_SCHEDULE_MS } from "./backoff.ts";
import {
  type AttemptResult,
  attemptDelivery,
  DEFAULT_DELIVERY_TIMEOUT_MS,
  type DeliveryRow,
  type EndpointRow,
} from "./delivery.ts";
import { eventPayload } from "./emit.ts";
import type { CreateWebhookInput, DeliveryResponse, UpdateWebhookInput, WebhookResponse } from "./model.ts";

type SecretConfig = Pick<Config, "secretKey" | "dataDir" | "allowPrivateUrls">;

/** Standard Webhooks: the old secret keeps signing (alongside the new) this long after rotation. */
const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export function requireWebhookRole(role: ApiKeyRole): void {
  if (!roleAtLeast(role, "admin")) throw forbidden("Only owner and admin keys can manage webhooks.");
}

export function presentWebhook(row: EndpointRow): WebhookResponse {
  return {
    id: row.id,
    url: row.url,
    events: row.eventTypes,
    description: row.description,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    previous_secret_expires_at: row.previousSecretExpiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function presentDelivery(row: DeliveryRow): DeliveryResponse {
  return {
    id: row.id,
    event_type: row.eventType,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    response_code: row.lastResponseCode,
    latency_ms: row.lastLatencyMs,
    error: row.lastError,
    response_body: row.lastResponseBody,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}

async function checkUrl(config: SecretConfig, raw: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError(422, "validation_failed", "url is not a valid URL.", [
      { field: "url", message: "is not a valid absolute URL" },
    ]);
  }
  try {
    await checkOutboundUrl(url, { allowPrivate: config.allowPrivateUrls });
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    throw new ApiError(422, "webhook_url_not_allowed", `The webhook url ${error.message}.`, [
      { field: "url", message: error.message },
    ]);
  }
  return url.toString();
}

export async function getEndpointRow(db: Database, orgId: string, id: string): Promise<EndpointRow> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound("Webhook");
  return row;
}

export async function createWebhook(
  db: Database,
  config: SecretConfig,
  orgId: string,
  input: CreateWebhookInput,
): Promise<{ row: EndpointRow; secret: string }> {
  const url = await checkUrl(config, input.url);
  const secret = generateWebhookSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId("whk"),
      orgId,
      url,
      description: input.description ?? "",
      eventTypes: input.events ?? [],
      enabled: input.enabled ?? true,
      secretCiphertext: encryptSecret(config, secret),
    })
    .returning();
  return { row: row!, secret };
}

export async function listWebhooks(db: Database, orgId: string, page: PageRequest): Promise<EndpointRow[]> {
  return selectPage(
    db.select().from(webhookEndpoints).$dynamic(),
    webhookEndpoints.id,
    eq(webhookEndpoints.orgId, orgId),
    page,
  );
}

export async function updateWebhook(
  db: Database,
  config: SecretConfig,
  orgId: string,
  id: string,
  input: UpdateWebhookInput,
): Promise<EndpointRow> {
  await getEndpointRow(db, orgId, id);
  const url = input.url === undefined ? undefined : await checkUrl(config, input.url);
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      url,
      eventTypes: input.events,
      description: input.description,
      enabled: input.enabled,
      // Re-enabling clears why it was disabled.
      ...(input.enabled === true ? { disabledReason: null } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning();
  if (!row) throw notFound("Webhook");
  return row;
}

export async function deleteWebhook(db: Database, orgId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw notFound("Webhook");
}

/** New secret now; the current one keeps signing too for ROTATION_GRACE_MS. */
export async function rotateSecret(
  db: Database,
  config: SecretConfig,
  orgId: string,
  id: string,
  nowMs = Date.now(),
): Promise<{ row: EndpointRow; secret: string }> {
  const current = await getEndpointRow(db, orgId, id);
  const secret = generateWebhookSecret();
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      secretCiphertext: encryptSecret(config, secret),
      previousSecretCiphertext: current.secretCiphertext,
      previousSecretExpiresAt: new Date(nowMs + ROTATION_GRACE_MS),
      updatedAt: new Date(nowMs),
    })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning();
  return { row: row!, secret };
}

export async function listDeliveries(
  db: Database,
  orgId: string,
  endpointId: string,
  page: PageRequest,
): Promise<DeliveryRow[]> {
  await getEndpointRow(db, orgId, endpointId);
  const scope = and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.endpointId, endpointId));
  return selectPage(db.select().from(webhookDeliveries).$dynamic(), webhookDeliveries.id, scope, page);
}

/** Sends a signed `webhook.test` ping now, once, and records it with the deliveries. */
export async function sendTestEvent(
  db: Database,
  config: SecretConfig,
  orgId: string,
  endpointId: string,
): Promise<{ delivery: DeliveryRow; result: AttemptResult }> {
  const endpoint = await getEndpointRow(db, orgId, endpointId);
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      id: newId("dlv"),
      orgId,
      endpointId,
      eventType: "webhook.test",
      payload: eventPayload("webhook.test", {
        webhook_id: endpointId,
        message: "Test event from Switchboard.",
      }),
      lockedUntil: new Date(Date.now() + 60_000),
    })
    .returning();
  const result = await attemptDelivery(
    db,
    {
      config,
      timeoutMs: DEFAULT_DELIVERY_TIMEOUT_MS,
      retryScheduleMs: DEFAULT_RETRY_SCHEDULE_MS,
      now: Date.now,
    },
    endpoint,
    delivery!,
    false,
  );
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
  return { delivery: row!, result };
}

/**
 * Queues the event of one of the endpoint's deliveries again, as a new delivery (its own
 * `webhook-id`, the same payload) that the worker signs and sends with the usual retries.
 */
export async function redeliver(
  db: Database,
  orgId: string,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryRow> {
  const endpoint = await getEndpointRow(db, orgId, endpointId);
  const [original] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.id, deliveryId),
      ),
    );
  if (!original) throw notFound("Delivery");
  // The worker sends nothing to a disabled endpoint: a redelivery would wait unseen.
  if (!endpoint.enabled) {
    throw new ApiError(
      409,
      "conflict",
      "The endpoint is disabled; enable it (PATCH enabled: true) to redeliver.",
    );
  }
  const [queued] = await db
    .insert(webhookDeliveries)
    .values({
      id: newId("dlv"),
      orgId,
      endpointId,
      eventType: original.eventType,
      payload: original.payload,
    })
    .returning();
  return queued!;
}
