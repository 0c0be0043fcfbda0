// Auto-recharge through the Stripe stand-in: the card of a Checkout purchase is saved; a debit
// that takes the balance below the threshold charges it off-session once (a PaymentIntent with
// the saved customer and card) and credits the amount; a charge whose recording was lost is
// replayed by its Idempotency-Key and credited once; a declined card turns auto-recharge off,
// keeps the reason and queues credits.auto_recharge_failed.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { newId } from "@switchboard/shared/ids";
import { startStripeStandIn } from "@switchboard/stand-ins/stripe";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import {
  autoRecharges,
  creditLedger,
  paymentSessions,
  webhookDeliveries,
  webhookEndpoints,
} from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { getBalanceCents, recordEntry } from "../credits/ledger.ts";
import { AutoRecharger } from "./auto-recharge.ts";

const stripe = startStripeStandIn();
const WEBHOOK_URL = "http://localhost/api/v1/payments/stripe/webhook";
let h: Harness;
let recharger: AutoRecharger;

beforeAll(async () => {
  const base = loadConfig({});
  h = await createHarness({
    config: {
      selfServeCredits: false,
      payments: {
        provider: "stripe",
        stripeSecretKey: stripe.secretKey,
        stripeWebhookSecret: stripe.webhookSecret,
        stripeBaseUrl: stripe.url,
      },
      carriers: { ...base.carriers, publicUrl: "https://switchboard.example.com" },
    },
  });
  recharger = new AutoRecharger(h.ctx);
}, 90_000);
afterAll(async () => {
  await stripe.stop();
  await h.close();
});

interface Settings {
  enabled: boolean;
  threshold_cents: number;
  amount_cents: number;
  card_saved: boolean;
  last_error: string | null;
}

/** An org that bought `cents` through Checkout (its card saved) and turned auto-recharge on. */
async function orgWithSavedCard(cents: number, settings = { threshold_cents: 500, amount_cents: 2000 }) {
  const org = await h.newOrg();
  await h.ctx.db.insert(webhookEndpoints).values({
    id: newId("whk"),
    orgId: org.orgId,
    url: "http://127.0.0.1:9/hook",
    secretCiphertext: "unused",
  });
  const key = org.ownerKey;
  const bought = await h.json("POST", "/api/v1/credits/purchase", { key, body: { amount_cents: cents } });
  expect(bought.status).toBe(202);
  const [session] = await h.ctx.db.select().from(paymentSessions).where(eq(paymentSessions.orgId, org.orgId));
  expect(stripe.sessions.get(session!.providerSessionId)?.customer).toStartWith("cus_");
  const delivered = await h.app.handle(stripe.completed(session!.providerSessionId).request(WEBHOOK_URL));
  expect(delivered.status).toBe(200);
  const before = await h.json<Settings>("GET", "/api/v1/credits/auto-recharge", { key });
  expect(before.body).toMatchObject({ enabled: false, card_saved: true });
  const set = await h.json<Settings>("PUT", "/api/v1/credits/auto-recharge", {
    key,
    body: { enabled: true, ...settings },
  });
  expect(set.status).toBe(200);
  return org;
}

const spend = (orgId: string, cents: number) =>
  recordEntry(h.ctx, { orgId, kind: "call_usage", amountCents: -cents, reference: newId("call") });

const purchases = (orgId: string) =>
  h.ctx.db
    .select()
    .from(creditLedger)
    .where(and(eq(creditLedger.orgId, orgId), eq(creditLedger.kind, "purchase")));

test("enabling needs a saved card; unknown fields are refused", async () => {
  const org = await h.newOrg();
  const key = org.ownerKey;
  const refused = await h.json("PUT", "/api/v1/credits/auto-recharge", {
    key,
    body: { enabled: true, threshold_cents: 500, amount_cents: 2000 },
  });
  expect(refused.status).toBe(409);
  const strict = await h.json("PUT", "/api/v1/credits/auto-recharge", {
    key,
    body: { enabled: false, threshold_cents: 500, amount_cents: 2000, card: "4242" },
  });
  expect(strict.status).toBe(422);
});

