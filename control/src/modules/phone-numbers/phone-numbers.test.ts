import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { and, eq } from "drizzle-orm";
import { creditLedger, numberInventory } from "../../db/schema.ts";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber, stockInventory } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

let h: Harness;
let api: ApiClient;
beforeAll(async () => {
  h = await createHarness();
  api = harnessClient(h);
});
afterAll(async () => {
  await h.close();
});

type BuyBody = RequestBody<"/api/v1/phone-numbers", "post">;

async function fundedOrg(cents = 5000) {
  const org = await h.newOrg();
  if (cents > 0) await credit(h.ctx, org.orgId, cents, "purchase", "seed");
  return { ...org, api: harnessClient(h, org.ownerKey) };
}

async function buy(key: string, body: BuyBody) {
  return harnessClient(h, key).POST("/api/v1/phone-numbers", { body });
}

const byId = (id: string) => ({ params: { path: { id } } });
const search = (query: { country?: string; area_code?: string; contains?: string; limit?: number }) =>
  api.GET("/api/v1/phone-numbers/search", { params: { query } });

async function route(phoneNumber: string) {
  const raw = await h.ctx.bus.hashGet(Hashes.numberRoutes, phoneNumber);
  return raw === null ? null : JSON.parse(raw);
}

describe("phone numbers: search and buy", () => {
  test("search by area code and by digits it contains", async () => {
    const stocked = await stockInventory(h.ctx.db, 3, "628", "San Francisco");
    const byArea = await search({ country: "US", area_code: "628", limit: 100 });
    expect(byArea.response.status).toBe(200);
    const found = byArea.data!.data.map((n) => n.phone_number);
    for (const number of stocked) expect(found).toContain(number);
    expect(found.every((n) => String(n).startsWith("+1628"))).toBe(true);
    expect(byArea.data!.data.find((n) => n.phone_number === stocked[0])).toEqual({
      phone_number: stocked[0]!,
      country: "US",
      region: "San Francisco",
      monthly_cost_cents: 500,
    });
    const byDigits = await search({ contains: stocked[1]!.slice(-7) });
    expect(byDigits.data!.data.map((n) => n.phone_number)).toContain(stocked[1]!);
    const bad = await search({ area_code: "4x5" });
    expect(bad.response.status).toBe(422);
  });

  test("buying with too few credits is a 402 and changes nothing", async () => {
    const org = await fundedOrg(499);
    const [number] = await stockInventory(h.ctx.db, 1);
    const res = await buy(org.ownerKey, { phone_number: number });
    expect(res.response.status).toBe(402);
    expect(res.error!.code).toBe("insufficient_credits");
    const [inventory] = await h.ctx.db
      .select()
      .from(numberInventory)
      .where(eq(numberInventory.phoneNumber, number!));
    expect(inventory!.orgId).toBeNull();
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(499);
    const list = await org.api.GET("/api/v1/phone-numbers");
    expect(list.data!.data).toHaveLength(0);
    expect(await route(number!)).toBeNull();
  });

  test("buy a number search returned: 201, first month charged, route published", async () => {
    const org = await fundedOrg(5000);
    const [number] = await stockInventory(h.ctx.db, 1, "415", "CA");
    const before = Date.now();
    const res = await buy(org.ownerKey, { phone_number: number });
    expect(res.response.status).toBe(201);
    const bought = res.data!;
    expect(bought).toMatchObject({
      phone_number: number,
      country: "US",
      region: "CA",
      status: "active",
      agent_id: null,
      forwarding: null,
      monthly_cost_cents: 500,
    });
    expect(bought.id).toMatch(/^pn_[0-9a-f]{32}$/);
    const renewsInDays = (Date.parse(bought.renews_at) - before) / 86_400_000;
    expect(renewsInDays).toBeGreaterThanOrEqual(28);
    expect(renewsInDays).toBeLessThanOrEqual(31.1);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(4500);
    const [entry] = await h.ctx.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.orgId, org.orgId), eq(creditLedger.kind, "number_purchase")));
    expect(entry).toMatchObject({ amountCents: -500, reference: bought.id });
    expect(await route(number!)).toEqual({
      org_id: org.orgId,
      phone_number_id: bought.id,
      agent_id: null,
      forwarding: null,
      status: "active",
    });
    const found = await search({ contains: number!.slice(2) });
    expect(found.data!.data).toHaveLength(0);
    const again = await buy(org.ownerKey, { phone_number: number });
    expect(again.response.status).toBe(409);
    expect(again.error!.code).toBe("number_unavailable");
    const list = await org.api.GET("/api/v1/phone-numbers");
    expect(list.data!.data.map((n) => n.id)).toEqual([bought.id]);
    const one = await org.api.GET("/api/v1/phone-numbers/{id}", byId(bought.id));
    expect(one.data!).toEqual(bought);
  });

  test("buy any number in an area code", async () => {
    const org = await fundedOrg();
    await stockInventory(h.ctx.db, 2, "510", "Oakland");
    const res = await buy(org.ownerKey, { area_code: "510" });
    expect(res.response.status).toBe(201);
    expect(res.data!.phone_number.startsWith("+1510")).toBe(true);
    const none = await buy(org.ownerKey, { area_code: "99999" });
    expect(none.response.status).toBe(404);
    expect(none.error!.code).toBe("no_numbers_available");
  });

  test("bad numbers get a 422 that says why; unknown ones a 404; members a 403", async () => {
    const org = await fundedOrg();
    const cases: Array<[string, RegExp]> = [
      ["4155550142", /E\.164/],
      ["+1 415 555 0142", /E\.164/],
      ["+1415", /too short/],
      ["+11234567890", /numbering plan/],
      ["+999123456", /country calling code/],
    ];
    for (const [input, reason] of cases) {
      const res = await buy(org.ownerKey, { phone_number: input });
      expect(res.response.status).toBe(422);
      expect(res.error!.code).toBe("validation_failed");
      expect(res.error!.errors?.[0]?.field).toBe("phone_number");
      expect(res.error!.errors?.[0]?.message).toMatch(reason);
    }
    expect((await buy(org.ownerKey, {})).response.status).toBe(422);
    expect(
      (await buy(org.ownerKey, { phone_number: randomUsNumber(), area_code: "415" })).response.status,
    ).toBe(422);
    const unknown = await buy(org.ownerKey, { phone_number: randomUsNumber("212") });
    expect(unknown.response.status).toBe(404);
    const member = await h.newKey("member", org.orgId);
    const [number] = await stockInventory(h.ctx.db, 1);
    expect((await buy(member, { phone_number: number })).response.status).toBe(403);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(5000);
  });

  test("Idempotency-Key: a retried purchase returns the same number and charges once", async () => {
    const org = await fundedOrg(5000);
    const [number] = await stockInventory(h.ctx.db, 1);
    const send = () =>
      org.api.POST("/api/v1/phone-numbers", {
        params: { header: { "Idempotency-Key": "buy-number-1" } },
        body: { phone_number: number },
      });
    const first = await send();
    const again = await send();
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data!.id).toBe(first.data!.id);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(4500);
  });

  test("two orgs buying the same number at once: exactly one gets it, only it is charged", async () => {
    const a = await fundedOrg(1000);
    const b = await fundedOrg(1000);
    const [number] = await stockInventory(h.ctx.db, 1);
    const [ra, rb] = await Promise.all([
      buy(a.ownerKey, { phone_number: number }),
      buy(b.ownerKey, { phone_number: number }),
    ]);
    expect([ra.response.status, rb.response.status].sort()).toEqual([201, 409]);
    const winner = ra.response.status === 201 ? a : b;
    const loser = ra.response.status === 201 ? b : a;
    expect(await getBalanceCents(h.ctx.db, winner.orgId)).toBe(500);
    expect(await getBalanceCents(h.ctx.db, loser.orgId)).toBe(1000);
    const [inventory] = await h.ctx.db
      .select()
      .from(numberInventory)
      .where(eq(numberInventory.phoneNumber, number!));
    expect(inventory!.orgId).toBe(winner.orgId);
  });
});

