// Knowledge sources, written once: the API's schemas and the knowledge_sources column types
// derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { DateTime, Nullable, STRICT, StringEnum } from "./kit.ts";

export const KNOWLEDGE_SOURCE_KINDS = ["text", "url", "file"] as const;
export type KnowledgeSourceKind = (typeof KNOWLEDGE_SOURCE_KINDS)[number];
export const KNOWLEDGE_STATUSES = ["pending", "processing", "ready", "failed"] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export const KnowledgeSourceSchema = Type.Object({
  id: Type.String(),
  external_id: Nullable(Type.String()),
  kind: StringEnum(KNOWLEDGE_SOURCE_KINDS),
  title: Type.String(),
  status: StringEnum(KNOWLEDGE_STATUSES, {
    description: "Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.",
  }),
  error: Nullable(Type.String()),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: "Percent of chunks embedded." }),
  chunk_count: Type.Integer(),
  content_hash: Type.String({
    description: "SHA-256 of the extracted text; the same content is not re-embedded.",
  }),
  characters: Type.Integer({ description: "Length of the extracted text." }),
  url: Nullable(Type.String()),
  file_name: Nullable(Type.String()),
  embedding_model: Nullable(Type.String()),
  created_at: DateTime(),
  updated_at: DateTime(),
  embedded_at: Nullable(DateTime()),
});

const title = Type.String({ minLength: 1, maxLength: 300 });
const url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: "http(s) page, PDF, DOCX or text file.",
});
const content = (maxChars: number) => Type.String({ minLength: 1, maxLength: maxChars });

/** POST /knowledge/text; the longest text is the operator's setting. */
export const textSourceBodySchema = (maxChars: number) =>
  Type.Object({ title, content: content(maxChars) }, STRICT);

/** POST /knowledge/url. */
export const UrlSourceBodySchema = Type.Object({ url, title: Type.Optional(title) }, STRICT);

/** PUT /knowledge/external/{external_id}: a text or a url under the caller's own id. */
export const externalSourceBodySchema = (maxChars: number) =>
  Type.Object(
    {
      kind: Type.Optional(
        StringEnum(["text", "url"], { description: "Defaults to `url` when `url` is given, else `text`." }),
      ),
      title: Type.Optional(title),
      content: Type.Optional(content(maxChars)),
      url: Type.Optional(url),
    },
    STRICT,
  );

/** The passages a knowledge search returns, within the token budget. */
export const KnowledgeSearchResultSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      source_id: Type.String(),
      title: Type.String(),
      text: Type.String(),
      score: Type.Number({ description: "Cosine similarity, -1..1." }),
      tokens: Type.Integer(),
    }),
  ),
  tokens: Type.Integer({ description: "Tokens of the passages returned; never more than the token budget." }),
  token_budget: Type.Integer(),
  embed_ms: Type.Number(),
  search_ms: Type.Number(),
});

export type KnowledgeSource = Static<typeof KnowledgeSourceSchema>;
export type TextSourceBody = Static<ReturnType<typeof textSourceBodySchema>>;
export type UrlSourceBody = Static<typeof UrlSourceBodySchema>;
export type ExternalSourceBody = Static<ReturnType<typeof externalSourceBodySchema>>;
export type KnowledgeSearchResult = Static<typeof KnowledgeSearchResultSchema>;
