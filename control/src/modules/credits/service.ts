import { ApiError, forbidden } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, creditBalances, creditLedger } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { roleAtLeast } from "../api-keys/service.ts";
import { type CreditsDeps, credit, type LedgerRow, publishBalance } from "./ledger.ts";
import type { TransactionResponse } from "./model.ts";
import type { PaymentProvider } from "./payments.ts";

export function presentTransaction(row: LedgerRow): TransactionResponse {
  return {
    id: row.id,
    kind: row.kind,
    amount_cents: row.amountCents,
    balance_after_cents: row.balanceAfterCents,
    reference: row.reference,
    description: row.description,
    created_at: row.createdAt.toISOString(),
  };
}

export function requireBillingRole(role: ApiKeyRole): void {
  if (!roleAtLeast(role, "admin")) throw forbidden("Only owner and admin keys can buy credits or numbers.");
}

export async function getThresholdCents(deps: CreditsDeps, orgId: string): Promise<number> {
  const [row] = await deps.db
    .select({ threshold: creditBalances.lowBalanceThresholdCents })
    .from(creditBalances)
    .where(eq(creditBalances.orgId, orgId));
  return row?.threshold ?? deps.config.creditsLowThresholdCents;
}

export async function setThresholdCents(
  deps: CreditsDeps,
  orgId: string,
  thresholdCents: number | null,
): Promise<number> {
  await deps.db
    .insert(creditBalances)
    .values({ orgId, lowBalanceThresholdCents: thresholdCents })
    .onConflictDoUpdate({
      target: creditBalances.orgId,
      set: { lowBalanceThresholdCents: thresholdCents, updatedAt: new Date() },
    });
  return thresholdCents ?? deps.config.creditsLowThresholdCents;
}

export async function listTransactions(db: Database, orgId: string, page: PageRequest): Promise<LedgerRow[]> {
  return selectPage(
    db.select().from(creditLedger).$dynamic(),
    creditLedger.id,
    eq(creditLedger.orgId, orgId),
    page,
  );
}

/** Charges the payment provider, then records the credits when it says the money arrived. */
export async function purchaseCredits(
  deps: CreditsDeps,
  payments: PaymentProvider | null,
  orgId: string,
  amountCents: number,
): Promise<{
  status: "succeeded" | "pending";
  provider: string;
  entry: LedgerRow | null;
  balanceCents: number;
  checkoutUrl: string | null;
}> {
  if (payments === null) {
    throw new ApiError(
      402,
      "payment_provider_not_configured",
      "Credits cannot be bought on this platform: no payment provider is configured. Ask the platform's operator to add credits to your org.",
    );
  }
  const reference = newId("txn");
  const outcome = await payments.charge({ orgId, amountCents, reference });
  if (outcome.status === "failed") {
    throw new ApiError(402, "payment_failed", `The payment was declined: ${outcome.reason}`);
  }
  if (outcome.status === "pending") {
    return {
      status: "pending",
      provider: outcome.provider,
      entry: null,
      balanceCents: await publishBalance(deps.db, deps.bus, orgId),
      checkoutUrl: outcome.checkoutUrl ?? null,
    };
  }
  const { entry } = await credit(
    deps,
    orgId,
    amountCents,
    "purchase",
    `${outcome.provider}:${outcome.providerReference}`,
    `Credit purchase via ${outcome.provider}`,
  );
  return {
    status: "succeeded",
    provider: outcome.provider,
    entry,
    balanceCents: entry.balanceAfterCents,
    checkoutUrl: null,
  };
}
