// Other platforms' entry points for calls, as deprecated aliases of the canonical routes: the
// same services, statuses and shapes (errors included) under other paths and field names.
//   GET /calls/{call_id}/transcript                 -> GET /calls/{call_id}, its transcript
//   GET /conversations, GET /conversations/{id}     -> GET /calls, GET /calls/{call_id}
//   POST /conversations/dispatch, POST /calls/trigger -> POST /calls/outbound
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { withFieldNames } from "../../http/field-names.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { jsonBodyAlternative } from "../../openapi/request-bodies.ts";
import { acceptCamelCaseOutbound, camelCaseBody } from "./camel-case-body.ts";
import { callDetailSchema, callPageSchema, callSchema, listCallsQuerySchema, outboundBody } from "./model.ts";
import { outboundCallProblems } from "./routes.ts";
import { getCallDetail, listCallsPage, placeOutboundCall } from "./service.ts";

/** An alias's OpenAPI entry: deprecated, pointing at the operation to use instead. */
function aliasDetail(operationId: string, summary: string, canonical: string, more = "") {
  return {
    operationId,
    summary,
    deprecated: true,
    description: `Deprecated alias of \`${canonical}\`, kept for clients of other platforms: the same data, status codes and errors. Use \`${canonical}\` instead.${more ? ` ${more}` : ""}`,
  };
}

const triggerBody = t.Object({
  phone_number: t.String({ ...outboundBody.properties.to_number, description: "E.164: the number to call." }),
  agent_id: outboundBody.properties.agent_id,
});

const transcriptSchema = t.Object({
  call_id: t.String(),
  transcript: callDetailSchema.properties.transcript,
});

export function callAliasesModule(ctx: ControlContext) {
  const publicBaseUrl = ctx.config.publicBaseUrl;
  const callParams = t.Object({ call_id: t.String({ maxLength: 100 }) });
  const conversationParams = t.Object({ id: t.String({ maxLength: 100 }) });
  return new Elysia({ detail: { tags: ["Calls"] } })
    .get(
      "/calls/:call_id/transcript",
      async ({ request, params }) => {
        const call = await getCallDetail(ctx.db, requestAuth(request).orgId, params.call_id, publicBaseUrl);
        return { call_id: call.id, transcript: call.transcript };
      },
      {
        params: callParams,
        response: transcriptSchema,
        detail: aliasDetail(
          "getCallTranscript",
          "Get a call's transcript",
          "GET /api/v1/calls/{call_id}",
          "Answers with the call's `transcript` turns only.",
        ),
      },
    )
    .post(
      "/calls/trigger",
      async ({ request, body, set }) => {
        const input = { agent_id: body.agent_id, to_number: body.phone_number };
        const call = await withFieldNames({ to_number: "phone_number" }, () =>
          placeOutboundCall(ctx, requestAuth(request).orgId, input),
        );
        set.status = 201;
        return call;
      },
      {
        body: triggerBody,
        response: { 201: callSchema },
        detail: {
          ...aliasDetail(
            "triggerCall",
            "Trigger an outbound call",
            "POST /api/v1/calls/outbound",
            "`phone_number` is `to_number`; the call goes out from the number attached to the agent.",
          ),
          ...outboundCallProblems,
        },
      },
    )
    .get(
      "/conversations",
      async ({ request, query }) => listCallsPage(ctx.db, requestAuth(request).orgId, query, publicBaseUrl),
      {
        query: listCallsQuerySchema,
        response: callPageSchema,
        detail: aliasDetail("listConversations", "List conversations", "GET /api/v1/calls"),
      },
    )
    .post(
      "/conversations/dispatch",
      async ({ request, body, set }) => {
        const call = await placeOutboundCall(ctx, requestAuth(request).orgId, body);
        set.status = 201;
        return call;
      },
      {
        transform: acceptCamelCaseOutbound,
        body: outboundBody,
        response: { 201: callSchema },
        detail: {
          ...aliasDetail("dispatchConversation", "Dispatch an outbound call", "POST /api/v1/calls/outbound"),
          ...outboundCallProblems,
          ...jsonBodyAlternative(camelCaseBody),
        },
      },
    )
    .get(
      "/conversations/:id",
      async ({ request, params }) =>
        getCallDetail(ctx.db, requestAuth(request).orgId, params.id, publicBaseUrl),
      {
        params: conversationParams,
        response: callDetailSchema,
        detail: aliasDetail(
          "getConversation",
          "Get a conversation with its transcript",
          "GET /api/v1/calls/{call_id}",
        ),
      },
    );
}
