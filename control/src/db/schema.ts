import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const orgs = pgTable("orgs", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  maxConcurrentCalls: integer("max_concurrent_calls").notNull().default(10),
  createdAt: createdAt(),
});

export const apiKeyRoles = ["owner", "admin", "member"] as const;
export type ApiKeyRole = (typeof apiKeyRoles)[number];

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role").$type<ApiKeyRole>().notNull(),
    /** The first characters of the secret, shown so users can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole secret, hex. The secret itself is never stored. */
    secretHash: text("secret_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("api_keys_org_idx").on(table.orgId, table.id)],
);

export const agents = pgTable(
  "agents",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    systemPrompt: text("system_prompt").notNull().default(""),
    firstMessage: text("first_message").notNull().default(""),
    voice: jsonb("voice").$type<Record<string, unknown>>().notNull(),
    llm: jsonb("llm").$type<Record<string, unknown>>().notNull(),
    stt: jsonb("stt").$type<Record<string, unknown>>().notNull(),
    language: text("language").notNull().default("en"),
    endpointing: jsonb("endpointing").$type<Record<string, unknown>>().notNull(),
    interruptions: jsonb("interruptions").$type<Record<string, unknown>>().notNull(),
    tools: jsonb("tools").$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    knowledge: jsonb("knowledge").$type<Record<string, unknown>>().notNull(),
    maxDurationS: integer("max_duration_s").notNull().default(1800),
    isActive: boolean("is_active").notNull().default(true),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [index("agents_org_idx").on(table.orgId, table.id)],
);

/** Stripe-style idempotency: the first response to (org, key) is replayed for 24 h. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 over method, path and body: a different request under the same key is a 422. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still in flight. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    responseContentType: text("response_content_type"),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.key] }),
    index("idempotency_created_idx").on(table.createdAt),
  ],
);