describe("phone numbers: attach, forwarding, release", () => {
  async function ownedNumber() {
    const org = await fundedOrg();
    const [number] = await stockInventory(h.ctx.db, 1);
    const bought = await buy(org.ownerKey, { phone_number: number });
    const agent = await org.api.POST("/api/v1/agents", { body: { name: "Reception" } });
    return { org, number: bought.data!, agentId: agent.data!.id };
  }

  test("attach to an agent of the org, detach both ways; the route follows", async () => {
    const { org, number, agentId } = await ownedNumber();
    const member = harnessClient(h, await h.newKey("member", org.orgId));
    const attached = await member.POST("/api/v1/phone-numbers/{id}/attach", {
      ...byId(number.id),
      body: { agent_id: agentId },
    });
    expect(attached.response.status).toBe(200);
    expect(attached.data!.agent_id).toBe(agentId);
    expect((await route(number.phone_number)).agent_id).toBe(agentId);
    const detached = await org.api.POST("/api/v1/phone-numbers/{id}/attach", {
      ...byId(number.id),
      body: { agent_id: null },
    });
    expect(detached.data!.agent_id).toBeNull();
    expect((await route(number.phone_number)).agent_id).toBeNull();
    const reattached = await org.api.POST("/api/v1/phone-numbers/{id}/attach", {
      ...byId(number.id),
      body: { agent_id: agentId },
    });
    expect(reattached.response.status).toBe(200);
    const viaDetach = await org.api.POST("/api/v1/phone-numbers/{id}/detach", byId(number.id));
    expect(viaDetach.data!.agent_id).toBeNull();
  });

  test("another org's agent or number is a 404", async () => {
    const mine = await ownedNumber();
    const theirs = await ownedNumber();
    const foreignAgent = await mine.org.api.POST("/api/v1/phone-numbers/{id}/attach", {
      ...byId(mine.number.id),
      body: { agent_id: theirs.agentId },
    });
    expect(foreignAgent.response.status).toBe(404);
    const foreign = byId(theirs.number.id);
    const mineApi = mine.org.api;
    expect((await mineApi.GET("/api/v1/phone-numbers/{id}", foreign)).response.status).toBe(404);
    expect(
      (
        await mineApi.POST("/api/v1/phone-numbers/{id}/attach", {
          ...foreign,
          body: { agent_id: mine.agentId },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await mineApi.PATCH("/api/v1/phone-numbers/{id}/forwarding", {
          ...foreign,
          body: { forward_to: randomUsNumber(), mode: "always" },
        })
      ).response.status,
    ).toBe(404);
    expect((await mineApi.DELETE("/api/v1/phone-numbers/{id}", foreign)).response.status).toBe(404);
    expect((await route(theirs.number.phone_number)).org_id).toBe(theirs.org.orgId);
  });

  test("forwarding: set with a mode, validated as E.164, cleared with null", async () => {
    const { org, number } = await ownedNumber();
    const target = randomUsNumber("212");
    const forwarding = byId(number.id);
    const set = await org.api.PATCH("/api/v1/phone-numbers/{id}/forwarding", {
      ...forwarding,
      body: { forward_to: target, mode: "no_credits" },
    });
    expect(set.response.status).toBe(200);
    expect(set.data!.forwarding).toEqual({ forward_to: target, mode: "no_credits" });
    expect((await route(number.phone_number)).forwarding).toEqual({ forward_to: target, mode: "no_credits" });
    const defaulted = await org.api.PATCH("/api/v1/phone-numbers/{id}/forwarding", {
      ...forwarding,
      body: { forward_to: target },
    });
    expect(defaulted.data!.forwarding?.mode).toBe("no_agent");
    for (const body of [
      { forward_to: "555-0142" },
      { forward_to: number.phone_number },
      { forward_to: target, mode: "sometimes" },
    ]) {
      // The last body is deliberately off the documented enum: the cast is the point of the test.
      const bad = await org.api.PATCH("/api/v1/phone-numbers/{id}/forwarding", {
        ...forwarding,
        body: body as never,
      });
      expect(bad.response.status).toBe(422);
    }
    const cleared = await org.api.PATCH("/api/v1/phone-numbers/{id}/forwarding", {
      ...forwarding,
      body: { forward_to: null },
    });
    expect(cleared.data!.forwarding).toBeNull();
    expect((await route(number.phone_number)).forwarding).toBeNull();
  });

  test("release: admin only, the route goes and the number is for sale again", async () => {
    const { org, number } = await ownedNumber();
    const member = harnessClient(h, await h.newKey("member", org.orgId));
    const owned = byId(number.id);
    expect((await member.DELETE("/api/v1/phone-numbers/{id}", owned)).response.status).toBe(403);
    const released = await org.api.DELETE("/api/v1/phone-numbers/{id}", owned);
    expect(released.response.status).toBe(204);
    expect(await route(number.phone_number)).toBeNull();
    expect((await org.api.GET("/api/v1/phone-numbers/{id}", owned)).response.status).toBe(404);
    const forSale = await search({ contains: number.phone_number.slice(2) });
    expect(forSale.data!.data.map((n) => n.phone_number)).toEqual([number.phone_number]);
    const other = await fundedOrg();
    expect((await buy(other.ownerKey, { phone_number: number.phone_number })).response.status).toBe(201);
  });
});
