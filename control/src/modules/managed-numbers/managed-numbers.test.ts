// `/numbers`: a number and its agent as one resource, on the agents' and numbers' services. Each
// error case sends the same request to the canonical route and expects the same answer.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { and, eq } from "drizzle-orm";
import { agents, creditLedger, numberInventory, phoneNumbers } from "../../db/schema.ts";
import { answerOf, harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { stockInventory } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

type Body = Record<string, unknown> & {
  code?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
};
type Answer = { status: number; body: Body; headers: Headers };
type Org = { orgId: string; ownerKey: string };

/** A public address: the tenant URL guard (ALLOW_PRIVATE_URLS unset here) lets it through. */
const WEBHOOK_URL = "http://8.8.8.8:8080/voice";
const PRIVATE_URL = "http://169.254.169.254/latest";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ config: { allowPrivateUrls: false } });
});
afterAll(async () => {
  await h.close();
});

async function fundedOrg(cents = 5000): Promise<Org> {
  const org = await h.newOrg();
  if (cents > 0) await credit(h.ctx, org.orgId, cents, "purchase", "seed");
  return org;
}

/** An area code of its own per test, so suites sharing the inventory never take each other's numbers. */
let areaCounter = 0;
async function stockedAreaCode(count = 2): Promise<string> {
  const codes = ["907", "406", "701", "802", "207", "302", "605", "307"];
  const areaCode = codes[areaCounter++ % codes.length]!;
  await stockInventory(h.ctx.db, count, areaCode, "Test");
  return areaCode;
}

const as = (key: string) => harnessClient(h, key);
const answer = (pending: Parameters<typeof answerOf>[0]) => answerOf<Body>(pending);
const byId = (id: unknown) => ({ params: { path: { id: String(id) } } });
const agentById = (id: unknown) => ({ params: { path: { agent_id: String(id) } } });

function expectSameProblem(alias: Answer, canonical: Answer): void {
  expect({ status: alias.status, code: alias.body.code }).toEqual({
    status: canonical.status,
    code: canonical.body.code,
  });
  expect(alias.headers.get("content-type")).toContain("application/problem+json");
  expect(canonical.headers.get("content-type")).toContain("application/problem+json");
}

async function orgRows(orgId: string) {
  const agentRows = await h.ctx.db.select().from(agents).where(eq(agents.orgId, orgId));
  const numberRows = await h.ctx.db.select().from(phoneNumbers).where(eq(phoneNumbers.orgId, orgId));
  const ledger = await h.ctx.db
    .select()
    .from(creditLedger)
    .where(and(eq(creditLedger.orgId, orgId), eq(creditLedger.kind, "number_purchase")));
  return { agents: agentRows, numbers: numberRows, charges: ledger };
}

async function unclaimed(areaCode: string): Promise<number> {
  const rows = await h.ctx.db.select().from(numberInventory);
  return rows.filter((row) => row.orgId === null && row.phoneNumber.startsWith(`+1${areaCode}`)).length;
}

