import type {
  AgentTool,
  EndpointingSettings,
  InterruptionSettings,
  KnowledgeSettings,
  LlmSettings,
  SilenceSettings,
  SttSettings,
  TurnSettings,
  VoiceSettings,
} from "@switchboard/shared/agent";
import type { RealtimeSettings } from "@switchboard/shared/realtime";
import type { AnalysisSettings } from "@switchboard/shared/schemas/analysis";
import type { ApiKeyRole } from "@switchboard/shared/schemas/api-key";
import type { ProviderCredentialKind } from "@switchboard/shared/schemas/provider-credential";
import type { CallerId } from "@switchboard/shared/schemas/trunk";
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { RedactionPolicy } from "../modules/redaction/policy.ts";
import type { RetentionPolicy } from "../modules/retention/policy.ts";
import { createdAt } from "./schema/columns.ts";

/** Per-org prices; a missing field means the platform's default from the environment. */
export interface OrgRates {
  number_monthly_cents?: number;
  outbound_cents_per_minute?: number;
  inbound_cents_per_minute?: number;
  web_cents_per_minute?: number;
}

export const orgs = pgTable("orgs", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  maxConcurrentCalls: integer("max_concurrent_calls").notNull().default(10),
  rates: jsonb("rates").$type<OrgRates>().notNull().default(sql`'{}'::jsonb`),
  /** How long call recordings and transcripts are kept (modules/retention/policy.ts). */
  retention: jsonb("retention").$type<Partial<RetentionPolicy>>().notNull().default(sql`'{}'::jsonb`),
  /** Transcript redaction before storage (modules/redaction/policy.ts). */
  redaction: jsonb("redaction").$type<Partial<RedactionPolicy>>().notNull().default(sql`'{}'::jsonb`),
  /**
   * AES-256-GCM (secret-box) of the org's `whsec_` secret that signs requests to its custom LLM
   * and HTTP tools. Null until first needed; the previous one keeps signing until it expires.
   */
  signingSecretCiphertext: text("signing_secret_ciphertext"),
  signingSecretPrefix: text("signing_secret_prefix"),
  previousSigningSecretCiphertext: text("previous_signing_secret_ciphertext"),
  previousSigningSecretExpiresAt: timestamp("previous_signing_secret_expires_at", {
    withTimezone: true,
    mode: "date",
  }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** The kinds are written once, with the provider credential's schema. */
export { PROVIDER_CREDENTIAL_KINDS as providerCredentialKinds } from "@switchboard/shared/schemas/provider-credential";
export type { ProviderCredentialKind };

/** An org's own key for a provider; agents name it by `credential_id`. */
export const providerCredentials = pgTable(
  "provider_credentials",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    provider: text("provider").$type<ProviderCredentialKind>().notNull(),
    name: text("name").notNull(),
    /** Tenant-supplied: every request to it goes through the outbound URL guard. */
    baseUrl: text("base_url"),
    /** AES-256-GCM (secret-box); null for endpoints that take no key (a local Ollama or vLLM). */
    apiKeyCiphertext: text("api_key_ciphertext"),
    /** The first characters of the key, shown so users can tell keys apart. */
    apiKeyPrefix: text("api_key_prefix"),
    createdAt: createdAt(),
  },
  (table) => [index("provider_credentials_org_idx").on(table.orgId, table.id)],
);

/** The roles are written once, with the API key's schema. */
export { API_KEY_ROLES as apiKeyRoles } from "@switchboard/shared/schemas/api-key";
export type { ApiKeyRole };

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
    voice: jsonb("voice").$type<VoiceSettings>().notNull(),
    llm: jsonb("llm").$type<LlmSettings>().notNull(),
    stt: jsonb("stt").$type<SttSettings>().notNull(),
    language: text("language").notNull().default("en"),
    endpointing: jsonb("endpointing").$type<EndpointingSettings>().notNull(),
    /** End-of-turn detection; null: the defaults (AGENT_DEFAULTS.turn). */
    turn: jsonb("turn").$type<TurnSettings>(),
    interruptions: jsonb("interruptions").$type<InterruptionSettings>().notNull(),
    tools: jsonb("tools").$type<AgentTool[]>().notNull().default(sql`'[]'::jsonb`),
    /** Tools of the org's catalogue (`tools` table), resolved into the snapshot gateways run. */
    toolIds: jsonb("tool_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    knowledge: jsonb("knowledge").$type<KnowledgeSettings>().notNull(),
    /** Reprompt and hang-up on a silent caller; empty: the gateway's defaults. */
    silence: jsonb("silence").$type<SilenceSettings>().notNull().default(sql`'{}'::jsonb`),
    maxDurationS: integer("max_duration_s").notNull().default(1800),
    /** A speech-to-speech model instead of the pipeline; null: the pipeline. */
    realtime: jsonb("realtime").$type<RealtimeSettings>(),
    /** Post-call analysis; null: none. */
    analysis: jsonb("analysis").$type<AnalysisSettings>(),
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

/** Publishable widget keys (pk_live_): they can only mint a browser call token for their agents from their origins. */
export const widgetKeys = pgTable(
  "widget_keys",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the key, shown so users can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole key, hex. */
    secretHash: text("secret_hash").notNull().unique(),
    agentIds: jsonb("agent_ids").$type<string[]>().notNull(),
    /** Exact origins (scheme://host[:port]) pages may call from. */
    allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("widget_keys_org_idx").on(table.orgId, table.id)],
);

/** An org's own SIP carrier: inbound trust (CIDRs, digest) and outbound target and credentials. */
export const trunks = pgTable(
  "trunks",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    inboundCidrs: jsonb("inbound_cidrs").$type<string[]>().notNull(),
    inboundUsername: text("inbound_username").unique(),
    /** Digest HA1 hashes (MD5, SHA-256) for the gateways' realm; the password itself is never stored. */
    inboundHa1Md5: text("inbound_ha1_md5"),
    inboundHa1Sha256: text("inbound_ha1_sha256"),
    inboundRealm: text("inbound_realm"),
    outboundUri: text("outbound_uri"),
    outboundUsername: text("outbound_username"),
    /** AES-256-GCM (secret-box): gateways need the password itself to answer a carrier's challenge. */
    outboundPasswordEncrypted: text("outbound_password_encrypted"),
    callerId: jsonb("caller_id").$type<CallerId>().notNull(),
    destinationCountries: jsonb("destination_countries").$type<string[]>().notNull(),
    destinationPrefixes: jsonb("destination_prefixes").$type<string[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [index("trunks_org_idx").on(table.orgId, table.id)],
);

export * from "./schema/analysis.ts";
export * from "./schema/calls.ts";
export * from "./schema/campaigns.ts";
export * from "./schema/carriers.ts";
export * from "./schema/credits.ts";
export * from "./schema/data-lifecycle.ts";
export * from "./schema/do-not-call.ts";
export * from "./schema/knowledge.ts";
export * from "./schema/numbers.ts";
export * from "./schema/tools.ts";
export * from "./schema/users.ts";
export * from "./schema/webhooks.ts";
