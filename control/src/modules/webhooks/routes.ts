import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import {
  createWebhookBody,
  deliverySchema,
  updateWebhookBody,
  webhookSchema,
  webhookWithSecretSchema,
} from "./model.ts";
import {
  createWebhook,
  deleteWebhook,
  getEndpointRow,
  listDeliveries,
  listWebhooks,
  presentDelivery,
  presentWebhook,
  redeliver,
  requireWebhookRole,
  rotateSecret,
  sendTestEvent,
  updateWebhook,
} from "./service.ts";

const params = t.Object({ id: t.String({ maxLength: 100 }) });
const deliveryParams = t.Object({
  id: t.String({ maxLength: 100 }),
  delivery_id: t.String({ maxLength: 100 }),
});

/** Webhook management is for owner and admin keys only. */
function adminOrg(request: Request): string {
  const auth = requestAuth(request);
  requireWebhookRole(auth.role);
  return auth.orgId;
}

export function webhooksModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/webhooks", detail: { tags: ["Webhooks"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listWebhooks(ctx.db, adminOrg(request), page), page, presentWebhook);
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(webhookSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listWebhooks",
          summary: "List webhook endpoints",
          description: "Owner and admin keys. Each endpoint's URL, events and state; never its secret.",
        },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        const { row, secret } = await createWebhook(ctx.db, ctx.config, adminOrg(request), body);
        set.status = 201;
        return { ...presentWebhook(row), secret };
      },
      {
        body: createWebhookBody,
        response: { 201: webhookWithSecretSchema },
        detail: {
          operationId: "createWebhook",
          summary: "Register a webhook endpoint",
          description:
            "Deliveries carry `webhook-id`, `webhook-timestamp` and `webhook-signature` (Standard Webhooks, " +
            "`v1` HMAC-SHA256). The `whsec_` secret is returned only in this response.",
          ...problems("webhook_url_not_allowed"),
        },
      },
    )
    .get(
      "/:id",
      async ({ request, params }) =>
        presentWebhook(await getEndpointRow(ctx.db, adminOrg(request), params.id)),
      {
        params,
        response: webhookSchema,
        detail: {
          operationId: "getWebhook",
          summary: "Get a webhook endpoint",
          description: "One endpoint; `disabled_reason` says why deliveries stopped, if they did.",
        },
      },
    )
    .patch(
      "/:id",
      async ({ request, params, body }) =>
        presentWebhook(await updateWebhook(ctx.db, ctx.config, adminOrg(request), params.id, body)),
      {
        params,
        body: updateWebhookBody,
        response: webhookSchema,
        detail: {
          operationId: "updateWebhook",
          summary: "Update a webhook endpoint",
          description: "Sets the fields sent; `enabled: true` resumes a disabled endpoint.",
          ...problems("webhook_url_not_allowed"),
        },
      },
    )
    .delete(
      "/:id",
      async ({ request, params, set }) => {
        await deleteWebhook(ctx.db, adminOrg(request), params.id);
        set.status = 204;
      },
      {
        params,
        detail: {
          operationId: "deleteWebhook",
          summary: "Delete a webhook endpoint",
          description: "Its deliveries, pending ones included, are deleted with it.",
          responses: { 204: { description: "Deleted." } },
        },
      },
    )
    .post(
      "/:id/rotate-secret",
      async ({ request, params }) => {
        const { row, secret } = await rotateSecret(ctx.db, ctx.config, adminOrg(request), params.id);
        return { ...presentWebhook(row), secret };
      },
      {
        params,
        response: webhookWithSecretSchema,
        detail: {
          operationId: "rotateWebhookSecret",
          summary: "Rotate the signing secret",
          description:
            "For 24 h both the old and the new secret sign each delivery (space-separated signatures).",
        },
      },
    )
    .get(
      "/:id/deliveries",
      async ({ request, params, query }) => {
        const page = pageRequest(query);
        return toPage(
          await listDeliveries(ctx.db, adminOrg(request), params.id, page),
          page,
          presentDelivery,
        );
      },
      {
        params,
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(deliverySchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listWebhookDeliveries",
          summary: "List deliveries to this endpoint, newest first",
          description: "Each delivery's event, attempts, last status code and next retry.",
        },
      },
    )
    .post(
      "/:id/test",
      async ({ request, params }) => {
        const { delivery } = await sendTestEvent(ctx.db, ctx.config, adminOrg(request), params.id);
        return presentDelivery(delivery);
      },
      {
        params,
        response: deliverySchema,
        detail: {
          operationId: "sendWebhookTestEvent",
          summary: "Send a signed test event now",
          description:
            "Delivers a `webhook.test` event during the request and answers with the delivery's outcome.",
        },
      },
    )
    .post(
      "/:id/deliveries/:delivery_id/redeliver",
      async ({ request, params, set }) => {
        const queued = await redeliver(ctx.db, adminOrg(request), params.id, params.delivery_id);
        set.status = 202;
        return presentDelivery(queued);
      },
      {
        params: deliveryParams,
        response: { 202: deliverySchema },
        detail: {
          operationId: "redeliverWebhookDelivery",
          summary: "Send a delivery's event again",
          description:
            "Queues the same event as a new delivery (a new `webhook-id`, the same payload) that is signed " +
            "and sent like any other, with retries; answers 202 with it while it is `pending`. A disabled " +
            "endpoint is a 409.",
          ...problems("conflict"),
        },
      },
    );
}
