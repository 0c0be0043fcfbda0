import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { listSmsQuery, sendSmsBody, smsPageSchema, smsSchema } from "./model.ts";
import { getSms, listSms, presentSms, sendSms } from "./service.ts";

const params = t.Object({ id: t.String({ maxLength: 100 }) });

export function smsModule(ctx: ControlContext) {
  const deps = { db: ctx.db, bus: ctx.bus, config: ctx.config };
  return new Elysia({ prefix: "/sms", detail: { tags: ["SMS"] } })
    .post(
      "",
      async ({ request, body, set }) => {
        const row = await sendSms(deps, requestAuth(request).orgId, body);
        set.status = 201;
        return presentSms(row);
      },
      {
        body: sendSmsBody,
        response: { 201: smsSchema },
        detail: {
          operationId: "sendSms",
          summary: "Send an SMS",
          description:
            "Sends `body` from one of the org's numbers through its carrier, charged per segment (SMS_CENTS_PER_SEGMENT). " +
            "Delivery is reported by the carrier afterwards: `status` moves to delivered, undelivered or failed, and `sms.failed` fires for the last two.",
          ...problems(
            "insufficient_credits",
            "not_found",
            "validation_failed",
            "recipient_opted_out",
            "sms_not_available",
            "carrier_rejected",
          ),
        },
      },
    )
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listSms(ctx.db, requestAuth(request).orgId, query, page), page, presentSms);
      },
      {
        query: listSmsQuery,
        response: smsPageSchema,
        detail: {
          operationId: "listSms",
          summary: "List SMS messages",
          description:
            "Sent and received messages, newest first; filter by `number`, `direction`, `status` and creation time (`from`, `to`).",
          ...problems("validation_failed"),
        },
      },
    )
    .get(
      "/:id",
      async ({ request, params }) => presentSms(await getSms(ctx.db, requestAuth(request).orgId, params.id)),
      {
        params,
        response: smsSchema,
        detail: {
          operationId: "getSms",
          summary: "Get an SMS message",
          description: "One message with its delivery status and cost.",
          ...problems("not_found"),
        },
      },
    );
}
