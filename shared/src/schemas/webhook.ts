// The webhook endpoint and its deliveries, written once: the API's schemas derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { WEBHOOK_EVENT_TYPES } from "../events.ts";
import { DateTime, Nullable, STRICT, StringEnum } from "./kit.ts";

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

const eventTypes = Type.Array(StringEnum(WEBHOOK_EVENT_TYPES), {
  maxItems: WEBHOOK_EVENT_TYPES.length,
  uniqueItems: true,
  description: "Events to receive; empty or omitted: all of them.",
});
const url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: "Public http(s) URL that receives POSTs.",
});

const writable = {
  url,
  events: eventTypes,
  description: Type.String({ maxLength: 500 }),
  enabled: Type.Boolean(),
};

/** POST /webhooks: a url; the rest has defaults. */
export const CreateWebhookBodySchema = Type.Object(
  { url, ...Type.Partial(Type.Omit(Type.Object(writable), ["url"])).properties },
  STRICT,
);

/** PATCH /webhooks/{id}: any field. */
export const UpdateWebhookBodySchema = Type.Partial(Type.Object(writable, STRICT));

export const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Type.String(),
  enabled: Type.Boolean(),
  disabled_reason: Nullable(Type.String()),
  previous_secret_expires_at: Nullable(DateTime()),
  created_at: DateTime(),
  updated_at: DateTime(),
});

/** The endpoint as created or rotated: with its signing secret, shown once. */
export const WebhookWithSecretSchema = Type.Object({
  ...WebhookSchema.properties,
  secret: Type.String({ description: "`whsec_...`: shown only here, once." }),
});

export const WebhookDeliverySchema = Type.Object({
  id: Type.String({ description: "Also the `webhook-id` header: the same on every retry." }),
  event_type: Type.String(),
  status: StringEnum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(DateTime()),
  response_code: Nullable(Type.Integer()),
  latency_ms: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  response_body: Nullable(
    Type.String({
      description: "The first 2 KiB of the last answer's body (UTF-8); `null` before any answer.",
    }),
  ),
  created_at: DateTime(),
  completed_at: Nullable(DateTime()),
});

export type CreateWebhookBody = Static<typeof CreateWebhookBodySchema>;
export type UpdateWebhookBody = Static<typeof UpdateWebhookBodySchema>;
export type Webhook = Static<typeof WebhookSchema>;
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
