import { VoiceSampleBodySchema } from "@switchboard/shared/schemas/voice-sample";
import { DEFAULT_VOICE_SAMPLE_TEXT } from "@switchboard/shared/voice-sample/messages";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { type Page, pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { AgentListCache } from "./list-cache.ts";
import { type AgentResponse, agentSchema, createAgentBody, updateAgentBody } from "./model.ts";
import { createAgent, deleteAgent, getAgentRow, listAgents, presentAgent, updateAgent } from "./service.ts";
import { VoiceSamples } from "./voice-sample.ts";

const agentParams = t.Object({ agent_id: t.String({ maxLength: 100 }) });

export function agentsModule(ctx: ControlContext) {
  const listCache = new AgentListCache<Page<AgentResponse>>(ctx.bus);
  listCache.start().catch((error) => ctx.log.error({ err: error }, "agent list cache subscription failed"));
  const voiceSamples = new VoiceSamples(ctx.bus);
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
        detail: {
          operationId: "listAgents",
          summary: "List agents",
          description: "The org's agents, newest first; `limit`/`cursor` or `page`/`size`.",
        },
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
      {
        body: createAgentBody,
        response: { 201: agentSchema },
        detail: {
          operationId: "createAgent",
          summary: "Create an agent",
          description:
            "Answers 201 with every default filled in. Member keys may not set `llm`, `stt`, `voice` or `tools` " +
            "(403): those decide where call audio, transcripts and keys go. `credential_id` names a provider " +
            "credential of the org; `knowledge.source_ids` sources of the org.",
          ...problems("forbidden"),
        },
      },
    )
    .get(
      "/:agent_id",
      async ({ request, params }) =>
        presentAgent(await getAgentRow(ctx.db, requestAuth(request).orgId, params.agent_id)),
      {
        params: agentParams,
        response: agentSchema,
        detail: { operationId: "getAgent", summary: "Get an agent", description: "One agent of the org." },
      },
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
        detail: {
          operationId: "updateAgent",
          summary: "Update an agent",
          description:
            'Sets the fields sent; nested objects merge, so `{"llm": {"temperature": 0.2}}` keeps the model. ' +
            "Member keys may not change `llm`, `stt`, `voice` or `tools` (403). Gateways get the new settings at once.",
          ...problems("forbidden"),
        },
      },
    )
    .post(
      "/:agent_id/voice-sample",
      async ({ request, params, body }) => {
        const orgId = requestAuth(request).orgId;
        const agent = await getAgentRow(ctx.db, orgId, params.agent_id);
        const wav = await voiceSamples.synthesize({
          org_id: orgId,
          agent_id: agent.id,
          text: body?.text ?? DEFAULT_VOICE_SAMPLE_TEXT,
        });
        return new Response(wav, { headers: { "content-type": "audio/wav", "cache-control": "no-store" } });
      },
      {
        params: agentParams,
        body: t.Optional(VoiceSampleBodySchema),
        detail: {
          operationId: "synthesizeAgentVoiceSample",
          summary: "Hear the agent's voice",
          description:
            "A short WAV (16-bit PCM, mono, 16 kHz) of `text` spoken with the agent's saved voice and the org's " +
            "credentials, synthesised by a gateway as on a call. 504 when no gateway answers in 10 s.",
          responses: {
            200: {
              description: "The sample.",
              content: { "audio/wav": { schema: { type: "string", contentMediaType: "audio/wav" } } },
            },
          },
          ...problems("voice_sample_failed", "voice_sample_timeout"),
        },
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
      {
        params: agentParams,
        detail: {
          operationId: "deleteAgent",
          summary: "Delete an agent",
          description: "Numbers attached to it are detached and stop answering; past calls keep its id.",
          responses: { 204: { description: "Deleted." } },
        },
      },
    );
}
