import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import { ApiError, insufficientCredits } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import type { LedgerKind } from "@switchboard/shared/schemas/credits";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { creditBalances, creditLedger } from "../../db/schema.ts";
import { markRechargeDue } from "../payments/recharge-due.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";

export type LedgerRow = typeof creditLedger.$inferSelect;

/** What the ledger needs from the control context. */
export interface CreditsDeps {
  db: Database;
  bus: Bus;
  config: Pick<Config, "creditsLowThresholdCents">;
}

interface EntryInput {
  orgId: string;
  kind: LedgerKind;
  /** Signed: positive adds credits, negative spends them. */
  amountCents: number;
  reference: string | null;
  description?: string | null;
}

interface EntryResult {
  entry: LedgerRow;
  /** False when an entry with this (kind, reference) already existed and was returned as is. */
  created: boolean;
}

class DuplicateReference extends Error {}

function assertPositive(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new ApiError(422, "validation_failed", "amount_cents must be a positive integer.", [
      { field: "amount_cents", message: "must be a positive integer" },
    ]);
  }
}

async function findByReference(db: Database, input: EntryInput): Promise<LedgerRow | null> {
  if (input.reference === null) return null;
  const [row] = await db
    .select()
    .from(creditLedger)
    .where(
      and(
        eq(creditLedger.orgId, input.orgId),
        eq(creditLedger.kind, input.kind),
        eq(creditLedger.reference, input.reference),
      ),
    );
  return row ?? null;
}

/**
 * Appends one entry and moves the balance, inside the caller's transaction `tx`. The balance
 * changes by a single conditional UPDATE (`balance + amount >= 0`): concurrent debits queue
 * on the row lock and re-check the condition, so the balance never goes negative and no
 * update is lost. A debit that does not fit throws 402 having written nothing. Crossing below
 * the org's threshold queues `credits.low` in the same transaction.
 */
export async function appendEntry(
  tx: Database,
  deps: Pick<CreditsDeps, "config">,
  input: EntryInput,
): Promise<EntryResult> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents === 0) {
    throw new ApiError(422, "validation_failed", "amount_cents must be a non-zero integer.", [
      { field: "amount_cents", message: "must be a non-zero integer" },
    ]);
  }
  const existing = await findByReference(tx, input);
  if (existing) return { entry: existing, created: false };

  await tx.insert(creditBalances).values({ orgId: input.orgId }).onConflictDoNothing();
  const [updated] = await tx
    .update(creditBalances)
    .set({
      balanceCents: sql`${creditBalances.balanceCents} + ${input.amountCents}`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(creditBalances.orgId, input.orgId),
        sql`${creditBalances.balanceCents} + ${input.amountCents} >= 0`,
      ),
    )
    .returning({
      balanceCents: creditBalances.balanceCents,
      thresholdCents: creditBalances.lowBalanceThresholdCents,
    });
  if (!updated) {
    throw insufficientCredits(
      `This needs ${-input.amountCents} cents of credit and the balance is lower. Add credits with POST /credits/purchase.`,
    );
  }
  const [entry] = await tx
    .insert(creditLedger)
    .values({
      id: newId("txn"),
      orgId: input.orgId,
      kind: input.kind,
      amountCents: input.amountCents,
      balanceAfterCents: updated.balanceCents,
      reference: input.reference,
      description: input.description ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!entry) throw new DuplicateReference();

  const threshold = updated.thresholdCents ?? deps.config.creditsLowThresholdCents;
  const before = updated.balanceCents - input.amountCents;
  if (input.amountCents < 0) await markRechargeDue(tx, input.orgId, before, updated.balanceCents);
  await queueLowBalanceOnCrossing(tx, input.orgId, before, updated.balanceCents, threshold, entry.id);
  return { entry, created: true };
}

/** Queues `credits.low` when a change of the balance crossed below the org's threshold. */
export async function queueLowBalanceOnCrossing(
  tx: Database,
  orgId: string,
  beforeCents: number,
  afterCents: number,
  thresholdCents: number,
  transactionId: string,
): Promise<void> {
  if (beforeCents < thresholdCents || afterCents >= thresholdCents) return;
  await emitWebhookEvent(tx, orgId, "credits.low", {
    balance_cents: afterCents,
    low_balance_threshold_cents: thresholdCents,
    transaction_id: transactionId,
  });
}

const publishing = new Map<string, Promise<number>>();

/** The org's entry in Hashes.creditBalances, as every publish path writes it. */
export const balanceValue = (balanceCents: number): string => String(balanceCents);

/**
 * Mirrors the org's current balance to the bus for the gateway (after the change committed);
 * an org with no balance row has none on the bus. Publishes for one org run one after another
 * and each reads the balance at its turn, so the last write is never an older value
 * overtaking a newer one from this process.
 */
export function publishBalance(db: Database, bus: Bus, orgId: string): Promise<number> {
  const previous = publishing.get(orgId) ?? Promise.resolve(0);
  const next = previous
    .catch(() => 0)
    .then(async () => {
      const [row] = await db
        .select({ balanceCents: creditBalances.balanceCents })
        .from(creditBalances)
        .where(eq(creditBalances.orgId, orgId));
      if (!row) {
        await bus.hashDelete(Hashes.creditBalances, orgId);
        return 0;
      }
      await bus.hashSet(Hashes.creditBalances, orgId, balanceValue(row.balanceCents));
      return row.balanceCents;
    });
  publishing.set(orgId, next);
  void next
    .finally(() => {
      if (publishing.get(orgId) === next) publishing.delete(orgId);
    })
    .catch(() => {});
  return next;
}

export async function getBalanceCents(db: Database, orgId: string): Promise<number> {
  const [row] = await db
    .select({ balanceCents: creditBalances.balanceCents })
    .from(creditBalances)
    .where(eq(creditBalances.orgId, orgId));
  return row?.balanceCents ?? 0;
}

/** One entry in its own transaction; a repeated (kind, reference) returns the first entry. */
export async function recordEntry(deps: CreditsDeps, input: EntryInput): Promise<EntryResult> {
  let result: EntryResult;
  try {
    result = await deps.db.transaction((tx) => appendEntry(tx, deps, input));
  } catch (error) {
    if (!(error instanceof DuplicateReference)) throw error;
    const existing = await findByReference(deps.db, input);
    if (!existing) throw error;
    return { entry: existing, created: false };
  }
  if (result.created) await publishBalance(deps.db, deps.bus, input.orgId);
  return result;
}

/** Adds `amountCents` (positive) to the org's credits. */
export function credit(
  deps: CreditsDeps,
  orgId: string,
  amountCents: number,
  kind: LedgerKind,
  reference: string | null,
  description: string | null = null,
): Promise<EntryResult> {
  assertPositive(amountCents);
  return recordEntry(deps, { orgId, kind, amountCents, reference, description });
}
