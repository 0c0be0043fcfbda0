import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
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
        detail: { summary: "List trunks" },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        const trunk = await createTrunk(deps, requestAuth(request), body);
        set.status = 201;
        return trunk;
      },
      { body: createTrunkBody, response: { 201: trunkSchema }, detail: { summary: "Create a trunk" } },
    )
    .get(
      "/:trunk_id",
      async ({ request, params }) =>
        presentTrunk(await getTrunkRow(ctx.db, requestAuth(request).orgId, params.trunk_id)),
      { params: trunkParams, response: trunkSchema, detail: { summary: "Get a trunk" } },
    )
    .patch(
      "/:trunk_id",
      async ({ request, params, body }) => updateTrunk(deps, requestAuth(request), params.trunk_id, body),
      {
        params: trunkParams,
        body: updateTrunkBody,
        response: trunkSchema,
        detail: { summary: "Update a trunk" },
      },
    )
    .delete(
      "/:trunk_id",
      async ({ request, params, set }) => {
        await deleteTrunk(deps, requestAuth(request), params.trunk_id);
        set.status = 204;
      },
      { params: trunkParams, detail: { summary: "Delete a trunk" } },
    );
}
