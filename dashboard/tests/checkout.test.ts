// "Buy credits" with Stripe as the payment provider, in headless Chromium against a real control
// process and the Stripe stand-in: the purchase opens a Checkout Session and the page goes to its
// `checkout_url`, the only address outside control the dashboard ever opens. Nothing is credited
// until Stripe reports the payment (docs/PAYMENTS.md).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { type StripeStandIn, startStripeStandIn } from "../../loadtest/stand-ins/src/stripe.ts";
import { waitFor } from "../../shared/src/testing/wait-for.ts";
import { acceptLink, type DashboardRun, startDashboard } from "./support.ts";

let stripe: StripeStandIn;
let run: DashboardRun;

beforeAll(async () => {
  stripe = startStripeStandIn();
  run = await startDashboard({
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_BASE_URL: stripe.url,
  });
}, 180_000);

afterAll(async () => {
  await run?.stop();
  await stripe?.stop();
});

test("Buy credits goes to Stripe Checkout's page for the amount; the balance waits for the payment", async () => {
  const { page } = await run.newPage();
  await acceptLink(page, run.ownerLink, "owner password 1", "owner@example.test");
  await page.getByRole("link", { name: "Credits" }).click();
  await page.getByTestId("balance").waitFor();
  const balance = await page.getByTestId("balance").textContent();
  await page.getByLabel("Amount ($)").fill("40");
  await page.getByRole("button", { name: "Buy credits" }).click();
  // The test's router stops the navigation at the other host and records where it went.
  const checkoutUrl = await waitFor("the page to go to the checkout", () =>
    run.foreign.find((url) => url.startsWith(`${stripe.url}/c/pay/`)),
  );
  const session = [...stripe.sessions.values()].find((s) => checkoutUrl.endsWith(`/c/pay/${s.id}`))!;
  expect(session).toMatchObject({ amount_total: 4000, currency: "usd", status: "open" });
  expect(run.foreign).toEqual([checkoutUrl]);
  const after = await fetch(`${run.origin}/api/v1/credits/balance`, {
    headers: { authorization: `Bearer ${run.apiKey}` },
  });
  const { balance_cents } = (await after.json()) as { balance_cents: number };
  expect(`$${(balance_cents / 100).toFixed(2)}`).toBe(balance!);
}, 60_000);