describe("POST /numbers (managed mode)", () => {
  test("creates the agent, buys a number in the area code and attaches it, with one charge", async () => {
    const org = await fundedOrg(5000);
    const areaCode = await stockedAreaCode();
    const created = await answer(
      as(org.ownerKey).POST("/api/v1/numbers", {
        body: {
          system_prompt: "You are a helpful sales assistant for Acme Corp.",
          first_message: "Hello, how can I help you?",
          area_code: areaCode,
        },
      }),
    );
    expect(created.status).toBe(201);
    const phoneNumber = created.body.phone_number as string;
    expect(phoneNumber.startsWith(`+1${areaCode}`)).toBe(true);
    expect(created.body).toMatchObject({
      status: "active",
      monthly_cost_cents: 500,
      system_prompt: "You are a helpful sales assistant for Acme Corp.",
      first_message: "Hello, how can I help you?",
      webhook_url: null,
      inbound_mode: "autopilot",
      metadata: {},
    });

    const agentId = created.body.agent_id as string;
    const agent = await answer(as(org.ownerKey).GET("/api/v1/agents/{agent_id}", agentById(agentId)));
    expect(agent.body).toMatchObject({
      id: agentId,
      name: phoneNumber,
      system_prompt: "You are a helpful sales assistant for Acme Corp.",
      first_message: "Hello, how can I help you?",
      llm: { provider: "openai" },
    });
    expect(created.body.voice_id).toBe((agent.body.voice as { voice_id: string }).voice_id);
    const number = await answer(as(org.ownerKey).GET("/api/v1/phone-numbers/{id}", byId(created.body.id)));
    for (const [field, value] of Object.entries(number.body)) expect(created.body[field]).toEqual(value);

    const rows = await orgRows(org.orgId);
    expect(rows.agents.map((row) => row.id)).toEqual([agentId]);
    expect(rows.numbers.map((row) => row.agentId)).toEqual([agentId]);
    expect(rows.charges.map((row) => [row.amountCents, row.reference])).toEqual([
      [-500, created.body.id as string],
    ]);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(4500);
    const route = JSON.parse((await h.ctx.bus.hashGet(Hashes.numberRoutes, phoneNumber)) ?? "null");
    expect(route).toMatchObject({ org_id: org.orgId, phone_number_id: created.body.id, agent_id: agentId });
    const snapshot = JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId)) ?? "null");
    expect(snapshot).toMatchObject({ id: agentId, org_id: org.orgId, name: phoneNumber });
  });

  test("webhook_url is the agent's custom LLM endpoint; voice_id an ElevenLabs voice", async () => {
    const org = await fundedOrg();
    const areaCode = await stockedAreaCode();
    const created = await answer(
      as(org.ownerKey).POST("/api/v1/numbers", {
        body: {
          system_prompt: "You are a helpful assistant.",
          webhook_url: WEBHOOK_URL,
          area_code: areaCode,
          voice_id: "cgSgspJ2msm6clMCkdW9",
          first_message: "Hello!",
          inbound_mode: "autopilot",
          metadata: { crm_id: 42 },
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      webhook_url: WEBHOOK_URL,
      voice_id: "cgSgspJ2msm6clMCkdW9",
      first_message: "Hello!",
      metadata: { crm_id: 42 },
    });
    const agent = await answer(
      as(org.ownerKey).GET("/api/v1/agents/{agent_id}", agentById(created.body.agent_id)),
    );
    expect(agent.body).toMatchObject({
      llm: { provider: "custom", model: "custom", webhook_url: WEBHOOK_URL },
      voice: { provider: "elevenlabs", voice_id: "cgSgspJ2msm6clMCkdW9" },
      metadata: { crm_id: 42 },
    });
  });

  test("an Idempotency-Key retry answers the first number and charges once", async () => {
    const org = await fundedOrg();
    const areaCode = await stockedAreaCode();
    const send = () =>
      answer(
        as(org.ownerKey).POST("/api/v1/numbers", {
          params: { header: { "Idempotency-Key": "managed-1" } },
          body: { system_prompt: "Hi", area_code: areaCode },
        }),
      );
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const rows = await orgRows(org.orgId);
    expect([rows.agents.length, rows.numbers.length, rows.charges.length]).toEqual([1, 1, 1]);
  });

  test("when buying fails nothing is created, with the canonical route's error", async () => {
    const areaCode = await stockedAreaCode(1);
    const short = await fundedOrg(499);
    const alias = await answer(
      as(short.ownerKey).POST("/api/v1/numbers", {
        body: {
          system_prompt: "Hi",
          area_code: areaCode,
        },
      }),
    );
    const canonical = await answer(
      as(short.ownerKey).POST("/api/v1/phone-numbers", { body: { area_code: areaCode } }),
    );
    expect(alias.status).toBe(402);
    expectSameProblem(alias, canonical);
    expect(alias.body).toEqual(canonical.body);

    const rich = await fundedOrg();
    const noneLeft = "989";
    const none = await answer(as(rich.ownerKey).POST("/api/v1/numbers", { body: { area_code: noneLeft } }));
    const noneCanonical = await answer(
      as(rich.ownerKey).POST("/api/v1/phone-numbers", { body: { area_code: noneLeft } }),
    );
    expect(none.status).toBe(404);
    expect(none.body).toEqual(noneCanonical.body);

    for (const org of [short, rich]) {
      const rows = await orgRows(org.orgId);
      expect([rows.agents.length, rows.numbers.length, rows.charges.length]).toEqual([0, 0, 0]);
    }
    expect(await getBalanceCents(h.ctx.db, short.orgId)).toBe(499);
    expect(await unclaimed(areaCode)).toBe(1);
  });

  test("bad input and roles answer as the canonical routes, naming this body's fields", async () => {
    const org = await fundedOrg();
    const areaCode = await stockedAreaCode(1);
    const badArea = await answer(as(org.ownerKey).POST("/api/v1/numbers", { body: { area_code: "4x5" } }));
    const badAreaCanonical = await answer(
      as(org.ownerKey).POST("/api/v1/phone-numbers", { body: { area_code: "4x5" } }),
    );
    expect(badArea.status).toBe(422);
    expectSameProblem(badArea, badAreaCanonical);
    expect(badArea.body.errors).toEqual(badAreaCanonical.body.errors);

    // Deliberately without the required area_code: the cast is the point of the test.
    const noArea = await answer(
      as(org.ownerKey).POST("/api/v1/numbers", { body: { system_prompt: "Hi" } as never }),
    );
    expect(noArea.status).toBe(422);
    expect(noArea.body.errors?.map((problem) => problem.field)).toContain("area_code");

    const privateHook = await answer(
      as(org.ownerKey).POST("/api/v1/numbers", {
        body: {
          webhook_url: PRIVATE_URL,
          area_code: areaCode,
        },
      }),
    );
    const privateHookCanonical = await answer(
      as(org.ownerKey).POST("/api/v1/agents", {
        body: {
          name: "Custom",
          llm: { webhook_url: PRIVATE_URL },
        },
      }),
    );
    expect(privateHook.status).toBe(422);
    expectSameProblem(privateHook, privateHookCanonical);
    expect(privateHookCanonical.body.errors?.map((problem) => problem.field)).toEqual(["llm.webhook_url"]);
    expect(privateHook.body.errors).toEqual(
      privateHookCanonical.body.errors?.map((problem) => ({ ...problem, field: "webhook_url" })),
    );
    expect(privateHook.body.detail).toStartWith("webhook_url ");

    const member = await h.newKey("member", org.orgId);
    const asMember = await answer(as(member).POST("/api/v1/numbers", { body: { area_code: areaCode } }));
    const asMemberCanonical = await answer(
      as(member).POST("/api/v1/phone-numbers", { body: { area_code: areaCode } }),
    );
    expect(asMember.status).toBe(403);
    expect(asMember.body).toEqual(asMemberCanonical.body);

    const rows = await orgRows(org.orgId);
    expect([rows.agents.length, rows.numbers.length, rows.charges.length]).toEqual([0, 0, 0]);
    expect(await unclaimed(areaCode)).toBe(1);
  });
});

