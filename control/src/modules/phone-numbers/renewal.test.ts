import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { and, eq } from "drizzle-orm";
import { reconcileBusState } from "../../bus-state/reconcile.ts";
import { creditLedger, webhookDeliveries } from "../../db/schema.ts";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";
import { stockInventory } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";
import { createWebhook } from "../webhooks/service.ts";
import { RenewalScheduler } from "./renewal.ts";
import { refreshRoutesForAgent } from "./routing.ts";

const DAY_MS = 86_400_000;

// Routing is checked on the real Redis: the gateway reads this hash, never the database.
let h: Harness;
let scheduler: RenewalScheduler;
beforeAll(async () => {
  h = await createHarness({ bus: await testRedisBus() });
  scheduler = new RenewalScheduler(
    { db: h.ctx.db, bus: h.ctx.bus, config: h.ctx.config },
    createLogger("silent"),
  );
});
afterAll(async () => {
  await h.close();
  await h.ctx.bus.close();
});

const byId = (id: string) => ({ params: { path: { id } } });

async function route(phoneNumber: string) {
  const raw = await h.ctx.bus.hashGet(Hashes.numberRoutes, phoneNumber);
  return raw === null ? null : JSON.parse(raw);
}

async function orgWithNumber(balanceCents: number) {
  const org = await h.newOrg();
  await credit(h.ctx, org.orgId, balanceCents, "purchase", "seed");
  const [number] = await stockInventory(h.ctx.db, 1);
  const api = harnessClient(h, org.ownerKey);
  const bought = await api.POST("/api/v1/phone-numbers", { body: { phone_number: number } });
  expect(bought.response.status).toBe(201);
  return { org, api, number: bought.data! };
}

describe("routing table on Redis", () => {
  test("attach, detach and a full republish are visible on the bus, with invalidations", async () => {
    const { org, api, number } = await orgWithNumber(1000);
    const invalidated: string[] = [];
    const unsubscribe = await h.ctx.bus.subscribe(Channels.numberRouteInvalidated, (m) =>
      invalidated.push(m),
    );
    const agent = (await api.POST("/api/v1/agents", { body: { name: "Line" } })).data!;
    const attached = await api.POST("/api/v1/phone-numbers/{id}/attach", {
      ...byId(number.id),
      body: { agent_id: agent.id },
    });
    expect(attached.response.status).toBe(200);
    expect(await route(number.phone_number)).toEqual({
      org_id: org.orgId,
      phone_number_id: number.id,
      agent_id: agent.id,
      forwarding: null,
      status: "active",
    });
    expect((await api.POST("/api/v1/phone-numbers/{id}/detach", byId(number.id))).response.status).toBe(200);
    expect((await route(number.phone_number)).agent_id).toBeNull();
    await waitFor(
      "two invalidations of the number's route",
      () => invalidated.filter((m) => m === number.phone_number).length >= 2,
    );
    await unsubscribe();

    // A restarted Redis is empty: the bus rebuild restores every route and drops stale ones.
    await h.ctx.bus.hashDelete(Hashes.numberRoutes, number.phone_number);
    await h.ctx.bus.hashSet(Hashes.numberRoutes, "+14155550100", "{}");
    await reconcileBusState(h.ctx);
    expect((await route(number.phone_number)).phone_number_id).toBe(number.id);
    expect(await route("+14155550100")).toBeNull();
  });
});

describe("routes after an agent is deleted", () => {
  test("its numbers' routes lose the agent", async () => {
    const { api, number } = await orgWithNumber(1000);
    const agent = (await api.POST("/api/v1/agents", { body: { name: "Temporary" } })).data!;
    const attached = await api.POST("/api/v1/phone-numbers/{id}/attach", {
      ...byId(number.id),
      body: { agent_id: agent.id },
    });
    expect(attached.response.status).toBe(200);
    expect((await route(number.phone_number)).agent_id).toBe(agent.id);
    expect(
      (await api.DELETE("/api/v1/agents/{agent_id}", { params: { path: { agent_id: agent.id } } })).response
        .status,
    ).toBe(204);
    expect(await refreshRoutesForAgent(h.ctx.db, h.ctx.bus, agent.id)).toBe(1);
    expect((await route(number.phone_number)).agent_id).toBeNull();
    const read = await api.GET("/api/v1/phone-numbers/{id}", byId(number.id));
    expect(read.data!.agent_id).toBeNull();
  });
});

describe("renewal scheduler", () => {
  test("a due renewal with credits is charged once and moves renews_at a month on", async () => {
    const { org, api, number } = await orgWithNumber(2000);
    const due = new Date(Date.parse(number.renews_at) + 1000);
    const outcome = await scheduler.tick(due);
    expect(outcome.renewed).toContain(number.id);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(1000);
    expect(await h.ctx.bus.hashGet(Hashes.creditBalances, org.orgId)).toBe("1000");
    const after = (await api.GET("/api/v1/phone-numbers/{id}", byId(number.id))).data!;
    const movedDays = (Date.parse(after.renews_at) - Date.parse(number.renews_at)) / DAY_MS;
    expect(movedDays).toBeGreaterThanOrEqual(28);
    expect(movedDays).toBeLessThanOrEqual(31);
    expect(after.status).toBe("active");
    await scheduler.tick(due);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(1000);
    const renewals = await h.ctx.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.orgId, org.orgId), eq(creditLedger.kind, "number_renewal")));
    expect(renewals).toHaveLength(1);
  });

  test("an unpaid renewal suspends the number, updates the route and queues number.suspended", async () => {
    const { org, api, number } = await orgWithNumber(700);
    const { row: endpoint } = await createWebhook(h.ctx.db, h.ctx.config, org.orgId, {
      url: "http://127.0.0.1:9/hooks",
    });
    const due = new Date(Date.parse(number.renews_at) + 1000);
    const outcome = await scheduler.tick(due);
    expect(outcome.suspended).toContain(number.id);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(200);
    const after = (await api.GET("/api/v1/phone-numbers/{id}", byId(number.id))).data!;
    expect(after.status).toBe("suspended");
    expect((await route(number.phone_number)).status).toBe("suspended");
    const events = await h.ctx.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      type: "number.suspended",
      data: { phone_number_id: number.id, phone_number: number.phone_number, reason: "renewal_unpaid" },
    });

    // Still unpaid on the next pass: no second webhook.
    const later = new Date(due.getTime() + DAY_MS);
    expect((await scheduler.tick(later)).stillSuspended).toContain(number.id);
    expect(
      await h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)),
    ).toHaveLength(1);

    // Paid after a top-up: active again for a month from then.
    await credit(h.ctx, org.orgId, 1000, "purchase", "topup");
    expect((await scheduler.tick(later)).renewed).toContain(number.id);
    const back = (await api.GET("/api/v1/phone-numbers/{id}", byId(number.id))).data!;
    expect(back.status).toBe("active");
    expect(Date.parse(back.renews_at)).toBeGreaterThan(later.getTime() + 27 * DAY_MS);
    expect((await route(number.phone_number)).status).toBe("active");
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(700);
  });
});
