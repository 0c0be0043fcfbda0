import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { createTrunkBody, trunkSchema, updateTrunkBody } from "./model.ts";
import { createTrunk, deleteTrunk, getTrunkRow, listTrunks, presentTrunk, updateTrunk } from "./service.ts";

const trunkParams = t.Object({ trunk_id: t.String({ maxLength: 100 }) });

/** `/trunks`: an org's own SIP carriers, published to the gateways through the bus. */
export function trunksModule(ctx: ControlContext) {
  const deps = { db: ctx.db, bus: ctx.bus, config: ctx.config };
  return new Elysia({ prefix: "/trunks", detail: { tags: ["Trunks"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listTrunks(ctx.db, requestAuth(request).orgId, page), page, presentTrunk);
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(trunkSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listTrunks",
          summary: "List trunks",
          description: "The org's SIP trunks, newest first; passwords only as `has_*_password`.",
        },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        const trunk = await createTrunk(deps, requestAuth(request), body);
        set.status = 201;
        return trunk;
      },
      {
        body: createTrunkBody,
        response: { 201: trunkSchema },
        detail: {
          operationId: "createTrunk",
          summary: "Create a trunk",
          description:
            "Owner or admin. Inbound: the carrier's source ranges (`inbound_cidrs`) and/or digest credentials; " +
            "outbound: `outbound_uri` with its credentials and the destinations it may call. Gateways get it at once.",
          ...problems("conflict"),
        },
      },
    )
    .get(
      "/:trunk_id",
      async ({ request, params }) =>
        presentTrunk(await getTrunkRow(ctx.db, requestAuth(request).orgId, params.trunk_id)),
      {
        params: trunkParams,
        response: trunkSchema,
        detail: { operationId: "getTrunk", summary: "Get a trunk", description: "One trunk of the org." },
      },
    )
    .patch(
      "/:trunk_id",
      async ({ request, params, body }) => updateTrunk(deps, requestAuth(request), params.trunk_id, body),
      {
        params: trunkParams,
        body: updateTrunkBody,
        response: trunkSchema,
        detail: {
          operationId: "updateTrunk",
          summary: "Update a trunk",
          description: "Owner or admin. Sets the fields sent; gateways get the change at once.",
          ...problems("conflict"),
        },
      },
    )
    .delete(
      "/:trunk_id",
      async ({ request, params, set }) => {
        await deleteTrunk(deps, requestAuth(request), params.trunk_id);
        set.status = 204;
      },
      {
        params: trunkParams,
        detail: {
          operationId: "deleteTrunk",
          summary: "Delete a trunk",
          description: "Owner or admin. Gateways stop accepting and placing calls through it at once.",
          responses: { 204: { description: "Deleted." } },
        },
      },
    );
}
