import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { eq } from "drizzle-orm";
import { creditLedger, orgs } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { createOrg } from "../orgs/service.ts";

const ADMIN_KEY = `sk_admin_${"Q7".repeat(16)}`;
const WRONG_ADMIN_KEY = `sk_admin_${"X9".repeat(16)}`;

type Org = {
  id: string;
  name: string;
  max_concurrent_calls: number;
  rates: Record<string, number>;
  rate_overrides: Record<string, number>;
  balance_cents: number;
  created_at: string;
  updated_at: string;
};
type Problem = { type: string; title: string; status: number; detail: string; code: string };
type Page<T> = { data: T[]; has_more: boolean; next_cursor: string | null };

let h: Harness;
beforeAll(async () => {
  // A multi-tenant platform: the operator holds ADMIN_API_KEY and tenants cannot buy credits.
  h = await createHarness({ config: { adminApiKey: ADMIN_KEY, selfServeCredits: false } });
});
afterAll(async () => {
  await h.close();
});

const admin = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) =>
  h.json<T>(method, `/api/v1/admin${path}`, {
    key: ADMIN_KEY,
    ...(body !== undefined ? { body } : {}),
    ...(headers ? { headers } : {}),
  });

async function ledgerOf(orgId: string) {
  return h.ctx.db.select().from(creditLedger).where(eq(creditLedger.orgId, orgId));
}

