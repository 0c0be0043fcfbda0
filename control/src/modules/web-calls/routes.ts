import { ApiError, problemResponse } from "@switchboard/shared/errors";
import { staticAsset } from "@switchboard/shared/webrtc/static";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import {
  callGrantSchema,
  createdWidgetKeySchema,
  createWidgetKeyBody,
  presentWidgetKey,
  webTokenBody,
  widgetKeySchema,
  widgetTokenBody,
} from "./model.ts";
import {
  createWidgetKey,
  listWidgetKeys,
  mintWebToken,
  mintWidgetToken,
  revokeWidgetKey,
} from "./service.ts";

/** /api/v1: call tokens for the customer's own server, and widget key management. */
export function webCallsModule(ctx: ControlContext) {
  return new Elysia({ detail: { tags: ["Browser calls"] } })
    .post(
      "/agents/:agent_id/web-token",
      async ({ request, params, body, set }) => {
        const auth = requestAuth(request);
        const grant = await mintWebToken(
          ctx.db,
          ctx.bus,
          ctx.config,
          auth.orgId,
          params.agent_id,
          body?.metadata ?? {},
        );
        set.status = 201;
        return grant;
      },
      {
        params: t.Object({ agent_id: t.String() }),
        body: webTokenBody,
        response: { 201: callGrantSchema },
        detail: {
          operationId: "createWebCallToken",
          summary: "Create a browser call token",
          description:
            "A short-lived token for exactly one WebRTC call to this agent. Mint it on your server and hand it to the page. With LiveKit configured, `livekit` also names a room for the call that the agent joins: connect the page to it with its token instead of using WHIP.",
          ...problems("agent_inactive", "dispatch_failed"),
        },
      },
    )
    .post(
      "/widget-keys",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        const { row, key } = await createWidgetKey(ctx.db, auth, {
          name: body.name,
          agentIds: body.agent_ids,
          allowedOrigins: body.allowed_origins,
        });
        set.status = 201;
        return { ...presentWidgetKey(row), key };
      },
      {
        body: createWidgetKeyBody,
        response: { 201: createdWidgetKeySchema },
        detail: {
          operationId: "createWidgetKey",
          summary: "Create a publishable widget key",
          description:
            "A pk_live_ key for page source: it can only start calls to the listed agents from the listed origins.",
        },
      },
    )
    .get(
      "/widget-keys",
      async ({ request, query }) => {
        const auth = requestAuth(request);
        const page = pageRequest(query);
        return toPage(await listWidgetKeys(ctx.db, auth, page), page, presentWidgetKey);
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(widgetKeySchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listWidgetKeys",
          summary: "List widget keys",
          description: "Owner and admin keys. Name, prefix, agents and origins of each key; never the key.",
        },
      },
    )
    .delete(
      "/widget-keys/:id",
      async ({ request, params, set }) => {
        await revokeWidgetKey(ctx.db, requestAuth(request), params.id);
        set.status = 204;
      },
      {
        params: t.Object({ id: t.String() }),
        detail: {
          operationId: "revokeWidgetKey",
          summary: "Revoke a widget key",
          description: "Pages using it can no longer start calls; calls in progress go on.",
          responses: { 204: { description: "Revoked." } },
        },
      },
    );
}

function corsHeaders(origin: string | null): Record<string, string> {
  return {
    "access-control-allow-origin": origin ?? "*",
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": "content-type",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

/**
 * Outside /api/v1 (no API key): the widget's token endpoint, authorized by its publishable
 * key and the page's Origin, and the widget script and demo page themselves.
 */
export function widgetPublicModule(ctx: ControlContext) {
  return new Elysia({ detail: { tags: ["Browser calls"] } })
    .options("/widget/token", ({ request }) => {
      return new Response(null, { status: 204, headers: corsHeaders(request.headers.get("origin")) });
    })
    .post(
      "/widget/token",
      async ({ request }) => {
        const origin = request.headers.get("origin");
        const headers = corsHeaders(origin);
        try {
          let body: unknown;
          try {
            body = JSON.parse(await request.text());
          } catch {
            throw new ApiError(400, "malformed_body", "The request body is not valid JSON.");
          }
          const { key, agent_id: agentId } = (body ?? {}) as { key?: unknown; agent_id?: unknown };
          if (typeof key !== "string" || typeof agentId !== "string") {
            throw new ApiError(422, "validation_failed", "Send {key, agent_id}.", [
              ...(typeof key === "string" ? [] : [{ field: "key", message: "is required" }]),
              ...(typeof agentId === "string" ? [] : [{ field: "agent_id", message: "is required" }]),
            ]);
          }
          const grant = await mintWidgetToken(ctx.db, ctx.bus, ctx.config, { key, agentId, origin });
          return new Response(JSON.stringify(grant), {
            status: 201,
            headers: { ...headers, "content-type": "application/json", "cache-control": "no-store" },
          });
        } catch (error) {
          if (error instanceof ApiError) return problemResponse(error, headers);
          throw error;
        }
      },
      {
        parse: "none",
        detail: {
          operationId: "createWidgetCallToken",
          summary: "Create a call token from a widget key",
          description:
            "Called by widget.js with `{key, agent_id}`; the key must list the agent and the request's Origin. " +
            "Limited per key and origin (`WIDGET_RATE_LIMIT_PER_MINUTE`).",
          security: [],
          requestBody: { required: true, content: { "application/json": { schema: widgetTokenBody } } },
          responses: {
            201: {
              description: "A token for one call.",
              content: { "application/json": { schema: callGrantSchema } },
            },
          },
          ...problems(
            "invalid_widget_key",
            "origin_not_allowed",
            "agent_not_allowed",
            "not_found",
            "rate_limited",
          ),
        },
      },
    )
    .get("/widget.js", () => staticAsset("/widget.js"), { detail: { hide: true } })
    .get("/demo", () => staticAsset("/demo"), { detail: { hide: true } });
}
