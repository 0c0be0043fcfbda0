import type { WebhookEventType } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";

/** Event types beyond the catalogue that only the platform sends. */
type PlatformEventType = WebhookEventType | "webhook.test";

/** The Standard Webhooks payload: `{type, timestamp, data}`. */
export function eventPayload(
  type: PlatformEventType,
  data: Record<string, unknown>,
  at = new Date(),
): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/**
 * Queues `type` for every enabled endpoint of the org that subscribes to it: one outbox row
 * per endpoint. Pass the caller's transaction as `db` so the event commits with the change
 * that caused it (or not at all). Returns the delivery ids.
 */
export async function emitWebhookEvent(
  db: Database,
  orgId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<string[]> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.enabled, true)));
  const subscribed = endpoints.filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(type));
  if (subscribed.length === 0) return [];
  const now = new Date();
  const payload = eventPayload(type, data, now);
  const rows = subscribed.map((endpoint) => ({
    id: newId("dlv"),
    orgId,
    endpointId: endpoint.id,
    eventType: type,
    payload,
    nextAttemptAt: now,
  }));
  await db.insert(webhookDeliveries).values(rows);
  return rows.map((row) => row.id);
}
