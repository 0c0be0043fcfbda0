// DELETE /calls/{call_id}: the call's recording, transcript and analysis are erased; the call
// stays as its billing record (GET shows it with an empty transcript, no recording and no
// analysis) and its recording URL answers 404.
import { ApiError, notFound } from "@switchboard/shared/errors";
import { hasPrefix } from "@switchboard/shared/ids";
import { and, eq } from "drizzle-orm";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { calls } from "../../db/schema.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { eraseCallContent } from "./erase.ts";
import { RecordingFiles } from "./recording-files.ts";

const ENDED = new Set(["completed", "busy", "no_answer", "failed", "canceled"]);

export function callErasureModule(ctx: ControlContext) {
  const files = new RecordingFiles(ctx.config);
  return new Elysia().delete(
    "/calls/:call_id",
    async ({ params, request, set }) => {
      const { orgId } = requestAuth(request);
      if (!hasPrefix(params.call_id, "call")) throw notFound("Call");
      const [call] = await ctx.db
        .select({
          id: calls.id,
          orgId: calls.orgId,
          status: calls.status,
          recordingPath: calls.recordingPath,
        })
        .from(calls)
        .where(and(eq(calls.id, params.call_id), eq(calls.orgId, orgId)));
      if (!call) throw notFound("Call");
      if (!ENDED.has(call.status))
        throw new ApiError(
          409,
          "call_in_progress",
          "The call has not ended: hang it up before deleting its content.",
        );
      await eraseCallContent(ctx.db, files, call, { recording: true, transcript: true }, "api");
      set.status = 204;
    },
    {
      params: t.Object({ call_id: t.String({ maxLength: 100 }) }),
      detail: {
        operationId: "deleteCall",
        summary: "Delete a call's recording, transcript and analysis",
        description:
          "Erases the call's recording (its file or S3 object), transcript and post-call analysis. " +
          "The call stays as its billing record: GET /calls/{call_id} shows it with an empty " +
          "transcript, no recording_url and no analysis, and the recording URL answers 404. " +
          "A call in progress is a 409. Deleting again is a 204.",
        tags: ["Calls"],
        responses: { 204: { description: "The call's content is gone." } },
        ...problems("call_in_progress"),
      },
    },
  );
}