describe("GET, PATCH and DELETE /numbers/{id}", () => {
  async function managed(org: Org, body: Record<string, unknown> = {}) {
    const created = await answer(
      as(org.ownerKey).POST("/api/v1/numbers", {
        body: {
          system_prompt: "You are a helpful assistant.",
          area_code: await stockedAreaCode(1),
          ...body,
        },
      }),
    );
    expect(created.status).toBe(201);
    return created.body as Body & { id: string; agent_id: string; phone_number: string };
  }

  test("GET shows the number and its agent; GET /numbers lists them; another org's is a 404", async () => {
    const org = await fundedOrg();
    const number = await managed(org, { voice_id: "cgSgspJ2msm6clMCkdW9" });
    const one = await answer(as(org.ownerKey).GET("/api/v1/numbers/{id}", byId(number.id)));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(number);

    const plain = await answer(
      as(org.ownerKey).POST("/api/v1/phone-numbers", {
        body: {
          area_code: await stockedAreaCode(1),
        },
      }),
    );
    const bare = await answer(as(org.ownerKey).GET("/api/v1/numbers/{id}", byId(plain.body.id)));
    expect(bare.body).toEqual({
      ...plain.body,
      system_prompt: null,
      first_message: null,
      voice_id: null,
      webhook_url: null,
      inbound_mode: null,
      metadata: {},
    });

    const list = await answer(as(org.ownerKey).GET("/api/v1/numbers"));
    const canonicalList = await answer(as(org.ownerKey).GET("/api/v1/phone-numbers"));
    expect(list.status).toBe(200);
    expect((list.body.data as Body[]).map((item) => item.id)).toEqual(
      (canonicalList.body.data as Body[]).map((item) => item.id),
    );
    expect(list.body.data).toContainEqual(number);
    const page = await answer(as(org.ownerKey).GET("/api/v1/numbers", { params: { query: { limit: 1 } } }));
    expect([(page.body.data as unknown[]).length, page.body.has_more]).toEqual([1, true]);

    const other = await fundedOrg();
    const alias = await answer(as(other.ownerKey).GET("/api/v1/numbers/{id}", byId(number.id)));
    const canonical = await answer(as(other.ownerKey).GET("/api/v1/phone-numbers/{id}", byId(number.id)));
    expect(alias.status).toBe(404);
    expect(alias.body).toEqual(canonical.body);
    expect((await answer(as(other.ownerKey).GET("/api/v1/numbers"))).body.data).toEqual([]);
  });

  test("PATCH updates the number's agent as PATCH /agents/{id} does, with its checks", async () => {
    const org = await fundedOrg();
    const number = await managed(org);
    const target = byId(number.id);
    const updated = await answer(
      as(org.ownerKey).PATCH("/api/v1/numbers/{id}", {
        ...target,
        body: {
          system_prompt: "You book tables.",
          first_message: "Hi there!",
          voice_id: "21m00Tcm4TlvDq8ikWAM",
          webhook_url: WEBHOOK_URL,
          metadata: { tier: "gold" },
        },
      }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: number.id,
      phone_number: number.phone_number,
      system_prompt: "You book tables.",
      first_message: "Hi there!",
      voice_id: "21m00Tcm4TlvDq8ikWAM",
      webhook_url: WEBHOOK_URL,
      metadata: { tier: "gold" },
    });
    const agent = await answer(as(org.ownerKey).GET("/api/v1/agents/{agent_id}", agentById(number.agent_id)));
    expect(agent.body).toMatchObject({
      system_prompt: "You book tables.",
      voice: { provider: "elevenlabs", voice_id: "21m00Tcm4TlvDq8ikWAM" },
      llm: { provider: "custom", model: "custom", webhook_url: WEBHOOK_URL },
    });
    const snapshot = JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, number.agent_id)) ?? "null");
    expect(snapshot.system_prompt).toBe("You book tables.");
    expect((await answer(as(org.ownerKey).GET("/api/v1/numbers/{id}", target))).body).toEqual(updated.body);

    const managedAgain = await answer(
      as(org.ownerKey).PATCH("/api/v1/numbers/{id}", { ...target, body: { webhook_url: null } }),
    );
    expect(managedAgain.body.webhook_url).toBeNull();
    const back = await answer(as(org.ownerKey).GET("/api/v1/agents/{agent_id}", agentById(number.agent_id)));
    expect(back.body.llm).toMatchObject({ provider: "openai", model: "gpt-4o-mini", webhook_url: null });

    const refused = await answer(
      as(org.ownerKey).PATCH("/api/v1/numbers/{id}", { ...target, body: { webhook_url: PRIVATE_URL } }),
    );
    const refusedCanonical = await answer(
      as(org.ownerKey).PATCH("/api/v1/agents/{agent_id}", {
        ...agentById(number.agent_id),
        body: {
          llm: { provider: "custom", webhook_url: PRIVATE_URL },
        },
      }),
    );
    expect(refused.status).toBe(422);
    expectSameProblem(refused, refusedCanonical);
    expect(refused.body.errors?.map((problem) => problem.field)).toEqual(["webhook_url"]);

    const member = await h.newKey("member", org.orgId);
    const prompt = await answer(
      as(member).PATCH("/api/v1/numbers/{id}", {
        ...target,
        body: { system_prompt: "Members may edit prompts." },
      }),
    );
    expect(prompt.status).toBe(200);
    const voice = await answer(
      as(member).PATCH("/api/v1/numbers/{id}", { ...target, body: { voice_id: "21m00Tcm4TlvDq8ikWAM" } }),
    );
    const voiceCanonical = await answer(
      as(member).PATCH("/api/v1/agents/{agent_id}", {
        ...agentById(number.agent_id),
        body: {
          voice: { provider: "elevenlabs", voice_id: "21m00Tcm4TlvDq8ikWAM" },
        },
      }),
    );
    expect(voice.status).toBe(403);
    expect(voice.body).toEqual(voiceCanonical.body);

    const other = await fundedOrg();
    const foreign = await answer(
      as(other.ownerKey).PATCH("/api/v1/numbers/{id}", { ...target, body: { system_prompt: "x" } }),
    );
    const foreignCanonical = await answer(
      as(other.ownerKey).GET("/api/v1/phone-numbers/{id}", byId(number.id)),
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(foreignCanonical.body);
    expect((await answer(as(org.ownerKey).GET("/api/v1/numbers/{id}", target))).body.system_prompt).toBe(
      "Members may edit prompts.",
    );
  });

  test("PATCH of a number without an agent is a 409, unless it changes nothing", async () => {
    const org = await fundedOrg();
    const plain = await answer(
      as(org.ownerKey).POST("/api/v1/phone-numbers", {
        body: {
          area_code: await stockedAreaCode(1),
        },
      }),
    );
    const target = byId(plain.body.id);
    const refused = await answer(
      as(org.ownerKey).PATCH("/api/v1/numbers/{id}", { ...target, body: { system_prompt: "Hi" } }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("number_has_no_agent");
    const unchanged = await answer(as(org.ownerKey).PATCH("/api/v1/numbers/{id}", { ...target, body: {} }));
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.agent_id).toBeNull();
  });

  test("DELETE releases the number as DELETE /phone-numbers/{id}; the agent stays", async () => {
    const org = await fundedOrg();
    const number = await managed(org);
    const target = byId(number.id);
    const member = await h.newKey("member", org.orgId);
    const alias = await answer(as(member).DELETE("/api/v1/numbers/{id}", target));
    const canonical = await answer(as(member).DELETE("/api/v1/phone-numbers/{id}", byId(number.id)));
    expect(alias.status).toBe(403);
    expect(alias.body).toEqual(canonical.body);

    const released = await answer(as(org.ownerKey).DELETE("/api/v1/numbers/{id}", target));
    expect(released.status).toBe(204);
    expect(await h.ctx.bus.hashGet(Hashes.numberRoutes, number.phone_number)).toBeNull();
    const [inventory] = await h.ctx.db
      .select()
      .from(numberInventory)
      .where(eq(numberInventory.phoneNumber, number.phone_number));
    expect(inventory?.orgId).toBeNull();
    expect(
      (await answer(as(org.ownerKey).GET("/api/v1/agents/{agent_id}", agentById(number.agent_id)))).status,
    ).toBe(200);

    const again = await answer(as(org.ownerKey).DELETE("/api/v1/numbers/{id}", target));
    const againCanonical = await answer(
      as(org.ownerKey).DELETE("/api/v1/phone-numbers/{id}", byId(number.id)),
    );
    expect(again.status).toBe(404);
    expect(again.body).toEqual(againCanonical.body);
  });
});

