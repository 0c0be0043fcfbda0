import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { type Page, pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { AgentListCache } from "./list-cache.ts";
import { type AgentResponse, agentSchema, createAgentBody, updateAgentBody } from "./model.ts";
import { createAgent, deleteAgent, getAgentRow, listAgents, presentAgent, updateAgent } from "./service.ts";

const agentParams = t.Object({ agent_id: t.String({ maxLength: 100 }) });

export function agentsModule(ctx: ControlContext) {
  const listCache = new AgentListCache<Page<AgentResponse>>(ctx.bus);
  listCache.start().catch((error) => ctx.log.error({ err: error }, "agent list cache subscription failed"));
  return new Elysia({ prefix: "/agents", detail: { tags: ["Agents"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        const orgId = requestAuth(request).orgId;
        return listCache.get(orgId, `${page.limit}:${page.offset}:${page.cursor ?? ""}`, async () =>
          toPage(await listAgents(ctx.db, orgId, page), page, presentAgent),
        );
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
        const { orgId, role } = requestAuth(request);
        const agent = await createAgent(ctx, orgId, role, body);
        listCache.forget(orgId);
        set.status = 201;
        return agent;
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
      async ({ request, params, body }) => {
        const { orgId, role } = requestAuth(request);
        const agent = await updateAgent(ctx, orgId, role, params.agent_id, body);
        listCache.forget(orgId);
        return agent;
      },
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
        const orgId = requestAuth(request).orgId;
        await deleteAgent(ctx, orgId, params.agent_id);
        listCache.forget(orgId);
        set.status = 204;
      },
      { params: agentParams, detail: { summary: "Delete an agent" } },
    );
}
