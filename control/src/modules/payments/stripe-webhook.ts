// Stripe's events at /api/v1/payments/stripe/webhook, verified with the SDK's
// webhooks.constructEventAsync (Stripe-Signature over the raw body, STRIPE_WEBHOOK_SECRET, 300 s
// tolerance); an unverified request is a 400 and changes nothing. Each event id is taken once.
// checkout.session.completed credits the session's recorded amount once (its row moves from
// open to completed in the same transaction as the ledger entry); charge.refunded debits each
// increase of the refunded amount, charge.dispute.created the disputed amount, never below zero.
import type { Config } from "@switchboard/shared/config";
import { ApiError, problemResponse } from "@switchboard/shared/errors";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { ControlContext } from "../../context.ts";
import type { Database } from "../../db/client.ts";
import { paymentSessions } from "../../db/schema.ts";
import { claimCallback } from "../carriers/receipts.ts";
import { appendEntry, getBalanceCents, publishBalance } from "../credits/ledger.ts";
import { saveCheckoutCard } from "./auto-recharge.ts";
import { stripeClient } from "./stripe-client.ts";

export const STRIPE_WEBHOOK_PATH = "/api/v1/payments/stripe/webhook";

type Deps = Pick<ControlContext, "db" | "bus" | "config" | "log">;

async function sessionByIntent(tx: Database, paymentIntentId: string | null) {
  if (!paymentIntentId) return null;
  const [row] = await tx
    .select()
    .from(paymentSessions)
    .where(and(eq(paymentSessions.provider, "stripe"), eq(paymentSessions.paymentIntentId, paymentIntentId)))
    .for("update");
  return row ?? null;
}

const intentId = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/** Debits up to `amountCents`, never below a zero balance. */
async function debitUpTo(
  tx: Database,
  deps: { config: Pick<Config, "creditsLowThresholdCents"> },
  orgId: string,
  amountCents: number,
  reference: string,
  description: string,
): Promise<void> {
  const available = await getBalanceCents(tx, orgId);
  const debit = Math.min(amountCents, available);
  if (debit <= 0) return;
  await appendEntry(tx, deps, { orgId, kind: "refund", amountCents: -debit, reference, description });
}

/** Applies one verified event in `tx`; returns the org whose balance changed. */
async function applyEvent(tx: Database, deps: Deps, event: Stripe.Event): Promise<string | null> {
  if (
    event.type === "checkout.session.completed" ||
    event.type === "checkout.session.async_payment_succeeded"
  ) {
    const session = event.data.object;
    if (session.payment_status !== "paid") return null;
    const [row] = await tx
      .update(paymentSessions)
      .set({
        status: "completed",
        completedAt: new Date(),
        paymentIntentId: intentId(session.payment_intent),
      })
      .where(
        and(
          eq(paymentSessions.provider, "stripe"),
          eq(paymentSessions.providerSessionId, session.id),
          eq(paymentSessions.status, "open"),
        ),
      )
      .returning();
    if (!row) return null;
    await appendEntry(tx, deps, {
      orgId: row.orgId,
      kind: "purchase",
      amountCents: row.amountCents,
      reference: `stripe:${session.id}`,
      description: "Credit purchase via stripe",
    });
    return row.orgId;
  }
  if (event.type === "charge.refunded") {
    const charge = event.data.object;
    const row = await sessionByIntent(tx, intentId(charge.payment_intent));
    if (!row || charge.amount_refunded <= row.refundedCents) return null;
    const increase = charge.amount_refunded - row.refundedCents;
    await tx
      .update(paymentSessions)
      .set({ refundedCents: charge.amount_refunded })
      .where(eq(paymentSessions.id, row.id));
    await debitUpTo(
      tx,
      deps,
      row.orgId,
      increase,
      `stripe:refund:${charge.id}:${charge.amount_refunded}`,
      "Card payment refunded",
    );
    return row.orgId;
  }
  if (event.type === "charge.dispute.created") {
    const dispute = event.data.object;
    const row = await sessionByIntent(tx, intentId(dispute.payment_intent));
    if (!row) return null;
    await debitUpTo(
      tx,
      deps,
      row.orgId,
      dispute.amount,
      `stripe:dispute:${dispute.id}`,
      "Card payment disputed",
    );
    return row.orgId;
  }
  return null;
}

export async function handleStripeWebhook(deps: Deps, request: Request): Promise<Response> {
  const { payments } = deps.config;
  if (request.method !== "POST")
    return problemResponse(new ApiError(405, "method_not_allowed", "POST only."));
  if (payments.provider !== "stripe" || payments.stripeWebhookSecret === null) {
    return problemResponse(new ApiError(404, "route_not_found", "No such route."));
  }
  const body = await request.text();
  let event: Stripe.Event;
  try {
    // The async form of webhooks.constructEvent: Bun loads the SDK's web build, whose Web Crypto
    // provider only verifies asynchronously.
    event = await stripeClient(payments).webhooks.constructEventAsync(
      body,
      request.headers.get("stripe-signature") ?? "",
      payments.stripeWebhookSecret,
    );
  } catch {
    return problemResponse(new ApiError(400, "invalid_signature", "The Stripe-Signature does not verify."));
  }
  const orgId = await deps.db.transaction(async (tx) => {
    if (!(await claimCallback(tx, "stripe", event.id))) return null;
    return applyEvent(tx, deps, event);
  });
  if (orgId !== null) await publishBalance(deps.db, deps.bus, orgId);
  if (orgId !== null && event.type === "checkout.session.completed") {
    const session = event.data.object;
    const customer = typeof session.customer === "string" ? session.customer : (session.customer?.id ?? null);
    const intent = intentId(session.payment_intent);
    if (customer && intent) {
      // The credits are in; a card that cannot be saved only leaves auto-recharge without one.
      await saveCheckoutCard(deps, orgId, customer, intent).catch((error: unknown) =>
        deps.log.warn({ err: error, org_id: orgId }, "card of a Checkout purchase not saved"),
      );
    }
  }
  return Response.json({ received: true });
}
