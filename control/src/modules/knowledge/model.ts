import { t } from "elysia";

export const knowledgeSourceSchema = t.Object({
  id: t.String(),
  external_id: t.Nullable(t.String()),
  kind: t.UnionEnum(["text", "url", "file"]),
  title: t.String(),
  status: t.UnionEnum(["pending", "processing", "ready", "failed"], {
    description: "Ingestion runs in the background: pending -> processing -> ready, or failed with `error`.",
  }),
  error: t.Nullable(t.String()),
  progress: t.Integer({ minimum: 0, maximum: 100, description: "Percent of chunks embedded." }),
  chunk_count: t.Integer(),
  content_hash: t.String({
    description: "SHA-256 of the extracted text; the same content is not re-embedded.",
  }),
  characters: t.Integer({ description: "Length of the extracted text." }),
  url: t.Nullable(t.String()),
  file_name: t.Nullable(t.String()),
  embedding_model: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  embedded_at: t.Nullable(t.String({ format: "date-time" })),
});

export type KnowledgeSourceResponse = typeof knowledgeSourceSchema.static;

const title = t.String({ minLength: 1, maxLength: 300 });
const url = t.String({ minLength: 1, maxLength: 2000, description: "http(s) page, PDF, DOCX or text file." });

export function textBody(maxChars: number) {
  return t.Object({ title, content: t.String({ minLength: 1, maxLength: maxChars }) });
}

export const urlBody = t.Object({ url, title: t.Optional(title) });

export function externalBody(maxChars: number) {
  return t.Object({
    kind: t.Optional(
      t.UnionEnum(["text", "url"], { description: "Defaults to `url` when `url` is given, else `text`." }),
    ),
    title: t.Optional(title),
    content: t.Optional(t.String({ minLength: 1, maxLength: maxChars })),
    url: t.Optional(url),
  });
}

export const fileBody = t.Object({
  file: t.File({ description: "PDF, DOCX, TXT or Markdown." }),
  title: t.Optional(title),
});

export const searchQuery = t.Object({
  q: t.String({ minLength: 1, maxLength: 2000, description: "What the caller said." }),
  agent_id: t.Optional(t.String({ maxLength: 100, description: "Search the sources this agent uses." })),
  k: t.Optional(
    t.Integer({
      minimum: 1,
      maximum: 20,
      description: "Passages to return (default: the agent's top_k, else 3).",
    }),
  ),
});

export const searchResponse = t.Object({
  data: t.Array(
    t.Object({
      source_id: t.String(),
      title: t.String(),
      text: t.String(),
      score: t.Number({ description: "Cosine similarity, -1..1." }),
      tokens: t.Integer(),
    }),
  ),
  tokens: t.Integer({ description: "Tokens of the passages returned; never more than the token budget." }),
  token_budget: t.Integer(),
  embed_ms: t.Number(),
  search_ms: t.Number(),
});

export const sourceParams = t.Object({ source_id: t.String({ maxLength: 100 }) });
export const externalParams = t.Object({
  external_id: t.String({ minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9._:-]+$" }),
});
