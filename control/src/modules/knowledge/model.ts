// The knowledge source's schemas are written once, in shared (schemas/knowledge.ts).
import { STRICT } from "@switchboard/shared/schemas/kit";
import {
  externalSourceBodySchema,
  KnowledgeSearchResultSchema,
  type KnowledgeSource,
  KnowledgeSourceSchema,
  textSourceBodySchema,
  UrlSourceBodySchema,
} from "@switchboard/shared/schemas/knowledge";
import { t } from "elysia";

export const knowledgeSourceSchema = KnowledgeSourceSchema;
export type KnowledgeSourceResponse = KnowledgeSource;

export const textBody = textSourceBodySchema;
export const urlBody = UrlSourceBodySchema;
export const externalBody = externalSourceBodySchema;

export const fileBody = t.Object(
  {
    file: t.File({ description: "PDF, DOCX, TXT or Markdown." }),
    title: t.Optional(UrlSourceBodySchema.properties.title),
  },
  STRICT,
);

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

export const searchResponse = KnowledgeSearchResultSchema;

export const sourceParams = t.Object({ source_id: t.String({ maxLength: 100 }) });
export const externalParams = t.Object({
  external_id: t.String({ minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9._:-]+$" }),
});
