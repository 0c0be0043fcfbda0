// Auto-recharge: when an org's balance falls below its threshold, its card saved at a Checkout
// purchase is charged off-session (a Stripe PaymentIntent with customer, payment_method,
// off_session and confirm) for the set amount. Crossing the threshold marks one pending charge
// in the ledger's own transaction (no second one until it is done); the charge's id is Stripe's
// Idempotency-Key and the credit's ledger reference is the PaymentIntent, so a worker killed
// mid-charge charges and credits once. A declined card turns auto-recharge off, keeps the reason
// and sends `credits.auto_recharge_failed`.
import { ApiError } from "@switchboard/shared/errors";
import { and, eq, isNotNull } from "drizzle-orm";
import Stripe from "stripe";
import { PollLoop } from "../../background/poll-loop.ts";
import type { ControlContext } from "../../context.ts";
import type { Database } from "../../db/client.ts";
import { autoRecharges } from "../../db/schema.ts";
import { appendEntry, getBalanceCents, publishBalance } from "../credits/ledger.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import { stripeClient } from "./stripe-client.ts";

export type AutoRechargeRow = typeof autoRecharges.$inferSelect;
type Deps = Pick<ControlContext, "db" | "bus" | "config" | "log">;

/** After a Checkout purchase: the card it was paid with becomes the org's saved card. */
export async function saveCheckoutCard(
  deps: Pick<Deps, "db" | "config">,
  orgId: string,
  customerId: string,
  paymentIntentId: string,
): Promise<void> {
  const intent = await stripeClient(deps.config.payments).paymentIntents.retrieve(paymentIntentId);
  const paymentMethod =
    typeof intent.payment_method === "string" ? intent.payment_method : (intent.payment_method?.id ?? null);
  if (!paymentMethod) return;
  const saved = { stripeCustomerId: customerId, stripePaymentMethodId: paymentMethod, updatedAt: new Date() };
  await deps.db
    .insert(autoRecharges)
    .values({ orgId, ...saved })
    .onConflictDoUpdate({ target: autoRecharges.orgId, set: saved });
}

/** The saved customer of the org, for its next Checkout session. */
export async function savedCustomer(db: Database, orgId: string): Promise<string | null> {
  const [row] = await db
    .select({ customer: autoRecharges.stripeCustomerId })
    .from(autoRecharges)
    .where(eq(autoRecharges.orgId, orgId));
  return row?.customer ?? null;
}

async function failed(deps: Deps, row: AutoRechargeRow, chargeId: string, reason: string) {
  await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(autoRecharges)
      .set({ enabled: false, pendingChargeId: null, lastError: reason.slice(0, 500), updatedAt: new Date() })
      .where(and(eq(autoRecharges.orgId, row.orgId), eq(autoRecharges.pendingChargeId, chargeId)))
      .returning();
    if (!updated) return;
    await emitWebhookEvent(tx, row.orgId, "credits.auto_recharge_failed", {
      amount_cents: row.amountCents,
      threshold_cents: row.thresholdCents,
      reason: updated.lastError,
      balance_cents: await getBalanceCents(tx, row.orgId),
    });
  });
}

/** Makes one pending charge; a crash before it is recorded makes it again under the same key. */
async function charge(deps: Deps, row: AutoRechargeRow): Promise<void> {
  const chargeId = row.pendingChargeId!;
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripeClient(deps.config.payments).paymentIntents.create(
      {
        amount: row.amountCents,
        currency: "usd",
        customer: row.stripeCustomerId!,
        payment_method: row.stripePaymentMethodId!,
        off_session: true,
        confirm: true,
        metadata: { org_id: row.orgId, auto_recharge: chargeId },
      },
      { idempotencyKey: chargeId },
    );
  } catch (error) {
    // A card error or a refusal of the request: retrying would only be declined again.
    if (
      error instanceof Stripe.errors.StripeCardError ||
      error instanceof Stripe.errors.StripeInvalidRequestError
    )
      return failed(deps, row, chargeId, `${error.code ?? "declined"}: ${error.message}`);
    throw error;
  }
  if (intent.status !== "succeeded") return failed(deps, row, chargeId, `payment ${intent.status}`);
  await deps.db.transaction(async (tx) => {
    await appendEntry(tx, deps, {
      orgId: row.orgId,
      kind: "purchase",
      amountCents: row.amountCents,
      reference: `stripe:${intent.id}`,
      description: "Auto-recharge via stripe",
    });
    await tx
      .update(autoRecharges)
      .set({ pendingChargeId: null, lastError: null, updatedAt: new Date() })
      .where(and(eq(autoRecharges.orgId, row.orgId), eq(autoRecharges.pendingChargeId, chargeId)));
  });
  await publishBalance(deps.db, deps.bus, row.orgId);
}

/** Polls for pending charges; `runOnce` makes those due now and says how many. */
export class AutoRecharger {
  private readonly loop: PollLoop;

  constructor(
    private readonly deps: Deps,
    pollIntervalMs = 1000,
  ) {
    this.loop = new PollLoop(
      async () => {
        // A round always rests after: a charge that keeps failing is retried at this pace.
        await this.runOnce();
        return false;
      },
      pollIntervalMs,
      (error) => this.deps.log.error({ err: error }, "auto-recharge: poll failed"),
    );
  }

  async runOnce(): Promise<number> {
    if (this.deps.config.payments.provider !== "stripe") return 0;
    const due = await this.deps.db
      .select()
      .from(autoRecharges)
      .where(isNotNull(autoRecharges.pendingChargeId));
    for (const row of due) {
      try {
        await charge(this.deps, row);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        this.deps.log.error({ err: error, org_id: row.orgId }, "auto-recharge charge failed; retried");
      }
    }
    return due.length;
  }

  start(): void {
    this.loop.start();
  }

  /** Lets the pass in hand finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }
}