describe("operator and tenants", () => {
  test("the operator creates an org, its owner key, grants credits and raises the cap; the tenant sees it", async () => {
    const created = await admin<Org>("POST", "/orgs", {
      name: "Acme Dental",
      rates: { outbound_cents_per_minute: 9 },
    });
    expect(created.status).toBe(201);
    const org = created.body;
    expect(org).toMatchObject({
      name: "Acme Dental",
      max_concurrent_calls: 10,
      rates: {
        number_monthly_cents: 500,
        outbound_cents_per_minute: 9,
        inbound_cents_per_minute: 3,
        web_cents_per_minute: 3,
      },
      rate_overrides: { outbound_cents_per_minute: 9 },
      balance_cents: 0,
    });
    expect(org.id).toMatch(/^org_[0-9a-f]{32}$/);
    expect(await h.ctx.bus.hashGet(Hashes.orgCallLimits, org.id)).toBe("10");
    expect(JSON.parse((await h.ctx.bus.hashGet(Hashes.orgRates, org.id))!)).toEqual(org.rates);

    const key = await admin<{ key: string; role: string; org_id: string; prefix: string }>(
      "POST",
      `/orgs/${org.id}/api-keys`,
      {},
    );
    expect(key.status).toBe(201);
    expect(key.body.key).toMatch(/^sk_live_[A-Za-z0-9]{40}$/);
    expect(key.body).toMatchObject({ role: "owner", org_id: org.id, prefix: key.body.key.slice(0, 12) });
    const tenantKey = key.body.key;

    const grant = await admin<{ transaction: Record<string, unknown>; balance_cents: number }>(
      "POST",
      `/orgs/${org.id}/credits`,
      { amount_cents: 5000, reason: "Pilot: first month on us" },
    );
    expect(grant.status).toBe(201);
    expect(grant.body.balance_cents).toBe(5000);
    expect(grant.body.transaction).toMatchObject({
      kind: "grant",
      amount_cents: 5000,
      balance_after_cents: 5000,
      description: "Pilot: first month on us",
    });
    expect(await h.ctx.bus.hashGet(Hashes.creditBalances, org.id)).toBe("5000");

    const raised = await admin<Org>("PATCH", `/orgs/${org.id}`, { max_concurrent_calls: 25 });
    expect(raised.status).toBe(200);
    expect(raised.body.max_concurrent_calls).toBe(25);
    expect(raised.body.balance_cents).toBe(5000);
    expect(new Date(raised.body.updated_at).getTime()).toBeGreaterThan(new Date(org.updated_at).getTime());
    expect(await h.ctx.bus.hashGet(Hashes.orgCallLimits, org.id)).toBe("25");

    const seen = await h.json<Org>("GET", "/api/v1/org", { key: tenantKey });
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ ...raised.body });
    expect(seen.body).toMatchObject({
      id: org.id,
      name: "Acme Dental",
      max_concurrent_calls: 25,
      balance_cents: 5000,
    });
    const ledger = await h.json<Page<Record<string, unknown>>>("GET", "/api/v1/credits/transactions", {
      key: tenantKey,
    });
    expect(ledger.body.data).toEqual([grant.body.transaction]);
    const balance = await h.json<{ rates: Record<string, number> }>("GET", "/api/v1/credits/balance", {
      key: tenantKey,
    });
    expect(balance.body.rates).toEqual(org.rates);

    // The operator sees the same org, by id and in the list.
    expect((await admin<Org>("GET", `/orgs/${org.id}`)).body).toEqual(seen.body);
  });

  test("a tenant's key finds no /admin (404 as for an unknown route) and cannot mint credits", async () => {
    const member = await h.newKey("member");
    const unknown = await h.request("GET", "/api/v1/no-such-route");
    expect(unknown.headers.get("ratelimit-limit")).not.toBeNull();
    for (const [method, path, key] of [
      ["GET", "/api/v1/admin/orgs", h.ownerKey],
      ["POST", "/api/v1/admin/orgs", h.ownerKey],
      ["POST", `/api/v1/admin/orgs/${h.orgId}/credits`, h.ownerKey],
      ["PATCH", `/api/v1/admin/orgs/${h.orgId}`, member],
      ["GET", "/api/v1/admin", member],
      // Spellings that miss the admin gateway's prefix check still never reach the handlers.
      ["GET", "/api/v1//admin/orgs", h.ownerKey],
      ["GET", "/api/v1/%61dmin/orgs", h.ownerKey],
    ] as const) {
      const res = await h.request(method, path, {
        key,
        body: { amount_cents: 1_000_000, reason: "free money", name: "x" },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.headers.get("ratelimit-limit")).toBe(unknown.headers.get("ratelimit-limit"));
      expect(await res.json()).toEqual((await unknown.clone().json()) as Problem);
    }
    // The handlers themselves refuse a request the operator gate did not pass.
    const ungated = await h.app.routes.handle(
      new Request("http://localhost/api/v1/admin/orgs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Sneaky" }),
      }),
    );
    expect(ungated.status).toBe(404);
    expect(((await ungated.json()) as Problem).code).toBe("route_not_found");
    // Without any key, /admin answers as every /api/v1 route does.
    expect((await h.request("GET", "/api/v1/admin/orgs", { key: null })).status).toBe(401);

    const purchase = await h.json<Problem>("POST", "/api/v1/credits/purchase", {
      body: { amount_cents: 10_000 },
    });
    expect(purchase.status).toBe(402);
    expect(purchase.body.code).toBe("payment_provider_not_configured");
    expect(await getBalanceCents(h.ctx.db, h.orgId)).toBe(0);
    expect(await ledgerOf(h.orgId)).toHaveLength(0);
  });

  test("a wrong operator key is a 401", async () => {
    for (const key of [WRONG_ADMIN_KEY, "sk_admin_short", `${ADMIN_KEY}0`]) {
      const res = await h.json<Problem>("GET", "/api/v1/admin/orgs", { key });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe("invalid_api_key");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  test("without ADMIN_API_KEY every /admin route is a 404", async () => {
    const closed = await createHarness({ config: { adminApiKey: null, selfServeCredits: false } });
    try {
      const unknown = await closed.json<Problem>("GET", "/api/v1/no-such-route");
      for (const key of [ADMIN_KEY, closed.ownerKey]) {
        for (const [method, path] of [
          ["GET", "/api/v1/admin/orgs"],
          ["POST", "/api/v1/admin/orgs"],
          ["GET", `/api/v1/admin/orgs/${closed.orgId}`],
          ["POST", `/api/v1/admin/orgs/${closed.orgId}/credits`],
        ] as const) {
          const res = await closed.json<Problem>(method, path, {
            key,
            body: { name: "x", amount_cents: 100, reason: "x" },
          });
          expect(res.status).toBe(404);
          expect(res.body).toEqual(unknown.body);
        }
      }
      expect(await getBalanceCents(closed.ctx.db, closed.orgId)).toBe(0);
    } finally {
      await closed.close();
    }
  });

  test("a correction below zero is refused and writes nothing; one within the balance is recorded", async () => {
    const org = (await admin<Org>("POST", "/orgs", { name: "Corrections" })).body;
    expect(
      (await admin("POST", `/orgs/${org.id}/credits`, { amount_cents: 300, reason: "Trial" })).status,
    ).toBe(201);
    const refused = await admin<Problem>("POST", `/orgs/${org.id}/credits`, {
      amount_cents: -301,
      reason: "Charged twice by mistake",
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.code).toBe("balance_would_be_negative");
    expect(refused.body.detail).toContain("300");
    expect(await getBalanceCents(h.ctx.db, org.id)).toBe(300);
    expect(await ledgerOf(org.id)).toHaveLength(1);
    expect(await h.ctx.bus.hashGet(Hashes.creditBalances, org.id)).toBe("300");

    const corrected = await admin<{ transaction: Record<string, unknown>; balance_cents: number }>(
      "POST",
      `/orgs/${org.id}/credits`,
      { amount_cents: -300, reason: "Trial ended" },
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body.transaction).toMatchObject({
      kind: "correction",
      amount_cents: -300,
      description: "Trial ended",
    });
    expect(corrected.body.balance_cents).toBe(0);
    expect(await h.ctx.bus.hashGet(Hashes.creditBalances, org.id)).toBe("0");
  });

  test("bad input is a 422 problem and changes nothing; an unknown org is a 404", async () => {
    const org = (await admin<Org>("POST", "/orgs", { name: "Validation" })).body;
    const cases: Array<[string, string, unknown, string]> = [
      ["POST", "/orgs", {}, "name"],
      ["POST", "/orgs", { name: "" }, "name"],
      ["POST", "/orgs", { name: "x", max_concurrent_calls: 0 }, "max_concurrent_calls"],
      [
        "POST",
        "/orgs",
        { name: "x", rates: { inbound_cents_per_minute: -1 } },
        "rates.inbound_cents_per_minute",
      ],
      ["PATCH", `/orgs/${org.id}`, { max_concurrent_calls: 1.5 }, "max_concurrent_calls"],
      ["POST", `/orgs/${org.id}/credits`, { amount_cents: 0, reason: "zero" }, "amount_cents"],
      ["POST", `/orgs/${org.id}/credits`, { amount_cents: 10.5, reason: "half" }, "amount_cents"],
      ["POST", `/orgs/${org.id}/credits`, { amount_cents: 100 }, "reason"],
      ["POST", `/orgs/${org.id}/credits`, { amount_cents: 100, reason: "" }, "reason"],
      ["POST", `/orgs/${org.id}/credits`, { amount_cents: 100, reason: "   " }, "reason"],
      ["POST", `/orgs/${org.id}/credits`, { amount_cents: 100, reason: "r".repeat(501) }, "reason"],
      ["POST", `/orgs/${org.id}/api-keys`, { role: "superuser" }, "role"],
      ["POST", `/orgs/${org.id}/api-keys`, { expires_at: "2001-01-01T00:00:00Z" }, "expires_at"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await admin<Problem & { errors: Array<{ field: string }> }>(method, path, body);
      expect({ path, body, status: res.status, code: res.body.code }).toEqual({
        path,
        body,
        status: 422,
        code: "validation_failed",
      });
      expect(res.body.errors.map((e) => e.field).some((f) => f.startsWith(field))).toBe(true);
    }
    expect(await ledgerOf(org.id)).toHaveLength(0);
    const after = await admin<Org>("GET", `/orgs/${org.id}`);
    expect(after.body).toEqual({ ...org, updated_at: after.body.updated_at });
    expect(after.body.max_concurrent_calls).toBe(10);

    const nul = await admin<Problem>("GET", "/orgs/org_%00");
    expect({ status: nul.status, code: nul.body.code }).toEqual({ status: 400, code: "invalid_character" });
    for (const id of ["org_00000000000000000000000000000000", "not-an-id"]) {
      for (const [method, path, body] of [
        ["GET", `/orgs/${id}`, undefined],
        ["PATCH", `/orgs/${id}`, { name: "y" }],
        ["POST", `/orgs/${id}/api-keys`, {}],
        ["POST", `/orgs/${id}/credits`, { amount_cents: 100, reason: "x" }],
      ] as const) {
        const res = await admin<Problem>(method, path, body);
        expect({ id, method, path, status: res.status, code: res.body.code }).toEqual({
          id,
          method,
          path,
          status: 404,
          code: "not_found",
        });
      }
    }
  });

  test("PATCH merges rates: a number sets a price, null restores the default, and the gateways see it", async () => {
    const org = (
      await admin<Org>("POST", "/orgs", {
        name: "Rates",
        rates: { inbound_cents_per_minute: 4, web_cents_per_minute: 1 },
      })
    ).body;
    const patched = await admin<Org>("PATCH", `/orgs/${org.id}`, {
      name: "Rates Inc",
      rates: { number_monthly_cents: 250, web_cents_per_minute: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Rates Inc",
      rate_overrides: { inbound_cents_per_minute: 4, number_monthly_cents: 250 },
      rates: {
        number_monthly_cents: 250,
        outbound_cents_per_minute: 5,
        inbound_cents_per_minute: 4,
        web_cents_per_minute: 3,
      },
    });
    expect(JSON.parse((await h.ctx.bus.hashGet(Hashes.orgRates, org.id))!)).toEqual(patched.body.rates);
  });

  test("GET /admin/orgs pages newest first with balances", async () => {
    const names = ["Page A", "Page B", "Page C"];
    const ids: string[] = [];
    for (const name of names) ids.push((await admin<Org>("POST", "/orgs", { name })).body.id);
    await admin("POST", `/orgs/${ids[1]}/credits`, { amount_cents: 700, reason: "Seed" });
    const first = await admin<Page<Org>>("GET", "/orgs?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.data.map((o) => o.id)).toEqual([ids[2]!, ids[1]!]);
    expect(first.body.data[1]!.balance_cents).toBe(700);
    expect(first.body.has_more).toBe(true);
    const second = await admin<Page<Org>>("GET", `/orgs?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.data[0]!.id).toBe(ids[0]!);
  });

  test("Idempotency-Key: a retried grant is applied once, scoped apart from the tenant's own keys", async () => {
    const org = (await admin<Org>("POST", "/orgs", { name: "Idempotent" })).body;
    const headers = { "idempotency-key": "grant-2026-01" };
    const body = { amount_cents: 1200, reason: "January allowance" };
    const first = await admin("POST", `/orgs/${org.id}/credits`, body, headers);
    const again = await admin("POST", `/orgs/${org.id}/credits`, body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const different = await admin<Problem>(
      "POST",
      `/orgs/${org.id}/credits`,
      { ...body, amount_cents: 1300 },
      headers,
    );
    expect(different.status).toBe(422);
    expect(different.body.code).toBe("idempotency_key_reused");
    expect(await ledgerOf(org.id)).toHaveLength(1);
    expect(await getBalanceCents(h.ctx.db, org.id)).toBe(1200);

    // The tenant may use the same key for its own requests: no replay of the operator's response.
    const tenantKey = (await admin<{ key: string }>("POST", `/orgs/${org.id}/api-keys`, {})).body.key;
    const tenant = await h.json("POST", "/api/v1/agents", {
      key: tenantKey,
      headers,
      body: { name: "Front desk" },
    });
    expect(tenant.status).toBe(201);
    expect(tenant.headers.get("idempotent-replayed")).toBeNull();

    const unsupported = await admin<Problem>("POST", "/orgs", { name: "Twice?" }, headers);
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.code).toBe("idempotency_key_unsupported");
  });
});

describe("ORG_DEFAULT_MAX_CONCURRENT_CALLS", () => {
  let platform: Harness;
  beforeAll(async () => {
    platform = await createHarness({ config: { adminApiKey: ADMIN_KEY, orgDefaultMaxConcurrentCalls: 4 } });
  });
  afterAll(async () => {
    await platform.close();
  });

  test("a new org gets the platform default cap unless the operator sets one, and gateways see it", async () => {
    const create = (body: Record<string, unknown>) =>
      platform.json<Org>("POST", "/api/v1/admin/orgs", { key: ADMIN_KEY, body });
    const defaulted = await create({ name: "Default cap" });
    expect(defaulted.status).toBe(201);
    expect(defaulted.body.max_concurrent_calls).toBe(4);
    expect(await platform.ctx.bus.hashGet(Hashes.orgCallLimits, defaulted.body.id)).toBe("4");
    const explicit = await create({ name: "Own cap", max_concurrent_calls: 25 });
    expect(explicit.body.max_concurrent_calls).toBe(25);
    expect(await platform.ctx.bus.hashGet(Hashes.orgCallLimits, explicit.body.id)).toBe("25");
    const [row] = await platform.ctx.db
      .select({ cap: orgs.maxConcurrentCalls })
      .from(orgs)
      .where(eq(orgs.id, (await createOrg(platform.ctx.db, "Seeded", 7)).id));
    expect(row?.cap).toBe(7);
  });
});
