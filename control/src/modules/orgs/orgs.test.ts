import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { and, eq } from "drizzle-orm";
import { reconcileBusState } from "../../bus-state/reconcile.ts";
import { creditLedger, orgs } from "../../db/schema.ts";
import { addCredits, inboundCallEvents } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { stockInventory } from "../../testing/numbers.ts";
import { applyCallEvent } from "../calls/events.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { RenewalScheduler } from "../phone-numbers/renewal.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    config: {
      inboundCentsPerMinute: 3,
      outboundCentsPerMinute: 5,
      webCentsPerMinute: 2,
      numberMonthlyCents: 500,
    },
  });
});
afterAll(async () => {
  await h.close();
});

test("every org's concurrent-call cap is published for the gateways", async () => {
  await h.ctx.db.update(orgs).set({ maxConcurrentCalls: 3 }).where(eq(orgs.id, h.orgId));
  const other = await h.newOrg();
  await reconcileBusState(h.ctx);
  expect(await h.ctx.bus.hashGet(Hashes.orgCallLimits, h.orgId)).toBe("3");
  expect(await h.ctx.bus.hashGet(Hashes.orgCallLimits, other.orgId)).toBe("10");
});

test("every org's effective rates are published for the gateways", async () => {
  const other = await h.newOrg();
  await h.ctx.db
    .update(orgs)
    .set({ rates: { outbound_cents_per_minute: 11 } })
    .where(eq(orgs.id, other.orgId));
  await reconcileBusState(h.ctx);
  expect(JSON.parse((await h.ctx.bus.hashGet(Hashes.orgRates, other.orgId))!)).toEqual({
    number_monthly_cents: 500,
    outbound_cents_per_minute: 11,
    inbound_cents_per_minute: 3,
    web_cents_per_minute: 2,
  });
});

describe("GET /org", () => {
  test("any role sees its own org: limits, rates, balance", async () => {
    const org = await h.newOrg();
    await h.ctx.db
      .update(orgs)
      .set({ maxConcurrentCalls: 4, rates: { inbound_cents_per_minute: 7 } })
      .where(eq(orgs.id, org.orgId));
    await addCredits(h, 1234, org.orgId);
    const member = await h.newKey("member", org.orgId);
    const res = await h.json<Record<string, unknown>>("GET", "/api/v1/org", { key: member });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: org.orgId,
      max_concurrent_calls: 4,
      rates: {
        number_monthly_cents: 500,
        outbound_cents_per_minute: 5,
        inbound_cents_per_minute: 7,
        web_cents_per_minute: 2,
      },
      rate_overrides: { inbound_cents_per_minute: 7 },
      balance_cents: 1234,
    });
    expect(String(res.body.created_at)).toMatch(/^\d{4}-\d\d-\d\dT/);
    const mine = await h.json<{ id: string }>("GET", "/api/v1/org");
    expect(mine.body.id).toBe(h.orgId);
    expect((await h.request("GET", "/api/v1/org", { key: null })).status).toBe(401);
  });
});

describe("an org's own rates are what it is billed", () => {
  test("calls at its per-minute rate, numbers at its monthly price, renewals at the price of the day", async () => {
    const org = await h.newOrg();
    await h.ctx.db
      .update(orgs)
      .set({ rates: { inbound_cents_per_minute: 60, number_monthly_cents: 200 } })
      .where(eq(orgs.id, org.orgId));
    await addCredits(h, 10_000, org.orgId);

    // A 61 s inbound call: 61 cents at 60 cents a minute (3 cents at the platform's rate).
    const agent = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      key: org.ownerKey,
      body: { name: "Billing" },
    });
    const agentId = agent.body.id;
    const callId = newId("call");
    const events = inboundCallEvents(h, {
      callId,
      agentId,
      answeredAtMs: Date.now() - 61_000,
      durationS: 61,
    });
    for (const event of events) await applyCallEvent(h.ctx, { ...event, org_id: org.orgId });
    const [charge] = await h.ctx.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.orgId, org.orgId), eq(creditLedger.reference, callId)));
    expect(charge?.amountCents).toBe(-61);

    const [number] = await stockInventory(h.ctx.db, 1);
    const search = await h.json<{ data: Array<{ monthly_cost_cents: number }> }>(
      "GET",
      `/api/v1/phone-numbers/search?contains=${number!.slice(-7)}`,
      { key: org.ownerKey },
    );
    expect(search.body.data[0]?.monthly_cost_cents).toBe(200);
    const bought = await h.json<{ id: string; monthly_cost_cents: number; renews_at: string }>(
      "POST",
      "/api/v1/phone-numbers",
      { key: org.ownerKey, body: { phone_number: number } },
    );
    expect(bought.status).toBe(201);
    expect(bought.body.monthly_cost_cents).toBe(200);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(10_000 - 61 - 200);

    await h.ctx.db
      .update(orgs)
      .set({ rates: { inbound_cents_per_minute: 60, number_monthly_cents: 350 } })
      .where(eq(orgs.id, org.orgId));
    const scheduler = new RenewalScheduler(
      { db: h.ctx.db, bus: h.ctx.bus, config: h.ctx.config },
      createLogger("silent"),
    );
    const outcome = await scheduler.tick(new Date(Date.parse(bought.body.renews_at) + 1000));
    expect(outcome.renewed).toContain(bought.body.id);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(10_000 - 61 - 200 - 350);
    const after = await h.json<{ monthly_cost_cents: number }>(
      "GET",
      `/api/v1/phone-numbers/${bought.body.id}`,
      {
        key: org.ownerKey,
      },
    );
    expect(after.body.monthly_cost_cents).toBe(350);
  });
});