describe("/numbers in the OpenAPI document", () => {
  test("every operation is deprecated and names canonical operations that exist", async () => {
    const document = (await (await h.app.handle(new Request("http://localhost/openapi.json"))).json()) as {
      paths: Record<string, Record<string, { deprecated?: boolean; description?: string }>>;
    };
    const operations = [
      ["get", "/api/v1/numbers"],
      ["post", "/api/v1/numbers"],
      ["get", "/api/v1/numbers/{id}"],
      ["patch", "/api/v1/numbers/{id}"],
      ["delete", "/api/v1/numbers/{id}"],
    ] as const;
    for (const [method, path] of operations) {
      const operation = document.paths[path]?.[method];
      expect({ path, method, deprecated: operation?.deprecated }).toEqual({ path, method, deprecated: true });
      const canonicals = [
        ...(operation?.description ?? "").matchAll(/`(GET|POST|PATCH|DELETE) (\/api\/v1\/[^`]+)`/g),
      ];
      expect(canonicals.length).toBeGreaterThan(0);
      for (const [, canonicalMethod, canonicalPath] of canonicals) {
        const target = document.paths[canonicalPath!]?.[canonicalMethod!.toLowerCase()];
        expect({ canonicalPath, found: target !== undefined, deprecated: target?.deprecated }).toEqual({
          canonicalPath,
          found: true,
          deprecated: undefined,
        });
      }
    }
  });
});
