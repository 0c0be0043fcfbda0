// POST /numbers: the agent, the number bought for it and the charge, made together or not at all.
import { describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { getBalanceCents } from "../credits/ledger.ts";
import {
  agentById,
  answer,
  byId,
  expectSameProblem,
  PRIVATE_URL,
  useManagedNumbersSuite,
  WEBHOOK_URL,
} from "./testing/managed-numbers-suite.ts";

const suite = useManagedNumbersSuite({ areaCodes: ["907", "406", "701", "802", "207"] });
const { as, fundedOrg, orgRows, stockedAreaCode, unclaimed } = suite;

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
    expect(await getBalanceCents(suite.harness.ctx.db, org.orgId)).toBe(4500);
    const route = JSON.parse(
      (await suite.harness.ctx.bus.hashGet(Hashes.numberRoutes, phoneNumber)) ?? "null",
    );
    expect(route).toMatchObject({ org_id: org.orgId, phone_number_id: created.body.id, agent_id: agentId });
    const snapshot = JSON.parse(
      (await suite.harness.ctx.bus.hashGet(Hashes.agentSnapshots, agentId)) ?? "null",
    );
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
    expect(await getBalanceCents(suite.harness.ctx.db, short.orgId)).toBe(499);
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

    const member = await suite.harness.newKey("member", org.orgId);
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
