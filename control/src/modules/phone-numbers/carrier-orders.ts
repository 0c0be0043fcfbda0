// A carrier's number order that was still pending at purchase (Telnyx answers some orders
// `pending`): the number was recorded `pending` and charged. Telnyx's signed
// number_order.complete event then completes it (the number is configured at the carrier like
// any bought number, becomes active and takes calls) or fails it (the row goes and the first
// month is refunded). Each number is found by its E.164 number and is moved once.
import type { Logger } from "@switchboard/shared/logger";
import { and, eq } from "drizzle-orm";
import type { ControlContext } from "../../context.ts";
import { creditLedger, phoneNumbers } from "../../db/schema.ts";
import { orgCarriers } from "../carriers/org-carriers.ts";
import { appendEntry, publishBalance } from "../credits/ledger.ts";
import { numberProviderFor } from "./providers/index.ts";
import { TelnyxNumberProvider } from "./providers/telnyx.ts";
import { publishRoute } from "./routing.ts";

export interface CarrierOrder {
  id: string;
  status: string;
  phone_numbers?: Array<{ phone_number?: string; status?: string }>;
}

type Deps = Pick<ControlContext, "db" | "bus" | "config"> & { log?: Logger };

async function pendingRow(deps: Deps, e164: string) {
  const [row] = await deps.db
    .select()
    .from(phoneNumbers)
    .where(
      and(
        eq(phoneNumbers.phoneNumber, e164),
        eq(phoneNumbers.provider, "telnyx"),
        eq(phoneNumbers.status, "pending"),
      ),
    );
  return row ?? null;
}

async function complete(deps: Deps, row: typeof phoneNumbers.$inferSelect): Promise<void> {
  const provider = numberProviderFor(await orgCarriers(deps.db, deps.config, row.orgId));
  if (provider instanceof TelnyxNumberProvider) {
    const carrierId = await provider.carrierIdOf(row.phoneNumber);
    if (carrierId !== null) await provider.configure(carrierId);
  }
  const [active] = await deps.db
    .update(phoneNumbers)
    .set({ status: "active", updatedAt: new Date() })
    .where(and(eq(phoneNumbers.id, row.id), eq(phoneNumbers.status, "pending")))
    .returning();
  if (active) await publishRoute(deps.bus, active);
}

async function fail(deps: Deps, row: typeof phoneNumbers.$inferSelect): Promise<void> {
  const refunded = await deps.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(phoneNumbers)
      .where(and(eq(phoneNumbers.id, row.id), eq(phoneNumbers.status, "pending")))
      .returning();
    if (!removed) return false;
    const [charge] = await tx
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.reference, row.id), eq(creditLedger.kind, "number_purchase")));
    if (!charge || charge.amountCents >= 0) return false;
    await appendEntry(tx, deps, {
      orgId: row.orgId,
      kind: "refund",
      amountCents: -charge.amountCents,
      reference: row.id,
      description: `The carrier did not complete the order for ${row.phoneNumber}`,
    });
    return true;
  });
  if (refunded) await publishBalance(deps.db, deps.bus, row.orgId);
}

/** Applies a number_order.complete event: each pending number of the order completed or failed. */
export async function applyCarrierOrder(deps: Deps, order: CarrierOrder): Promise<void> {
  for (const number of order.phone_numbers ?? []) {
    if (!number.phone_number) continue;
    const row = await pendingRow(deps, number.phone_number);
    if (!row) continue;
    const succeeded = (number.status ?? order.status) === "success";
    if (succeeded) await complete(deps, row);
    else if ((number.status ?? order.status) === "failure") await fail(deps, row);
  }
}
