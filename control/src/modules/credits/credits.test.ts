import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { and, eq, sum } from "drizzle-orm";
import { creditLedger, webhookDeliveries } from "../../db/schema.ts";
import { type ApiClient, harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { rejection } from "../../testing/rejection.ts";
import { createWebhook } from "../webhooks/service.ts";
import { credit, recordEntry } from "./ledger.ts";

let h: Harness;
let api: ApiClient;
beforeAll(async () => {
  // These orgs buy their own credits: the embedded single-org setup's self-serve mode.
  h = await createHarness({ config: { selfServeCredits: true } });
  api = harnessClient(h);
});
afterAll(async () => {
  await h.close();
});

async function ledgerSum(orgId: string): Promise<number> {
  const [row] = await h.ctx.db
    .select({ total: sum(creditLedger.amountCents) })
    .from(creditLedger)
    .where(eq(creditLedger.orgId, orgId));
  return Number(row?.total ?? 0);
}

/** A call_usage charge: a negative entry, idempotent by its reference. */
const spend = (orgId: string, cents: number, reference: string) =>
  recordEntry(h.ctx, { orgId, kind: "call_usage", amountCents: -cents, reference });

describe("credits", () => {
  test("a new org has a zero balance and the configured rates", async () => {
    const { ownerKey } = await h.newOrg();
    const res = await harnessClient(h, ownerKey).GET("/api/v1/credits/balance");
    expect(res.response.status).toBe(200);
    expect(res.data!).toEqual({
      balance_cents: 0,
      currency: "usd",
      low_balance_threshold_cents: 500,
      rates: {
        number_monthly_cents: 500,
        outbound_cents_per_minute: 5,
        inbound_cents_per_minute: 3,
        web_cents_per_minute: 3,
      },
    });
  });

  test("purchase credits at once through the self-hosted provider, listed in transactions", async () => {
    const org = await h.newOrg();
    const orgApi = harnessClient(h, org.ownerKey);
    const bought = await orgApi.POST("/api/v1/credits/purchase", { body: { amount_cents: 2500 } });
    expect(bought.response.status).toBe(201);
    expect(bought.data!).toMatchObject({ status: "succeeded", provider: "self_hosted", balance_cents: 2500 });
    expect(bought.data!.transaction).toMatchObject({
      kind: "purchase",
      amount_cents: 2500,
      balance_after_cents: 2500,
    });
    const balance = await orgApi.GET("/api/v1/credits/balance");
    expect(balance.data!.balance_cents).toBe(2500);
    expect(await h.ctx.bus.hashGet(Hashes.creditBalances, org.orgId)).toBe("2500");
    const list = await orgApi.GET("/api/v1/credits/transactions");
    expect(list.response.status).toBe(200);
    expect(list.data!.data).toHaveLength(1);
    expect(list.data!.data[0]).toMatchObject({ kind: "purchase", amount_cents: 2500 });
  });

  test("without self-serve credits or a payment provider, a purchase is a 402 and writes nothing", async () => {
    const operated = await createHarness({ config: { selfServeCredits: false } });
    try {
      const res = await harnessClient(operated).POST("/api/v1/credits/purchase", {
        body: { amount_cents: 2500 },
      });
      expect(res.response.status).toBe(402);
      expect(res.response.headers.get("content-type")).toContain("application/problem+json");
      expect(res.error!.code).toBe("payment_provider_not_configured");
      expect(String(res.error!.detail)).toContain("operator");
      expect(await ledgerSum(operated.orgId)).toBe(0);
      expect(await operated.ctx.bus.hashGet(Hashes.creditBalances, operated.orgId)).toBeNull();
    } finally {
      await operated.close();
    }
  });

  test("transactions paginate newest first and stay inside the org", async () => {
    const org = await h.newOrg();
    for (let i = 1; i <= 3; i++) await credit(h.ctx, org.orgId, i * 100, "adjustment", `adj-${i}`);
    const orgApi = harnessClient(h, org.ownerKey);
    const first = (await orgApi.GET("/api/v1/credits/transactions", { params: { query: { limit: 2 } } }))
      .data!;
    expect(first.data.map((e) => e.amount_cents)).toEqual([300, 200]);
    expect(first.has_more).toBe(true);
    const second = (
      await orgApi.GET("/api/v1/credits/transactions", {
        params: { query: { limit: 2, cursor: first.next_cursor! } },
      })
    ).data!;
    expect(second.data.map((e) => e.amount_cents)).toEqual([100]);
    expect(second.has_more).toBe(false);
    const other = (await api.GET("/api/v1/credits/transactions")).data!;
    expect(other.data.some((e) => String(e.reference).startsWith("adj-"))).toBe(false);
  });

  test("purchase refuses members (403) and bad amounts (422) and changes nothing", async () => {
    const org = await h.newOrg();
    const member = harnessClient(h, await h.newKey("member", org.orgId));
    const denied = await member.POST("/api/v1/credits/purchase", { body: { amount_cents: 1000 } });
    expect(denied.response.status).toBe(403);
    for (const body of [{ amount_cents: 0 }, { amount_cents: 12.5 }, { amount_cents: "lots" }, {}]) {
      // Deliberately off the documented body: the cast is the point of the test.
      const res = await harnessClient(h, org.ownerKey).POST("/api/v1/credits/purchase", {
        body: body as never,
      });
      expect(res.response.status).toBe(422);
      expect(res.error!.code).toBe("validation_failed");
    }
    expect(await ledgerSum(org.orgId)).toBe(0);
  });

  test("Idempotency-Key: a retried purchase is replayed, not charged twice", async () => {
    const org = await h.newOrg();
    const orgApi = harnessClient(h, org.ownerKey);
    const params = { header: { "Idempotency-Key": "buy-credits-1" } };
    const first = await orgApi.POST("/api/v1/credits/purchase", { params, body: { amount_cents: 1000 } });
    const again = await orgApi.POST("/api/v1/credits/purchase", { params, body: { amount_cents: 1000 } });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data!).toEqual(first.data!);
    const different = await orgApi.POST("/api/v1/credits/purchase", { params, body: { amount_cents: 2000 } });
    expect(different.response.status).toBe(422);
    expect(await ledgerSum(org.orgId)).toBe(1000);
  });

  test("a debit larger than the balance is a 402 insufficient_credits and writes nothing", async () => {
    const org = await h.newOrg();
    await credit(h.ctx, org.orgId, 100, "purchase", "seed");
    expect(await rejection(spend(org.orgId, 101, "call-1"))).toMatchObject({
      status: 402,
      code: "insufficient_credits",
    });
    const balance = await harnessClient(h, org.ownerKey).GET("/api/v1/credits/balance");
    expect(balance.data!.balance_cents).toBe(100);
    expect(await ledgerSum(org.orgId)).toBe(100);
  });

  test("debits are idempotent by reference", async () => {
    const org = await h.newOrg();
    await credit(h.ctx, org.orgId, 1000, "purchase", "seed");
    const first = await spend(org.orgId, 42, "call_abc");
    const again = await spend(org.orgId, 42, "call_abc");
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.entry.id).toBe(first.entry.id);
    const both = await Promise.all([
      spend(org.orgId, 7, "call_parallel"),
      spend(org.orgId, 7, "call_parallel"),
    ]);
    expect(both[0].entry.id).toBe(both[1].entry.id);
    expect(await ledgerSum(org.orgId)).toBe(1000 - 42 - 7);
  });

  test("50 parallel debits never overdraft and never lose a cent", async () => {
    const org = await h.newOrg();
    await credit(h.ctx, org.orgId, 1000, "purchase", "seed");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => spend(org.orgId, 30, `call-${i}`)),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter(
      (r) => r.status === "rejected" && (r.reason as { code?: string }).code === "insufficient_credits",
    ).length;
    expect(succeeded).toBe(33);
    expect(refused).toBe(17);
    const balance = await harnessClient(h, org.ownerKey).GET("/api/v1/credits/balance");
    expect(balance.data!.balance_cents).toBe(10);
    expect(await ledgerSum(org.orgId)).toBe(10);
    const entries = await h.ctx.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.orgId, org.orgId), eq(creditLedger.kind, "call_usage")));
    expect(entries).toHaveLength(33);
    const balancesAfter = entries.map((e) => e.balanceAfterCents).sort((a, b) => a - b);
    expect(balancesAfter).toEqual(Array.from({ length: 33 }, (_, i) => 10 + i * 30));
  }, 60_000);

  test("settings: the low-balance threshold is per org, admin-only to change", async () => {
    const org = await h.newOrg();
    const member = harnessClient(h, await h.newKey("member", org.orgId));
    const owner = harnessClient(h, org.ownerKey);
    expect(
      (await member.PATCH("/api/v1/credits/settings", { body: { low_balance_threshold_cents: 1 } })).response
        .status,
    ).toBe(403);
    const bad = await owner.PATCH("/api/v1/credits/settings", { body: { low_balance_threshold_cents: -5 } });
    expect(bad.response.status).toBe(422);
    const set = await owner.PATCH("/api/v1/credits/settings", {
      body: { low_balance_threshold_cents: 2000 },
    });
    expect(set.data!).toEqual({ low_balance_threshold_cents: 2000 });
    expect((await member.GET("/api/v1/credits/settings")).data!).toEqual({
      low_balance_threshold_cents: 2000,
    });
    const reset = await owner.PATCH("/api/v1/credits/settings", {
      body: { low_balance_threshold_cents: null },
    });
    expect(reset.data!).toEqual({ low_balance_threshold_cents: 500 });
  });

  test("credits.low is queued once when the balance crosses below the threshold", async () => {
    const org = await h.newOrg();
    const { row: endpoint } = await createWebhook(h.ctx.db, h.ctx.config, org.orgId, {
      url: "http://127.0.0.1:9/hooks",
      events: ["credits.low"],
    });
    const set = await harnessClient(h, org.ownerKey).PATCH("/api/v1/credits/settings", {
      body: { low_balance_threshold_cents: 1000 },
    });
    expect(set.response.status).toBe(200);
    await credit(h.ctx, org.orgId, 1500, "purchase", "seed");
    await spend(org.orgId, 400, "c1"); // 1100: still above
    const lowEvents = () =>
      h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(await lowEvents()).toHaveLength(0);
    await spend(org.orgId, 200, "c2"); // 900: crosses
    await spend(org.orgId, 100, "c3"); // 800: already below
    const events = await lowEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.eventType).toBe("credits.low");
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      type: "credits.low",
      data: { balance_cents: 900, low_balance_threshold_cents: 1000 },
    });
    await credit(h.ctx, org.orgId, 1000, "purchase", "topup"); // 1800: back above
    await spend(org.orgId, 900, "c4"); // 900: crosses again
    expect(await lowEvents()).toHaveLength(2);
  });
});
