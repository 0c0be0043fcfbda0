// The webhook deliveries that carried one call's events (call.started, call.ended,
// call.analysis.ready ...), to every endpoint of the org, newest first: the call page's log.
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import type { Database } from "../../db/client.ts";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import { type PageRequest, pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { getCallRow } from "../calls/service.ts";
import { deliverySchema } from "./model.ts";
import { presentDelivery, requireWebhookRole } from "./service.ts";

const callDeliverySchema = t.Composite([
  deliverySchema,
  t.Object({
    endpoint_id: t.String(),
    endpoint_url: t.String({ description: "Where the delivery went." }),
  }),
]);

export async function listCallDeliveries(db: Database, orgId: string, callId: string, page: PageRequest) {
  await getCallRow(db, orgId, callId);
  const data = sql`(${webhookDeliveries.payload})::jsonb -> 'data'`;
  // LIKE narrows the rows cheaply; the JSON test is the exact one (call events name the call
  // as data.id, the events about a call as data.call_id).
  const scope = and(
    eq(webhookDeliveries.orgId, orgId),
    sql`${webhookDeliveries.payload} like ${`%${callId}%`}`,
    sql`(${data} ->> 'id' = ${callId} or ${data} ->> 'call_id' = ${callId})`,
  );
  const query = db
    .select({ ...getTableColumns(webhookDeliveries), endpointUrl: webhookEndpoints.url })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .$dynamic();
  return selectPage(query, webhookDeliveries.id, scope, page);
}

export function callWebhookDeliveriesModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/calls", detail: { tags: ["Webhooks"] } }).get(
    "/:call_id/webhook-deliveries",
    async ({ request, params, query }) => {
      const auth = requestAuth(request);
      requireWebhookRole(auth.role);
      const page = pageRequest(query);
      const rows = await listCallDeliveries(ctx.db, auth.orgId, params.call_id, page);
      return toPage(rows, page, ({ endpointUrl, ...delivery }) => ({
        ...presentDelivery(delivery),
        endpoint_id: delivery.endpointId,
        endpoint_url: endpointUrl,
      }));
    },
    {
      params: t.Object({ call_id: t.String({ maxLength: 100 }) }),
      query: t.Object(paginationQuery),
      response: t.Object({
        data: t.Array(callDeliverySchema),
        has_more: t.Boolean(),
        next_cursor: t.Nullable(t.String()),
      }),
      detail: {
        operationId: "listCallWebhookDeliveries",
        summary: "List the webhook deliveries of one call",
        description:
          "Owner and admin keys. Every delivery that carried an event of this call, to any endpoint of the org, newest first, with its status, attempts and last response.",
      },
    },
  );
}
