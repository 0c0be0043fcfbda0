import { ApiError } from "@switchboard/shared/errors";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { jsonBodyAlternative } from "../../openapi/request-bodies.ts";
import { recordingResponse } from "../../recordings/serve.ts";
import { createRecordingStore, type RecordingStore } from "../../recordings/store.ts";
import { acceptCamelCaseOutbound, camelCaseBody } from "./camel-case-body.ts";
import { cancelCall } from "./cancel.ts";
import { callDetailSchema, callPageSchema, callSchema, listCallsQuerySchema, outboundBody } from "./model.ts";
import { presentCall } from "./present.ts";
import { getCallDetail, getCallRow, listCallsPage, placeOutboundCall } from "./service.ts";

const callParams = t.Object({ call_id: t.String({ maxLength: 100 }) });
/** What placing a call can refuse, beyond what every POST can: the aliases give the same. */
export const outboundCallProblems = problems(
  "insufficient_credits",
  "destination_not_allowed",
  "not_found",
  "agent_inactive",
  "number_suspended",
  "no_caller_number",
  "do_not_call",
);
const wavSchema = { type: "string", contentMediaType: "audio/wav" } as const;
const contentRange = {
  description: "`bytes start-end/size`, or `bytes */size` on a 416.",
  schema: { type: "string" },
} as const;

export function callsModule(
  ctx: ControlContext,
  recordings: RecordingStore = createRecordingStore(ctx.config),
) {
  const publicBaseUrl = ctx.config.publicBaseUrl;
  return new Elysia({ prefix: "/calls", detail: { tags: ["Calls"] } })
    .get(
      "",
      async ({ request, query }) => listCallsPage(ctx.db, requestAuth(request).orgId, query, publicBaseUrl),
      {
        query: listCallsQuerySchema,
        response: callPageSchema,
        detail: {
          operationId: "listCalls",
          summary: "List calls",
          description:
            "Newest first. `status` may repeat (OR); `from`/`to` bound `started_at`; `limit`/`cursor` or `page`/`size`.",
        },
      },
    )
    .post(
      "/outbound",
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
          operationId: "createOutboundCall",
          summary: "Place an outbound call",
          description:
            "Queues the call and hands it to a gateway. Send `Idempotency-Key` to retry safely: the call is never dialled twice.",
          ...outboundCallProblems,
          ...jsonBodyAlternative(camelCaseBody),
        },
      },
    )
    .post(
      "/:call_id/cancel",
      async ({ request, params, set }) => {
        const outcome = await cancelCall(
          { db: ctx.db, bus: ctx.bus, publicBaseUrl },
          requestAuth(request).orgId,
          params.call_id,
        );
        set.status = outcome.final ? 200 : 202;
        return presentCall(outcome.row, publicBaseUrl);
      },
      {
        params: callParams,
        response: { 200: callSchema, 202: callSchema },
        detail: {
          operationId: "cancelCall",
          summary: "Cancel or hang up a call",
          description:
            "200 with the call canceled when no gateway had it yet; 202 when its gateway is told to CANCEL (ringing) or hang up (answered): the call's status follows. 409 once the call has ended.",
          ...problems("call_already_ended"),
        },
      },
    )
    .get(
      "/:call_id",
      async ({ request, params }) =>
        getCallDetail(ctx.db, requestAuth(request).orgId, params.call_id, publicBaseUrl),
      {
        params: callParams,
        response: callDetailSchema,
        detail: {
          operationId: "getCall",
          summary: "Get a call with its transcript",
          description:
            "The call with its `transcript`: each turn's text (for the agent, what the caller heard), timestamps, " +
            "whether it was interrupted, and the agent turns' latency by stage.",
        },
      },
    )
    .get(
      "/:call_id/recording",
      async ({ request, params }) => {
        const row = await getCallRow(ctx.db, requestAuth(request).orgId, params.call_id);
        if (!row.recordingPath) throw new ApiError(404, "not_found", "This call has no recording.");
        const recording = await recordings.open(row.recordingPath);
        if (!recording) throw new ApiError(404, "not_found", "The recording file is missing from storage.");
        return recordingResponse(recording, request.headers.get("range"));
      },
      {
        params: callParams,
        headers: t.Object({
          range: t.Optional(t.String({ description: "One byte range: `bytes=0-1023`." })),
        }),
        detail: {
          operationId: "getCallRecording",
          summary: "Get the call recording",
          description: "audio/wav; supports `Range: bytes=...` (206 Partial Content, 416 past the end).",
          responses: {
            200: { description: "The whole recording.", content: { "audio/wav": { schema: wavSchema } } },
            206: {
              description: "The requested byte range.",
              headers: { "Content-Range": contentRange },
              content: { "audio/wav": { schema: wavSchema } },
            },
            416: {
              description: "The range starts past the end.",
              headers: { "Content-Range": contentRange },
            },
          },
        },
      },
    );
}
