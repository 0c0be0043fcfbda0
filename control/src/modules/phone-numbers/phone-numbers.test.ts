import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { and, eq } from "drizzle-orm";
import { creditLedger, numberInventory } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber, stockInventory } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type PhoneNumber = {
  id: string;
  phone_number: string;
  country: string;
  region: string | null;
  status: string;
  agent_id: string | null;
  forwarding: { forward_to: string; mode: string } | null;
  monthly_cost_cents: number;
  renews_at: string;
};
type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };

async function fundedOrg(cents = 5000) {
  const org = await h.newOrg();
  if (cents > 0) await credit(h.ctx, org.orgId, cents, "purchase", "seed");
  return org;
}

async function buy(key: string, body: Record<string, unknown>) {
  return h.json<PhoneNumber & Problem>("POST", "/api/v1/phone-numbers", { key, body });
}

async function route(phoneNumber: string) {
  const raw = await h.ctx.bus.hashGet(Hashes.numberRoutes, phoneNumber);
  return raw === null ? null : JSON.parse(raw);
}

describe("phone numbers: search and buy", () => {
  test("search by area code and by digits it contains", async () => {
    const stocked = await stockInventory(h.ctx.db, 3, "628", "San Francisco");
    const byArea = await h.json<{ data: Array<Record<string, unknown>> }>(
      "GET",
      "/api/v1/phone-numbers/search?country=US&area_code=628&limit=100",
    );
    expect(byArea.status).toBe(200);
    const found = byArea.body.data.map((n) => n.phone_number);
    for (const number of stocked) expect(found).toContain(number);
    expect(found.every((n) => String(n).startsWith("+1628"))).toBe(true);
    expect(byArea.body.data.find((n) => n.phone_number === stocked[0])).toEqual({
      phone_number: stocked[0],
      country: "US",
      region: "San Francisco",
      monthly_cost_cents: 500,
    });
    const byDigits = await h.json<{ data: Array<{ phone_number: string }> }>(
      "GET",
      `/api/v1/phone-numbers/search?contains=${stocked[1]!.slice(-7)}`,
    );
    expect(byDigits.body.data.map((n) => n.phone_number)).toContain(stocked[1]!);
    const bad = await h.json<Problem>("GET", "/api/v1/phone-numbers/search?area_code=4x5");
    expect(bad.status).toBe(422);
  });

  test("buying with too few credits is a 402 and changes nothing", async () => {
    const org = await fundedOrg(499);
    const [number] = await stockInventory(h.ctx.db, 1);
    const res = await buy(org.ownerKey, { phone_number: number });
    expect(res.status).toBe(402);
    expect(res.body.code).toBe("insufficient_credits");
    const [inventory] = await h.ctx.db
      .select()
      .from(numberInventory)
      .where(eq(numberInventory.phoneNumber, number!));
    expect(inventory!.orgId).toBeNull();
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(499);
    const list = await h.json<{ data: unknown[] }>("GET", "/api/v1/phone-numbers", { key: org.ownerKey });
    expect(list.body.data).toHaveLength(0);
    expect(await route(number!)).toBeNull();
  });

  test("buy a number search returned: 201, first month charged, route published", async () => {
    const org = await fundedOrg(5000);
    const [number] = await stockInventory(h.ctx.db, 1, "415", "CA");
    const before = Date.now();
    const res = await buy(org.ownerKey, { phone_number: number });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      phone_number: number,
      country: "US",
      region: "CA",
      status: "active",
      agent_id: null,
      forwarding: null,
      monthly_cost_cents: 500,
    });
    expect(res.body.id).toMatch(/^pn_[0-9a-f]{32}$/);
    const renewsInDays = (Date.parse(res.body.renews_at) - before) / 86_400_000;
    expect(renewsInDays).toBeGreaterThanOrEqual(28);
    expect(renewsInDays).toBeLessThanOrEqual(31.1);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(4500);
    const [entry] = await h.ctx.db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.orgId, org.orgId), eq(creditLedger.kind, "number_purchase")));
    expect(entry).toMatchObject({ amountCents: -500, reference: res.body.id });
    expect(await route(number!)).toEqual({
      org_id: org.orgId,
      phone_number_id: res.body.id,
      agent_id: null,
      forwarding: null,
      status: "active",
    });
    const search = await h.json<{ data: Array<{ phone_number: string }> }>(
      "GET",
      `/api/v1/phone-numbers/search?contains=${number!.slice(2)}`,
    );
    expect(search.body.data).toHaveLength(0);
    const again = await buy(org.ownerKey, { phone_number: number });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("number_unavailable");
    const list = await h.json<{ data: PhoneNumber[] }>("GET", "/api/v1/phone-numbers", { key: org.ownerKey });
    expect(list.body.data.map((n) => n.id)).toEqual([res.body.id]);
    const one = await h.json<PhoneNumber>("GET", `/api/v1/phone-numbers/${res.body.id}`, {
      key: org.ownerKey,
    });
    expect(one.body).toEqual(res.body);
  });

  test("buy any number in an area code", async () => {
    const org = await fundedOrg();
    await stockInventory(h.ctx.db, 2, "510", "Oakland");
    const res = await buy(org.ownerKey, { area_code: "510" });
    expect(res.status).toBe(201);
    expect(res.body.phone_number.startsWith("+1510")).toBe(true);
    const none = await buy(org.ownerKey, { area_code: "99999" });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe("no_numbers_available");
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
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("validation_failed");
      expect(res.body.errors?.[0]?.field).toBe("phone_number");
      expect(res.body.errors?.[0]?.message).toMatch(reason);
    }
    expect((await buy(org.ownerKey, {})).status).toBe(422);
    expect((await buy(org.ownerKey, { phone_number: randomUsNumber(), area_code: "415" })).status).toBe(422);
    const unknown = await buy(org.ownerKey, { phone_number: randomUsNumber("212") });
    expect(unknown.status).toBe(404);
    const member = await h.newKey("member", org.orgId);
    const [number] = await stockInventory(h.ctx.db, 1);
    expect((await buy(member, { phone_number: number })).status).toBe(403);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(5000);
  });

  test("Idempotency-Key: a retried purchase returns the same number and charges once", async () => {
    const org = await fundedOrg(5000);
    const [number] = await stockInventory(h.ctx.db, 1);
    const send = () =>
      h.json<PhoneNumber>("POST", "/api/v1/phone-numbers", {
        key: org.ownerKey,
        headers: { "idempotency-key": "buy-number-1" },
        body: { phone_number: number },
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
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
    expect([ra.status, rb.status].sort()).toEqual([201, 409]);
    const winner = ra.status === 201 ? a : b;
    const loser = ra.status === 201 ? b : a;
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
    const agent = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      key: org.ownerKey,
      body: { name: "Reception" },
    });
    return { org, number: bought.body, agentId: agent.body.id };
  }

  test("attach to an agent of the org, detach both ways; the route follows", async () => {
    const { org, number, agentId } = await ownedNumber();
    const member = await h.newKey("member", org.orgId);
    const attached = await h.json<PhoneNumber>("POST", `/api/v1/phone-numbers/${number.id}/attach`, {
      key: member,
      body: { agent_id: agentId },
    });
    expect(attached.status).toBe(200);
    expect(attached.body.agent_id).toBe(agentId);
    expect((await route(number.phone_number)).agent_id).toBe(agentId);
    const detached = await h.json<PhoneNumber>("POST", `/api/v1/phone-numbers/${number.id}/attach`, {
      key: org.ownerKey,
      body: { agent_id: null },
    });
    expect(detached.body.agent_id).toBeNull();
    expect((await route(number.phone_number)).agent_id).toBeNull();
    await h.json("POST", `/api/v1/phone-numbers/${number.id}/attach`, {
      key: org.ownerKey,
      body: { agent_id: agentId },
    });
    const viaDetach = await h.json<PhoneNumber>("POST", `/api/v1/phone-numbers/${number.id}/detach`, {
      key: org.ownerKey,
    });
    expect(viaDetach.body.agent_id).toBeNull();
  });

  test("another org's agent or number is a 404", async () => {
    const mine = await ownedNumber();
    const theirs = await ownedNumber();
    const foreignAgent = await h.json<Problem>("POST", `/api/v1/phone-numbers/${mine.number.id}/attach`, {
      key: mine.org.ownerKey,
      body: { agent_id: theirs.agentId },
    });
    expect(foreignAgent.status).toBe(404);
    const foreign = theirs.number.id;
    const key = mine.org.ownerKey;
    expect((await h.json("GET", `/api/v1/phone-numbers/${foreign}`, { key })).status).toBe(404);
    expect(
      (
        await h.json("POST", `/api/v1/phone-numbers/${foreign}/attach`, {
          key,
          body: { agent_id: mine.agentId },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.json("PATCH", `/api/v1/phone-numbers/${foreign}/forwarding`, {
          key,
          body: { forward_to: randomUsNumber(), mode: "always" },
        })
      ).status,
    ).toBe(404);
    expect((await h.json("DELETE", `/api/v1/phone-numbers/${foreign}`, { key })).status).toBe(404);
    expect((await route(theirs.number.phone_number)).org_id).toBe(theirs.org.orgId);
  });

  test("forwarding: set with a mode, validated as E.164, cleared with null", async () => {
    const { org, number } = await ownedNumber();
    const target = randomUsNumber("212");
    const set = await h.json<PhoneNumber>("PATCH", `/api/v1/phone-numbers/${number.id}/forwarding`, {
      key: org.ownerKey,
      body: { forward_to: target, mode: "no_credits" },
    });
    expect(set.status).toBe(200);
    expect(set.body.forwarding).toEqual({ forward_to: target, mode: "no_credits" });
    expect((await route(number.phone_number)).forwarding).toEqual({ forward_to: target, mode: "no_credits" });
    const defaulted = await h.json<PhoneNumber>("PATCH", `/api/v1/phone-numbers/${number.id}/forwarding`, {
      key: org.ownerKey,
      body: { forward_to: target },
    });
    expect(defaulted.body.forwarding?.mode).toBe("no_agent");
    for (const body of [
      { forward_to: "555-0142" },
      { forward_to: number.phone_number },
      { forward_to: target, mode: "sometimes" },
    ]) {
      const bad = await h.json<Problem>("PATCH", `/api/v1/phone-numbers/${number.id}/forwarding`, {
        key: org.ownerKey,
        body,
      });
      expect(bad.status).toBe(422);
    }
    const cleared = await h.json<PhoneNumber>("PATCH", `/api/v1/phone-numbers/${number.id}/forwarding`, {
      key: org.ownerKey,
      body: { forward_to: null },
    });
    expect(cleared.body.forwarding).toBeNull();
    expect((await route(number.phone_number)).forwarding).toBeNull();
  });

  test("release: admin only, the route goes and the number is for sale again", async () => {
    const { org, number } = await ownedNumber();
    const member = await h.newKey("member", org.orgId);
    expect((await h.json("DELETE", `/api/v1/phone-numbers/${number.id}`, { key: member })).status).toBe(403);
    const released = await h.request("DELETE", `/api/v1/phone-numbers/${number.id}`, { key: org.ownerKey });
    expect(released.status).toBe(204);
    expect(await route(number.phone_number)).toBeNull();
    expect((await h.json("GET", `/api/v1/phone-numbers/${number.id}`, { key: org.ownerKey })).status).toBe(
      404,
    );
    const search = await h.json<{ data: Array<{ phone_number: string }> }>(
      "GET",
      `/api/v1/phone-numbers/search?contains=${number.phone_number.slice(2)}`,
    );
    expect(search.body.data.map((n) => n.phone_number)).toEqual([number.phone_number]);
    const other = await fundedOrg();
    expect((await buy(other.ownerKey, { phone_number: number.phone_number })).status).toBe(201);
  });
});
