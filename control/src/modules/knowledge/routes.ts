import { EmbeddingModelError, embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import { ApiError, validationFailed } from "@switchboard/shared/errors";
import { KnowledgeRetriever } from "@switchboard/shared/knowledge/retrieval";
import { KnowledgeStore } from "@switchboard/shared/knowledge/store";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { formBody } from "../../openapi/request-bodies.ts";
import { getAgentRow, presentAgent } from "../agents/service.ts";
import { detectType, extractDocument, SUPPORTED_UPLOADS } from "./extract/document.ts";
import { fetchDocument } from "./fetch-url.ts";
import {
  externalBody,
  externalParams,
  fileBody,
  knowledgeSourceSchema,
  searchQuery,
  searchResponse,
  sourceParams,
  textBody,
  urlBody,
} from "./model.ts";
import {
  createSource,
  deleteExternalSource,
  deleteSource,
  getSource,
  listSources,
  presentSource,
  type SourceInput,
  upsertExternalSource,
} from "./service.ts";

const listResponse = t.Object({
  data: t.Array(knowledgeSourceSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

/** Room for multipart boundaries, headers and a title around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = (what: string, maxBytes: number) =>
  new ApiError(413, "document_too_large", `The ${what} is larger than the ${maxBytes}-byte limit.`);

function titleFromUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.pathname === "/" ? "" : parsed.pathname}`.slice(0, 300);
}

export function knowledgeModule(ctx: ControlContext) {
  const limits = {
    allowPrivate: ctx.config.allowPrivateUrls,
    timeoutMs: ctx.config.knowledgeFetchTimeoutMs,
    maxBytes: ctx.config.knowledgeMaxBytes,
  };
  // The API searches exactly as a gateway does, from what is published on the bus.
  const retriever = new KnowledgeRetriever({
    store: new KnowledgeStore(ctx.bus, ctx.log, ctx.config.embeddingModel),
    embedder: () => embedderFromConfig(ctx.config),
    tokenBudget: ctx.config.knowledgeTokenBudget,
  });

  async function urlInput(url: string, title: string | undefined): Promise<SourceInput> {
    const document = await fetchDocument(url, limits);
    return {
      kind: "url",
      title: title ?? document.title ?? titleFromUrl(document.url),
      content: document.text,
      url,
    };
  }

  return new Elysia({ prefix: "/knowledge", detail: { tags: ["Knowledge"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listSources(ctx.db, requestAuth(request).orgId, page), page, presentSource);
      },
      {
        query: t.Object(paginationQuery),
        response: listResponse,
        detail: {
          operationId: "listKnowledgeSources",
          summary: "List knowledge sources",
          description: "The org's sources, newest first, with `external_id`, status and embedding progress.",
        },
      },
    )
    .get(
      "/search",
      async ({ request, query }) => {
        const orgId = requestAuth(request).orgId;
        const knowledge = query.agent_id
          ? presentAgent(await getAgentRow(ctx.db, orgId, query.agent_id)).knowledge
          : { mode: "all" as const, source_ids: [], top_k: 3 };
        const result = await retriever
          .retrieveForTurn({ org_id: orgId, knowledge }, query.q, { topK: query.k ?? knowledge.top_k })
          .catch((error: unknown) => {
            if (!(error instanceof EmbeddingModelError)) throw error;
            ctx.log.error({ err: error }, "embedding model unavailable for knowledge search");
            throw new ApiError(503, "embedding_model_unavailable", error.message);
          });
        return {
          data: result.passages,
          tokens: result.tokens,
          token_budget: ctx.config.knowledgeTokenBudget,
          embed_ms: result.embedMs,
          search_ms: result.searchMs,
        };
      },
      {
        query: searchQuery,
        response: searchResponse,
        detail: {
          operationId: "searchKnowledge",
          summary: "Show what retrieval returns for a query, with scores",
          description:
            "Runs retrieval exactly as a gateway does during a call: `q` against all sources, or against an " +
            "agent's knowledge settings with `agent_id`; with the token count and timings.",
          ...problems("not_found", "embedding_model_unavailable"),
        },
      },
    )
    .get(
      "/:source_id",
      async ({ request, params }) =>
        presentSource(await getSource(ctx.db, requestAuth(request).orgId, params.source_id)),
      {
        params: sourceParams,
        response: knowledgeSourceSchema,
        detail: {
          operationId: "getKnowledgeSource",
          summary: "Get a knowledge source (status and progress)",
          description:
            "One source; `status` goes from `pending` through `processing` to `ready` (or `failed`) as it is embedded.",
        },
      },
    )
    .post(
      "/text",
      async ({ request, body, set }) => {
        set.status = 201;
        const row = await createSource(ctx.db, ctx.bus, requestAuth(request).orgId, {
          kind: "text",
          title: body.title,
          content: body.content,
        });
        return presentSource(row);
      },
      {
        body: textBody(ctx.config.knowledgeMaxBytes),
        response: { 201: knowledgeSourceSchema },
        detail: {
          operationId: "createTextKnowledgeSource",
          summary: "Add a text source",
          description: "Chunked and embedded in the background; agents retrieve from it once it is `ready`.",
        },
      },
    )
    .post(
      "/url",
      async ({ request, body, set }) => {
        const orgId = requestAuth(request).orgId;
        const input = await urlInput(body.url, body.title);
        set.status = 201;
        return presentSource(await createSource(ctx.db, ctx.bus, orgId, input));
      },
      {
        body: urlBody,
        response: { 201: knowledgeSourceSchema },
        detail: {
          operationId: "createUrlKnowledgeSource",
          summary: "Add a source from a URL (fetched now, embedded in the background)",
          description:
            "The page (HTML, PDF, DOCX, text) is fetched during the request, within the size and time limits; " +
            "private addresses are refused unless the platform allows them.",
          ...problems(
            "invalid_url",
            "url_fetch_failed",
            "document_too_large",
            "unsupported_media_type",
            "invalid_document",
          ),
        },
      },
    )
    .post(
      "/file",
      async ({ request, body, set }) => {
        const orgId = requestAuth(request).orgId;
        const file = body.file;
        if (file.size > limits.maxBytes) throw tooLarge("file", limits.maxBytes);
        if (file.size === 0)
          throw validationFailed([{ field: "file", message: "is empty" }], "The file is empty.");
        const bytes = new Uint8Array(await file.arrayBuffer());
        const fileName = (file as File).name ?? "upload";
        const type = detectType(bytes, fileName, file.type);
        if (!type || type === "html") {
          throw new ApiError(
            415,
            "unsupported_media_type",
            `${fileName} is not a supported file; upload ${SUPPORTED_UPLOADS}.`,
          );
        }
        const document = await extractDocument(bytes, type);
        set.status = 201;
        const row = await createSource(ctx.db, ctx.bus, orgId, {
          kind: "file",
          title: body.title ?? document.title ?? fileName,
          content: document.text,
          fileName,
          mimeType: file.type || null,
        });
        return presentSource(row);
      },
      {
        body: fileBody,
        type: "multipart/form-data",
        // Refuses an oversized upload from its declared length, before the body is buffered.
        parse: ({ request }) => {
          const declared = Number(request.headers.get("content-length"));
          if (declared > limits.maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge("file", limits.maxBytes);
        },
        response: { 201: knowledgeSourceSchema },
        detail: {
          operationId: "uploadKnowledgeFile",
          summary: "Upload a PDF, DOCX, TXT or Markdown file (multipart field `file`)",
          description:
            "Its text is extracted during the request and embedded in the background; `title` is optional.",
          ...problems("document_too_large", "unsupported_media_type", "invalid_document"),
          ...formBody(fileBody),
        },
      },
    )
    .put(
      "/external/:external_id",
      async ({ request, params, body, set }) => {
        const orgId = requestAuth(request).orgId;
        // Elysia fills an omitted enum with its first member, so a lone `url` decides the kind.
        const kind = body.url !== undefined && body.content === undefined ? "url" : (body.kind ?? "text");
        let input: SourceInput;
        if (kind === "url") {
          if (body.url === undefined)
            throw validationFailed([{ field: "url", message: "is required for kind url" }]);
          input = await urlInput(body.url, body.title);
        } else {
          if (body.content === undefined) {
            throw validationFailed([{ field: "content", message: "is required for kind text" }]);
          }
          input = { kind: "text", title: body.title ?? params.external_id, content: body.content };
        }
        const { row, created } = await upsertExternalSource(
          ctx.db,
          ctx.bus,
          orgId,
          params.external_id,
          input,
        );
        set.status = created ? 201 : 200;
        return presentSource(row);
      },
      {
        params: externalParams,
        body: externalBody(ctx.config.knowledgeMaxBytes),
        response: { 200: knowledgeSourceSchema, 201: knowledgeSourceSchema },
        detail: {
          operationId: "upsertExternalKnowledgeSource",
          summary: "Create or replace the source keyed by your own id (idempotent sync)",
          description:
            "201 when the `external_id` is new, 200 when its source is replaced in place: send it whenever " +
            "the content changes and the knowledge base never fills with duplicates.",
          ...problems(
            "invalid_url",
            "url_fetch_failed",
            "document_too_large",
            "unsupported_media_type",
            "invalid_document",
          ),
        },
      },
    )
    .delete(
      "/external/:external_id",
      async ({ request, params, set }) => {
        await deleteExternalSource(ctx.db, ctx.bus, requestAuth(request).orgId, params.external_id);
        set.status = 204;
      },
      {
        params: externalParams,
        detail: {
          operationId: "deleteExternalKnowledgeSource",
          summary: "Delete the source with that external_id",
          description: "Agents stop retrieving from it at once.",
          responses: { 204: { description: "Deleted." } },
        },
      },
    )
    .delete(
      "/:source_id",
      async ({ request, params, set }) => {
        await deleteSource(ctx.db, ctx.bus, requestAuth(request).orgId, params.source_id);
        set.status = 204;
      },
      {
        params: sourceParams,
        detail: {
          operationId: "deleteKnowledgeSource",
          summary: "Delete a source",
          description: "By its Switchboard id. Agents stop retrieving from it at once.",
          responses: { 204: { description: "Deleted." } },
        },
      },
    );
}
