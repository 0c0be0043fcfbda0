// chargeCall in one statement, on the test run's database: the ledger's rules (idempotent by
// the call's id, never below zero, credits.low on crossing, auto-recharge marked due) hold as
// they do for appendEntry.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { and, eq } from "drizzle-orm";
import { autoRecharges, creditBalances, creditLedger, webhookDeliveries } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { credit } from "../credits/ledger.ts";
import { createWebhook } from "../webhooks/service.ts";
import { chargeCall } from "./billing.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ config: { selfServeCredits: true } });
});
afterAll(async () => {
  await h.close();
});

const charge = (orgId: string, callId: string, cents: number) =>
  h.ctx.db.transaction((tx) =>
    chargeCall(tx, h.ctx.config, { id: callId, orgId, direction: "inbound" }, cents),
  );

const balanceOf = async (orgId: string) =>
  (await h.ctx.db.select().from(creditBalances).where(eq(creditBalances.orgId, orgId)))[0]?.balanceCents ??
  null;

const usageEntries = (orgId: string) =>
  h.ctx.db
    .select()
    .from(creditLedger)
    .where(and(eq(creditLedger.orgId, orgId), eq(creditLedger.kind, "call_usage")));

test("a call is charged once, into one ledger entry with the balance after it", async () => {
  const { orgId } = await h.newOrg();
  await credit(h.ctx, orgId, 1000, "purchase", "seed");
  const callId = newId("call");
  expect(await charge(orgId, callId, 120)).toBe(120);
  expect(await charge(orgId, callId, 120)).toBe(0);
  expect(await balanceOf(orgId)).toBe(880);
  const entries = await usageEntries(orgId);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    amountCents: -120,
    balanceAfterCents: 880,
    reference: callId,
    description: `inbound call ${callId}`,
  });
  expect(entries[0]!.id).toStartWith("txn_");
});

test("at most the balance is charged, and an org without a balance is charged nothing", async () => {
  const { orgId } = await h.newOrg();
  await credit(h.ctx, orgId, 50, "purchase", "seed");
  expect(await charge(orgId, newId("call"), 80)).toBe(50);
  expect(await balanceOf(orgId)).toBe(0);
  expect(await charge(orgId, newId("call"), 10)).toBe(0);
  expect(await usageEntries(orgId)).toHaveLength(1);

  const unfunded = await h.newOrg();
  expect(await charge(unfunded.orgId, newId("call"), 10)).toBe(0);
  expect(await balanceOf(unfunded.orgId)).toBeNull();
  expect(await usageEntries(unfunded.orgId)).toHaveLength(0);
});

test("crossing below the low-balance threshold queues credits.low once, with the entry's id", async () => {
  const { orgId } = await h.newOrg();
  const { row: endpoint } = await createWebhook(h.ctx.db, h.ctx.config, orgId, {
    url: "http://127.0.0.1:9/hooks",
    events: ["credits.low"],
  });
  await credit(h.ctx, orgId, 1500, "purchase", "seed");
  await h.ctx.db
    .update(creditBalances)
    .set({ lowBalanceThresholdCents: 1000 })
    .where(eq(creditBalances.orgId, orgId));
  const lowEvents = () =>
    h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
  await charge(orgId, newId("call"), 400); // 1100: still above
  expect(await lowEvents()).toHaveLength(0);
  const crossing = newId("call");
  await charge(orgId, crossing, 200); // 900: crosses
  await charge(orgId, newId("call"), 100); // 800: already below
  const events = await lowEvents();
  expect(events).toHaveLength(1);
  const [entry] = (await usageEntries(orgId)).filter((row) => row.reference === crossing);
  expect(JSON.parse(events[0]!.payload)).toMatchObject({
    type: "credits.low",
    data: { balance_cents: 900, low_balance_threshold_cents: 1000, transaction_id: entry!.id },
  });
});

test("a charge that crosses the auto-recharge threshold marks it due, once", async () => {
  const { orgId } = await h.newOrg();
  await credit(h.ctx, orgId, 1000, "purchase", "seed");
  await h.ctx.db.insert(autoRecharges).values({
    orgId,
    enabled: true,
    thresholdCents: 500,
    amountCents: 2000,
    stripeCustomerId: "cus_test",
    stripePaymentMethodId: "pm_test",
  });
  const pending = async () =>
    (await h.ctx.db.select().from(autoRecharges).where(eq(autoRecharges.orgId, orgId)))[0]!.pendingChargeId;
  try {
    await charge(orgId, newId("call"), 400); // 600: above
    expect(await pending()).toBeNull();
    await charge(orgId, newId("call"), 200); // 400: crosses
    const due = await pending();
    expect(due).toStartWith("pay_");
    await charge(orgId, newId("call"), 100); // 300: already due
    expect(await pending()).toBe(due);
  } finally {
    // The test process shares its database with the payments tests, whose recharger takes every due org.
    await h.ctx.db.delete(autoRecharges).where(eq(autoRecharges.orgId, orgId));
  }
});
