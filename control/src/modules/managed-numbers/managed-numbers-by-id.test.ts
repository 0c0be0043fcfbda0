// GET, PATCH and DELETE /numbers/{id}: each answers as the canonical number and agent routes do.
import { describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { eq } from "drizzle-orm";
import { numberInventory } from "../../db/schema.ts";
import {
  agentById,
  answer,
  type Body,
  byId,
  expectSameProblem,
  type Org,
  PRIVATE_URL,
  useManagedNumbersSuite,
  WEBHOOK_URL,
} from "./testing/managed-numbers-suite.ts";

const suite = useManagedNumbersSuite({ areaCodes: ["302", "605", "307", "208", "505"] });
const { as, fundedOrg, stockedAreaCode } = suite;

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
    const snapshot = JSON.parse(
      (await suite.harness.ctx.bus.hashGet(Hashes.agentSnapshots, number.agent_id)) ?? "null",
    );
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

    const member = await suite.harness.newKey("member", org.orgId);
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
    const member = await suite.harness.newKey("member", org.orgId);
    const alias = await answer(as(member).DELETE("/api/v1/numbers/{id}", target));
    const canonical = await answer(as(member).DELETE("/api/v1/phone-numbers/{id}", byId(number.id)));
    expect(alias.status).toBe(403);
    expect(alias.body).toEqual(canonical.body);

    const released = await answer(as(org.ownerKey).DELETE("/api/v1/numbers/{id}", target));
    expect(released.status).toBe(204);
    expect(await suite.harness.ctx.bus.hashGet(Hashes.numberRoutes, number.phone_number)).toBeNull();
    const [inventory] = await suite.harness.ctx.db
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