test("falling below the threshold charges the saved card off-session once and credits the amount", async () => {
  const { orgId } = await orgWithSavedCard(1000);
  const chargesBefore = stripe.intents.offSession.length;
  await spend(orgId, 600);
  await spend(orgId, 100);
  expect(await recharger.runOnce()).toBe(1);
  expect(await recharger.runOnce()).toBe(0);
  const charges = stripe.intents.offSession.slice(chargesBefore);
  expect(charges).toHaveLength(1);
  const [row] = await h.ctx.db.select().from(autoRecharges).where(eq(autoRecharges.orgId, orgId));
  expect(charges[0]).toMatchObject({
    amount: 2000,
    off_session: true,
    status: "succeeded",
    customer: row!.stripeCustomerId,
    payment_method: row!.stripePaymentMethodId,
  });
  expect(await getBalanceCents(h.ctx.db, orgId)).toBe(1000 - 700 + 2000);
  const credited = await purchases(orgId);
  expect(credited.map((entry) => [entry.amountCents, entry.reference])).toContainEqual([
    2000,
    `stripe:${charges[0]!.id}`,
  ]);
  expect(row!.pendingChargeId).toBeNull();
});

test("a charge Stripe made whose recording was lost is replayed by its key and credited once", async () => {
  const { orgId } = await orgWithSavedCard(1000);
  const [row] = await h.ctx.db.select().from(autoRecharges).where(eq(autoRecharges.orgId, orgId));
  const chargeId = newId("pay");
  await h.ctx.db
    .update(autoRecharges)
    .set({ pendingChargeId: chargeId })
    .where(eq(autoRecharges.orgId, orgId));
  // The first attempt: Stripe charged, then the process died before the ledger entry.
  const sdk = new Stripe(stripe.secretKey, {
    host: new URL(stripe.url).hostname,
    port: new URL(stripe.url).port,
    protocol: "http",
    httpClient: Stripe.createFetchHttpClient(),
  });
  const first = await sdk.paymentIntents.create(
    {
      amount: 2000,
      currency: "usd",
      customer: row!.stripeCustomerId!,
      payment_method: row!.stripePaymentMethodId!,
      off_session: true,
      confirm: true,
    },
    { idempotencyKey: chargeId },
  );
  const chargesBefore = stripe.intents.offSession.length;
  expect(await recharger.runOnce()).toBe(1);
  expect(stripe.intents.offSession.length).toBe(chargesBefore);
  const credited = await purchases(orgId);
  expect(credited.filter((entry) => entry.reference === `stripe:${first.id}`)).toHaveLength(1);
  expect(await getBalanceCents(h.ctx.db, orgId)).toBe(3000);
});

test("a declined card turns auto-recharge off, keeps the reason and notifies", async () => {
  const { orgId, ownerKey } = await orgWithSavedCard(1000);
  stripe.intents.failNext({
    code: "card_declined",
    decline_code: "insufficient_funds",
    message: "Your card has insufficient funds.",
  });
  await spend(orgId, 600);
  expect(await recharger.runOnce()).toBe(1);
  expect(await getBalanceCents(h.ctx.db, orgId)).toBe(400);
  const settings = await h.json<Settings>("GET", "/api/v1/credits/auto-recharge", { key: ownerKey });
  expect(settings.body.enabled).toBe(false);
  expect(settings.body.last_error).toContain("card_declined");
  const events = await h.ctx.db
    .select({ type: webhookDeliveries.eventType })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.orgId, orgId));
  expect(events.map((event) => event.type)).toContain("credits.auto_recharge_failed");
  // Off: the next crossing charges nothing.
  const chargesBefore = stripe.intents.offSession.length;
  await h.ctx.db.update(autoRecharges).set({ lastError: null }).where(eq(autoRecharges.orgId, orgId));
  await spend(orgId, 300);
  expect(await recharger.runOnce()).toBe(0);
  expect(stripe.intents.offSession.length).toBe(chargesBefore);
});
