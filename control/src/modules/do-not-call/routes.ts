import { Elysia } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import {
  addDoNotCallBody,
  doNotCallEntrySchema,
  doNotCallPageSchema,
  doNotCallParams,
  listDoNotCallQuery,
} from "./model.ts";
import { addToDoNotCall, listDoNotCall, presentDoNotCall, removeFromDoNotCall } from "./service.ts";

/** `/do-not-call`: numbers the org's outbound calls and campaigns never dial. */
export function doNotCallModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/do-not-call", detail: { tags: ["Do not call"] } })
    .post(
      "",
      async ({ request, body, set }) => {
        const { row, created } = await addToDoNotCall(ctx.db, requestAuth(request).orgId, {
          phoneNumber: body.phone_number,
          reason: body.reason ?? null,
          source: "api",
        });
        set.status = created ? 201 : 200;
        return presentDoNotCall(row);
      },
      {
        body: addDoNotCallBody,
        response: { 200: doNotCallEntrySchema, 201: doNotCallEntrySchema },
        detail: {
          operationId: "addDoNotCall",
          summary: "Add a number to the do-not-call list",
          description:
            "201 with the new entry; 200 with the existing one when the number is already listed (adding is idempotent). " +
            "Outbound calls to a listed number are refused with 409 `do_not_call`; campaign leads with it are rejected.",
        },
      },
    )
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        const rows = await listDoNotCall(
          ctx.db,
          requestAuth(request).orgId,
          page,
          query.phone_number ?? null,
        );
        return toPage(rows, page, presentDoNotCall);
      },
      {
        query: listDoNotCallQuery,
        response: doNotCallPageSchema,
        detail: {
          operationId: "listDoNotCall",
          summary: "List the do-not-call list",
          description: "Newest first; `phone_number` finds one number.",
        },
      },
    )
    .delete(
      "/:phone_number",
      async ({ request, params, set }) => {
        await removeFromDoNotCall(
          ctx.db,
          requestAuth(request).orgId,
          decodeURIComponent(params.phone_number),
        );
        set.status = 204;
      },
      {
        params: doNotCallParams,
        detail: {
          operationId: "removeDoNotCall",
          summary: "Remove a number from the do-not-call list",
          description: "204; 404 when the number is not listed.",
          responses: { 204: { description: "Removed." } },
        },
      },
    );
}
