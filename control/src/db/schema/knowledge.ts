// Knowledge sources and their embedded chunks.
import type { KnowledgeSourceKind, KnowledgeStatus } from "@switchboard/shared/schemas/knowledge";
import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";
import { createdAt } from "./columns.ts";

/** Raw bytes; vectors are little-endian Float32, `dimensions` per row (Postgres here has no pgvector). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const knowledgeSources = pgTable(
  "knowledge_sources",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    /** The caller's own stable id (PUT /knowledge/external/{external_id}); unique per org. */
    externalId: text("external_id"),
    kind: text("kind").$type<KnowledgeSourceKind>().notNull(),
    title: text("title").notNull(),
    url: text("url"),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    /** The extracted plain text that is chunked and embedded. */
    content: text("content").notNull(),
    /** SHA-256 of `content`, hex: the same content is never embedded twice. */
    contentHash: text("content_hash").notNull(),
    status: text("status").$type<KnowledgeStatus>().notNull().default("pending"),
    error: text("error"),
    /** 0..100 while processing. */
    progress: integer("progress").notNull().default(0),
    chunkCount: integer("chunk_count").notNull().default(0),
    embeddingModel: text("embedding_model"),
    /** A worker holds a processing row until then; a crashed worker's lease runs out. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    embeddedAt: timestamp("embedded_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    index("knowledge_sources_org_idx").on(table.orgId, table.id),
    uniqueIndex("knowledge_sources_external_idx").on(table.orgId, table.externalId),
    index("knowledge_sources_status_idx").on(table.status, table.updatedAt),
  ],
);

export const knowledgeChunks = pgTable(
  "knowledge_chunks",
  {
    sourceId: text("source_id")
      .notNull()
      .references(() => knowledgeSources.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
    tokenCount: integer("token_count").notNull(),
    vector: bytea("vector").notNull(),
  },
  (table) => [primaryKey({ columns: [table.sourceId, table.ordinal] })],
);
