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

/** An enabled endpoint of an org and the event types it asked for (none: every type). */
export interface WebhookSubscriber {
  id: string;
  eventTypes: string[];
}

/** The org's enabled endpoints; read once, they serve several events of one transaction. */
export function webhookSubscribers(db: Database, orgId: string): Promise<WebhookSubscriber[]> {
  return db
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.enabled, true)));
}

const subscribes = (endpoint: WebhookSubscriber, type: PlatformEventType) =>
  endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(type);

/** Whether any of `endpoints` takes `type`. */
export function anySubscribes(endpoints: WebhookSubscriber[], type: PlatformEventType): boolean {
  return endpoints.some((endpoint) => subscribes(endpoint, type));
}

/**
 * Queues `type` for each of `endpoints` (from webhookSubscribers, read in the same
 * transaction) that subscribes to it: one outbox row per endpoint. Returns the delivery ids.
 */
export async function queueWebhookEvent(
  db: Database,
  orgId: string,
  endpoints: WebhookSubscriber[],
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<string[]> {
  const subscribed = endpoints.filter((endpoint) => subscribes(endpoint, type));
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
  return queueWebhookEvent(db, orgId, await webhookSubscribers(db, orgId), type, data);
}
