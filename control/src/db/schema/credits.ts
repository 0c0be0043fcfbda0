// Prepaid credits: each org's balance and the append-only ledger that explains it.
import type { LedgerKind } from "@switchboard/shared/schemas/credits";
import { bigint, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";
import { createdAt } from "./columns.ts";

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
