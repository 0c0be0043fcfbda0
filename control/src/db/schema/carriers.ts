// SMS through the carriers, the opt-outs they oblige us to honour, the carrier callbacks already
// taken (replays are refused), and card payment sessions. docs/SMS.md, docs/PAYMENTS.md.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { orgs, phoneNumbers } from "../schema.ts";

export type SmsDirection = "inbound" | "outbound";
/** Outbound: queued -> sent -> delivered | undelivered, or failed; inbound: received. */
export type SmsStatus = "queued" | "sent" | "delivered" | "undelivered" | "failed" | "received";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const smsMessages = pgTable(
  "sms_messages",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    phoneNumberId: text("phone_number_id").references(() => phoneNumbers.id, { onDelete: "set null" }),
    direction: text("direction").$type<SmsDirection>().notNull(),
    fromNumber: text("from_number").notNull(),
    toNumber: text("to_number").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<SmsStatus>().notNull(),
    segments: integer("segments").notNull(),
    encoding: text("encoding").$type<"GSM-7" | "UCS-2">().notNull(),
    costCents: integer("cost_cents").notNull().default(0),
    carrier: text("carrier").notNull(),
    carrierMessageId: text("carrier_message_id"),
    errorCode: text("error_code"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("sms_messages_org_idx").on(table.orgId, table.id),
    uniqueIndex("sms_messages_carrier_idx").on(table.carrier, table.carrierMessageId),
  ],
);

/** A sender who texted STOP to one of our numbers: nothing goes from that number to them until START. */
export const smsOptOuts = pgTable(
  "sms_opt_outs",
  {
    ourNumber: text("our_number").notNull(),
    theirNumber: text("their_number").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.ourNumber, table.theirNumber] })],
);

/** Carrier and payment callbacks already taken, by the id the sender gave them. */
export const callbackReceipts = pgTable(
  "callback_receipts",
  {
    source: text("source").notNull(),
    callbackId: text("callback_id").notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.source, table.callbackId] }),
    index("callback_receipts_at_idx").on(table.receivedAt),
  ],
);

export const paymentSessions = pgTable(
  "payment_sessions",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    providerSessionId: text("provider_session_id").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    status: text("status").$type<"open" | "completed">().notNull().default("open"),
    paymentIntentId: text("payment_intent_id"),
    /** Refunded so far, as the provider last reported it; each increase is debited once. */
    refundedCents: bigint("refunded_cents", { mode: "number" }).notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
  },
  (table) => [
    uniqueIndex("payment_sessions_provider_idx").on(table.provider, table.providerSessionId),
    index("payment_sessions_intent_idx").on(table.paymentIntentId),
  ],
);

/**
 * An inbound SMS its number's agent is to answer, written in the transaction that stores the
 * message: the reply survives a restart. Claimed by a lease (`locked_until`), so a killed
 * worker's job is taken up again.
 */
export const smsAgentReplies = pgTable(
  "sms_agent_replies",
  {
    inboundSmsId: text("inbound_sms_id")
      .primaryKey()
      .references(() => smsMessages.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    agentId: text("agent_id").notNull(),
    status: text("status").$type<"pending" | "sent" | "skipped" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lockedUntil: at("locked_until"),
    replySmsId: text("reply_sms_id"),
    error: text("error"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [index("sms_agent_replies_due_idx").on(table.status, table.nextAttemptAt)],
);

/**
 * Per org: credits bought off-session with the card saved at a Checkout purchase when the
 * balance falls below `threshold_cents`. Crossing the threshold sets `pending_charge_id` (in the
 * ledger's transaction, once until that charge is done); it is the charge's idempotency key.
 */
export const autoRecharges = pgTable("auto_recharges", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  thresholdCents: bigint("threshold_cents", { mode: "number" }).notNull().default(0),
  amountCents: bigint("amount_cents", { mode: "number" }).notNull().default(0),
  stripeCustomerId: text("stripe_customer_id"),
  stripePaymentMethodId: text("stripe_payment_method_id"),
  pendingChargeId: text("pending_charge_id"),
  lastError: text("last_error"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
