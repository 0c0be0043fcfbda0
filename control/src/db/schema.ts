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
import type { TurnLatency } from "@switchboard/shared/events";
import type { RealtimeSettings, RealtimeUsage } from "@switchboard/shared/realtime";
import type { AmdSettings, AnsweredBy } from "@switchboard/shared/schemas/amd";
import type { AnalysisSettings } from "@switchboard/shared/schemas/analysis";
import type { ApiKeyRole } from "@switchboard/shared/schemas/api-key";
import type { CallTransfer, ToolCallRecord } from "@switchboard/shared/schemas/call";
import type { LedgerKind } from "@switchboard/shared/schemas/credits";
import type { KnowledgeSourceKind, KnowledgeStatus } from "@switchboard/shared/schemas/knowledge";
import type { Forwarding } from "@switchboard/shared/schemas/phone-number";
import type { ProviderCredentialKind } from "@switchboard/shared/schemas/provider-credential";
import type { CallerId } from "@switchboard/shared/schemas/trunk";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { RedactionPolicy } from "../modules/redaction/policy.ts";
import type { RetentionPolicy } from "../modules/retention/policy.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

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

/** Numbers the platform can sell, shared by all orgs; `org_id` is set while an org owns one. */
export const numberInventory = pgTable(
  "number_inventory",
  {
    phoneNumber: text("phone_number").primaryKey(),
    country: text("country").notNull(),
    region: text("region"),
    /** Which NumberProvider sells it: `inventory` for the operator's own trunk numbers. */
    provider: text("provider").notNull().default("inventory"),
    orgId: text("org_id").references(() => orgs.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("number_inventory_available_idx").on(table.orgId, table.country)],
);

export const phoneNumbers = pgTable(
  "phone_numbers",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull().unique(),
    country: text("country").notNull(),
    region: text("region"),
    provider: text("provider").notNull(),
    status: text("status").$type<"active" | "suspended" | "pending">().notNull().default("active"),
    agentId: text("agent_id").references(() => agents.id, { onDelete: "set null" }),
    forwarding: jsonb("forwarding").$type<Forwarding | null>(),
    monthlyCostCents: integer("monthly_cost_cents").notNull(),
    renewsAt: timestamp("renews_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    index("phone_numbers_org_idx").on(table.orgId, table.id),
    index("phone_numbers_renews_idx").on(table.renewsAt),
  ],
);

/** One row per org; changed only together with a ledger entry, in the same transaction. */
export const creditBalances = pgTable("credit_balances", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  balanceCents: bigint("balance_cents", { mode: "number" }).notNull().default(0),
  /** Null: the platform default (CREDITS_LOW_THRESHOLD_CENTS). */
  lowBalanceThresholdCents: bigint("low_balance_threshold_cents", { mode: "number" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Append-only: entries are never updated or deleted. */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind").$type<LedgerKind>().notNull(),
    /** Signed: credits are positive, debits negative. */
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    balanceAfterCents: bigint("balance_after_cents", { mode: "number" }).notNull(),
    /** Caller's reference; one entry per (org, kind, reference), so retries are no-ops. */
    reference: text("reference"),
    description: text("description"),
    createdAt: createdAt(),
  },
  (table) => [
    index("credit_ledger_org_idx").on(table.orgId, table.id),
    uniqueIndex("credit_ledger_reference_idx").on(table.orgId, table.kind, table.reference),
  ],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Empty: every event type. */
    eventTypes: jsonb("event_types").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    /** AES-256-GCM ciphertext of the `whsec_` secret (signing needs the secret itself). */
    secretCiphertext: text("secret_ciphertext").notNull(),
    previousSecretCiphertext: text("previous_secret_ciphertext"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [index("webhook_endpoints_org_idx").on(table.orgId, table.id)],
);

/** The durable outbox: one row per endpoint per event, kept as the delivery record. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status").$type<"pending" | "succeeded" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** A worker holds the row until then; a crashed worker's lease simply runs out. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastResponseCode: integer("last_response_code"),
    lastLatencyMs: integer("last_latency_ms"),
    lastError: text("last_error"),
    /** The start of the last answer's body, truncated (MAX_RESPONSE_BODY_BYTES in delivery.ts). */
    lastResponseBody: text("last_response_body"),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    index("webhook_deliveries_endpoint_idx").on(table.endpointId, table.id),
    index("webhook_deliveries_due_idx").on(table.status, table.nextAttemptAt),
  ],
);

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

/** One row per call; inbound and web calls appear with their first gateway event. */
export const calls = pgTable(
  "calls",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    direction: text("direction").$type<"inbound" | "outbound" | "web">().notNull(),
    status: text("status")
      .$type<
        "queued" | "ringing" | "in_progress" | "completed" | "busy" | "no_answer" | "failed" | "canceled"
      >()
      .notNull(),
    /** No foreign keys: a call keeps the ids it ran with after the agent or number is gone. */
    agentId: text("agent_id"),
    fromNumber: text("from_number"),
    toNumber: text("to_number"),
    phoneNumberId: text("phone_number_id"),
    objective: text("objective"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The gateway that reported the call last; its lost heartbeat ends the call. */
    gatewayId: text("gateway_id"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    durationS: doublePrecision("duration_s"),
    costCents: integer("cost_cents"),
    /** A realtime call's model token usage, from its call.ended; null for pipeline calls. */
    usage: jsonb("usage").$type<RealtimeUsage>(),
    hangupCause: text("hangup_cause"),
    /** The INVITE's context headers: received (inbound `X-*` and the allow-list) or sent (outbound). */
    sipHeaders: jsonb("sip_headers").$type<Record<string, string>>(),
    /** The last transfer (REFER) and its outcome from the final sipfrag NOTIFY (RFC 3515 §2.4.5). */
    transfer: jsonb("transfer").$type<CallTransfer>(),
    /** Answering-machine detection asked for (sent in the dispatch command) and its verdict. */
    amd: jsonb("amd").$type<AmdSettings>(),
    answeredBy: text("answered_by").$type<AnsweredBy>(),
    amdDecisionMs: integer("amd_decision_ms"),
    amdEvidence: jsonb("amd_evidence").$type<string[]>(),
    /** Where the gateway stored the WAV: a local path, or an object key in S3 storage. */
    recordingPath: text("recording_path"),
    recordingBytes: bigint("recording_bytes", { mode: "number" }),
    /** Outbox mark: set once the dispatch command is on the stream. */
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    index("calls_org_idx").on(table.orgId, table.id),
    index("calls_org_started_idx").on(table.orgId, table.startedAt),
    index("calls_open_idx").on(table.status, table.gatewayId),
  ],
);

/** Transcript turns, one per `call.turn` event (the event id is the row id). */
export const callTurns = pgTable(
  "call_turns",
  {
    id: text("id").primaryKey(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    ordinal: integer("ordinal").notNull(),
    role: text("role").$type<"agent" | "user">().notNull(),
    text: text("text").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }).notNull(),
    interrupted: boolean("interrupted").notNull().default(false),
    latency: jsonb("latency").$type<TurnLatency | null>(),
    /** Agent turns: the tools called, with arguments and results masked like the text. */
    toolCalls: jsonb("tool_calls").$type<ToolCallRecord[]>(),
    /** Copied out of `latency` for analytics. */
    totalMs: integer("total_ms"),
  },
  (table) => [index("call_turns_call_idx").on(table.callId, table.startedAt)],
);

/** Call events already applied: written in the same transaction as their effect. */
export const callEventsSeen = pgTable("call_events_seen", {
  eventId: text("event_id").primaryKey(),
  callId: text("call_id").notNull(),
  seenAt: createdAt(),
});

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
export * from "./schema/campaigns.ts";
export * from "./schema/carriers.ts";
export * from "./schema/data-lifecycle.ts";
export * from "./schema/do-not-call.ts";
export * from "./schema/tools.ts";
export * from "./schema/users.ts";
