import { WEBHOOK_EVENT_TYPES } from "@switchboard/shared/events";
import { t } from "elysia";

const eventTypes = t.Array(t.UnionEnum([...WEBHOOK_EVENT_TYPES]), {
  maxItems: WEBHOOK_EVENT_TYPES.length,
  uniqueItems: true,
  description: "Events to receive; empty or omitted: all of them.",
});
const url = t.String({
  minLength: 1,
  maxLength: 2000,
  description: "Public http(s) URL that receives POSTs.",
});
const description = t.String({ maxLength: 500 });

export const createWebhookBody = t.Object({
  url,
  events: t.Optional(eventTypes),
  description: t.Optional(description),
  enabled: t.Optional(t.Boolean()),
});

export const updateWebhookBody = t.Object({
  url: t.Optional(url),
  events: t.Optional(eventTypes),
  description: t.Optional(description),
  enabled: t.Optional(t.Boolean()),
});

export const webhookSchema = t.Object({
  id: t.String(),
  url: t.String(),
  events: t.Array(t.String()),
  description: t.String(),
  enabled: t.Boolean(),
  disabled_reason: t.Nullable(t.String()),
  previous_secret_expires_at: t.Nullable(t.String({ format: "date-time" })),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

export const webhookWithSecretSchema = t.Composite([
  webhookSchema,
  t.Object({ secret: t.String({ description: "`whsec_...`: shown only here, once." }) }),
]);

export const deliverySchema = t.Object({
  id: t.String({ description: "Also the `webhook-id` header: the same on every retry." }),
  event_type: t.String(),
  status: t.UnionEnum(["pending", "succeeded", "failed"]),
  attempts: t.Integer(),
  next_attempt_at: t.Nullable(t.String({ format: "date-time" })),
  response_code: t.Nullable(t.Integer()),
  latency_ms: t.Nullable(t.Integer()),
  error: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
  completed_at: t.Nullable(t.String({ format: "date-time" })),
});

export type CreateWebhookInput = typeof createWebhookBody.static;
export type UpdateWebhookInput = typeof updateWebhookBody.static;
export type WebhookResponse = typeof webhookSchema.static;
export type DeliveryResponse = typeof deliverySchema.static;
