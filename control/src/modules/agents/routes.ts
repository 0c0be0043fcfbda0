import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { agentSchema, createAgentBody, updateAgentBody } from "./model.ts";
import { createAgent, deleteAgent, getAgentRow, listAgents, presentAgent, updateAgent } from "./service.ts";

const agentParams = t.Object({ agent_id: t.String({ maxLength: 100 }) });

export function agentsModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/agents", detail: { tags: ["Agents"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listAgents(ctx.db, requestAuth(request).orgId, page), page, presentAgent);
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(agentSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: { summary: "List agents" },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        set.status = 201;
        return createAgent(ctx.db, ctx.bus, requestAuth(request).orgId, body);
      },
      { body: createAgentBody, response: { 201: agentSchema }, detail: { summary: "Create an agent" } },
    )
    .get(
      "/:agent_id",
      async ({ request, params }) =>
        presentAgent(await getAgentRow(ctx.db, requestAuth(request).orgId, params.agent_id)),
      { params: agentParams, response: agentSchema, detail: { summary: "Get an agent" } },
    )
    .patch(
      "/:agent_id",
      async ({ request, params, body }) =>
        updateAgent(ctx.db, ctx.bus, requestAuth(request).orgId, params.agent_id, body),
      {
        params: agentParams,
        body: updateAgentBody,
        response: agentSchema,
        detail: { summary: "Update an agent" },
      },
    )
    .delete(
      "/:agent_id",
      async ({ request, params, set }) => {
        await deleteAgent(ctx.db, ctx.bus, requestAuth(request).orgId, params.agent_id);
        set.status = 204;
      },
      { params: agentParams, detail: { summary: "Delete an agent" } },
    );
}
