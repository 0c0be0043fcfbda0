// The webhook endpoint's schemas are written once, in shared (schemas/webhook.ts).
import {
  type CreateWebhookBody,
  CreateWebhookBodySchema,
  type UpdateWebhookBody,
  UpdateWebhookBodySchema,
  type Webhook,
  type WebhookDelivery,
  WebhookDeliverySchema,
  WebhookSchema,
  WebhookWithSecretSchema,
} from "@switchboard/shared/schemas/webhook";

export const createWebhookBody = CreateWebhookBodySchema;
export const updateWebhookBody = UpdateWebhookBodySchema;
export const webhookSchema = WebhookSchema;
export const webhookWithSecretSchema = WebhookWithSecretSchema;
export const deliverySchema = WebhookDeliverySchema;

export type CreateWebhookInput = CreateWebhookBody;
export type UpdateWebhookInput = UpdateWebhookBody;
export type WebhookResponse = Webhook;
export type DeliveryResponse = WebhookDelivery;
