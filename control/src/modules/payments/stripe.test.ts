// Card purchases through the Stripe stand-in: a Checkout URL first, credits only with Stripe's
// signed checkout.session.completed, once however often it is delivered; refunds and disputes
// debit; an unsigned or wrongly signed event changes nothing.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { startStripeStandIn } from "@switchboard/stand-ins/stripe";
import { eq } from "drizzle-orm";
import { creditLedger, paymentSessions } from "../../db/schema.ts";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { getBalanceCents } from "../credits/ledger.ts";

const stripe = startStripeStandIn();
const WEBHOOK_URL = "http://localhost/api/v1/payments/stripe/webhook";
let h: Harness;

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
}, 90_000);
afterAll(async () => {
  await stripe.stop();
  await h.close();
});

async function purchase(amountCents: number) {
  const org = await h.newOrg();
  const api = harnessClient(h, org.ownerKey);
  const res = await api.POST("/api/v1/credits/purchase", { body: { amount_cents: amountCents } });
  expect(res.response.status).toBe(202);
  const [session] = await h.ctx.db.select().from(paymentSessions).where(eq(paymentSessions.orgId, org.orgId));
  return { ...org, res, sessionId: session!.providerSessionId };
}

const deliver = (request: Request) => h.app.handle(request);

async function ledger(orgId: string) {
  return h.ctx.db.select().from(creditLedger).where(eq(creditLedger.orgId, orgId));
}

describe("Stripe Checkout", () => {
  test("a purchase answers 202 pending with the Checkout URL and credits nothing yet", async () => {
    const { res, orgId, sessionId } = await purchase(2500);
    expect(res.data).toMatchObject({
      status: "pending",
      provider: "stripe",
      transaction: null,
      balance_cents: 0,
    });
    expect(res.data!.checkout_url).toBe(`${stripe.url}/c/pay/${sessionId}`);
    const session = stripe.sessions.get(sessionId)!;
    expect(session.amount_total).toBe(2500);
    expect(session.client_reference_id).toBe(orgId);
    expect(session.success_url).toStartWith("https://switchboard.example.com/");
    expect(await getBalanceCents(h.ctx.db, orgId)).toBe(0);
  });

  test("the same checkout.session.completed delivered twice credits once", async () => {
    const { orgId, sessionId } = await purchase(2500);
    const event = stripe.completed(sessionId);
    expect((await deliver(event.request(WEBHOOK_URL))).status).toBe(200);
    expect((await deliver(event.request(WEBHOOK_URL))).status).toBe(200);
    // Stripe may also send a new event for the same session: still one credit.
    expect((await deliver(stripe.completed(sessionId).request(WEBHOOK_URL))).status).toBe(200);
    expect(await getBalanceCents(h.ctx.db, orgId)).toBe(2500);
    const entries = await ledger(orgId);
    expect(entries.map((e) => [e.kind, e.amountCents])).toEqual([["purchase", 2500]]);
  });

  test("unsigned, wrongly signed or altered events are 400 and credit nothing", async () => {
    const { orgId, sessionId } = await purchase(1000);
    const event = stripe.completed(sessionId);
    expect((await deliver(event.request(WEBHOOK_URL, { signature: null }))).status).toBe(400);
    expect((await deliver(event.request(WEBHOOK_URL, { signature: "t=1,v1=00" }))).status).toBe(400);
    const signed = event.request(WEBHOOK_URL);
    const altered = new Request(WEBHOOK_URL, {
      method: "POST",
      headers: signed.headers,
      body: event.payload.replace('"amount_total": 1000', '"amount_total": 999999'),
    });
    expect((await deliver(altered)).status).toBe(400);
    expect(await getBalanceCents(h.ctx.db, orgId)).toBe(0);
  });

  test("a refund debits each increase once; a dispute debits, never below zero", async () => {
    const { orgId, sessionId } = await purchase(3000);
    await deliver(stripe.completed(sessionId).request(WEBHOOK_URL));
    const partial = stripe.refunded(sessionId, 1000);
    expect((await deliver(partial.request(WEBHOOK_URL))).status).toBe(200);
    expect((await deliver(partial.request(WEBHOOK_URL))).status).toBe(200);
    expect(await getBalanceCents(h.ctx.db, orgId)).toBe(2000);
    await deliver(stripe.refunded(sessionId, 1500).request(WEBHOOK_URL));
    expect(await getBalanceCents(h.ctx.db, orgId)).toBe(1500);
    await deliver(stripe.disputed(sessionId, 3000).request(WEBHOOK_URL));
    expect(await getBalanceCents(h.ctx.db, orgId)).toBe(0);
    const entries = await ledger(orgId);
    const amounts = (kind: string) =>
      entries
        .filter((e) => e.kind === kind)
        .map((e) => e.amountCents)
        .sort((a, b) => a - b);
    expect(amounts("purchase")).toEqual([3000]);
    expect(amounts("refund")).toEqual([-1500, -1000, -500]);
  });
});
