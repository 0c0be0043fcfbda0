import { ApiError, validationFailed } from "@switchboard/shared/errors";
import { checkOutboundUrl, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { Strict } from "@switchboard/shared/schemas/kit";
import {
  CreateToolBodySchema,
  type ToolConfig,
  ToolSchema,
  UpdateToolBodySchema,
} from "@switchboard/shared/schemas/tool";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { builtInList, builtInQuery, listBuiltIns } from "./built-ins.ts";
import { listServerTools } from "./mcp-listing.ts";
import { createTool, deleteTool, getTool, listTools, presentTool, updateTool } from "./service.ts";

const toolParams = t.Object({ tool_id: t.String({ maxLength: 100 }) });
const toolPage = t.Object({
  data: t.Array(ToolSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

/** The tool's URL passes the outbound URL guard when it is set, not only when it is called. */
async function checkedUrl(ctx: ControlContext, url: string | undefined): Promise<void> {
  if (url === undefined) return;
  try {
    await checkOutboundUrl(url, { allowPrivate: ctx.config.allowPrivateUrls });
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    throw validationFailed([{ field: "url", message: `url ${error.message}` }], `url ${error.message}`);
  }
}

/** `/tools`: the org's tools catalogue, referenced by agents through `tool_ids`. */
export function toolsModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/tools", detail: { tags: ["Tools"] } })
    .get(
      "/built-ins",
      ({ request, query }) =>
        listBuiltIns(ctx.db, ctx.config, requestAuth(request).orgId, query.phone_number_id),
      {
        query: builtInQuery,
        response: builtInList,
        detail: {
          ...problems("not_found"),
          operationId: "listBuiltInTools",
          summary: "List the built-in tools",
          description:
            "Read-only: the tools every agent's runtime has, enabled per agent through its inline `tools`, each marked available or not for the org's numbers (`send_sms` needs one that can text).",
        },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        await checkedUrl(ctx, body.url);
        const listing = body.type === "mcp" ? await listServerTools(ctx, body) : undefined;
        const row = await createTool(ctx.db, requestAuth(request).orgId, body, listing);
        set.status = 201;
        return presentTool(row);
      },
      {
        body: Strict(CreateToolBodySchema),
        response: { 201: ToolSchema },
        detail: {
          operationId: "createTool",
          summary: "Create a tool",
          description:
            "An HTTP tool agents may call (calls are signed with the org's signing secret), or an MCP server " +
            "(`type: mcp`, `transport`) whose tools are listed now and kept on the tool; 422 `mcp_unreachable` " +
            "when they cannot be listed. The URL must pass the outbound URL guard. 409 when the org has a tool " +
            "of that name.",
          ...problems("mcp_unreachable", "conflict"),
        },
      },
    )
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listTools(ctx.db, requestAuth(request).orgId, page), page, presentTool);
      },
      {
        query: t.Object(paginationQuery),
        response: toolPage,
        detail: { operationId: "listTools", summary: "List tools", description: "Oldest first, paged." },
      },
    )
    .get(
      "/:tool_id",
      async ({ request, params }) =>
        presentTool(await getTool(ctx.db, requestAuth(request).orgId, params.tool_id)),
      {
        params: toolParams,
        response: ToolSchema,
        detail: {
          operationId: "getTool",
          summary: "Get a tool",
          description: "404 when the org has no such tool.",
        },
      },
    )
    .patch(
      "/:tool_id",
      async ({ request, params, body }) => {
        await checkedUrl(ctx, body.url);
        const listMcp = (config: ToolConfig) => listServerTools(ctx, config);
        return presentTool(await updateTool(ctx, requestAuth(request).orgId, params.tool_id, body, listMcp));
      },
      {
        params: toolParams,
        body: Strict(UpdateToolBodySchema),
        response: ToolSchema,
        detail: {
          operationId: "updateTool",
          summary: "Update a tool",
          description:
            "Any field; the agents using the tool get the change on their next call. An MCP server's tools " +
            "are listed again (422 `mcp_unreachable` when they cannot be).",
          ...problems("mcp_unreachable", "conflict"),
        },
      },
    )
    .post(
      "/:tool_id/refresh",
      async ({ request, params }) => {
        const orgId = requestAuth(request).orgId;
        const current = await getTool(ctx.db, orgId, params.tool_id);
        if (current.type !== "mcp")
          throw new ApiError(409, "conflict", "Only an MCP server's tools are listed; this is an HTTP tool.");
        await checkedUrl(ctx, current.config.url);
        const listMcp = (config: ToolConfig) => listServerTools(ctx, config);
        return presentTool(await updateTool(ctx, orgId, params.tool_id, {}, listMcp));
      },
      {
        params: toolParams,
        response: ToolSchema,
        detail: {
          operationId: "refreshTool",
          summary: "List an MCP server's tools again",
          description:
            "Asks the server for its tools now and keeps the listing; the agents using the tool get it on " +
            "their next call. 409 for an HTTP tool; 422 `mcp_unreachable` when the server cannot be listed.",
          ...problems("mcp_unreachable", "conflict"),
        },
      },
    )
    .delete(
      "/:tool_id",
      async ({ request, params, set }) => {
        await deleteTool(ctx.db, requestAuth(request).orgId, params.tool_id);
        set.status = 204;
      },
      {
        params: toolParams,
        detail: {
          operationId: "deleteTool",
          summary: "Delete a tool",
          description: "204; 409 `conflict` naming the agents while any of them has it in `tool_ids`.",
          responses: { 204: { description: "Deleted." } },
        },
      },
    );
}
