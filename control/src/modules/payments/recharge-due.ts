// The ledger's hook for auto-recharge (auto-recharge.ts): a debit that takes the balance below
// the org's threshold marks one charge pending, in the debit's own transaction.
// chargeCall (calls/billing.ts) applies the same condition inside its one statement.
import { newId } from "@switchboard/shared/ids";
import { and, eq, gt, isNotNull, isNull, lte } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { autoRecharges } from "../../db/schema.ts";

/** After a debit moved the balance from `beforeCents` to `afterCents`; nothing without settings. */
export async function markRechargeDue(tx: Database, orgId: string, beforeCents: number, afterCents: number) {
  await tx
    .update(autoRecharges)
    .set({ pendingChargeId: newId("pay"), updatedAt: new Date() })
    .where(
      and(
        eq(autoRecharges.orgId, orgId),
        eq(autoRecharges.enabled, true),
        isNull(autoRecharges.pendingChargeId),
        isNotNull(autoRecharges.stripePaymentMethodId),
        gt(autoRecharges.thresholdCents, afterCents),
        lte(autoRecharges.thresholdCents, beforeCents),
      ),
    );
}
