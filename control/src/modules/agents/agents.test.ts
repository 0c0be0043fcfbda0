import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";

let h: Harness;
let api: ApiClient;
let credentialId: string;
beforeAll(async () => {
  h = await createHarness();
  api = harnessClient(h);
  const credential = await api.POST("/api/v1/provider-credentials", {
    body: { provider: "openai_compatible", base_url: "http://127.0.0.1:9/v1", api_key: "" },
  });
  credentialId = credential.data!.id;
  fullAgent.llm.credential_id = credentialId;
});
afterAll(async () => {
  await h.close();
});

const fullAgent = {
  name: "Front desk",
  system_prompt: "You book tables for {{restaurant}}.",
  first_message: "Hello, {{name}}!",
  voice: { provider: "elevenlabs", voice_id: "cgSgspJ2msm6clMCkdW9" },
  llm: {
    provider: "openai",
    model: "gpt-4o-mini",
    temperature: 0.3,
    base_url: "http://127.0.0.1:9/v1",
    credential_id: "set in beforeAll",
  },
  stt: { provider: "deepgram", model: "nova-2", language: "en-US" },
  language: "en",
  endpointing: { silence_ms: 700 },
  interruptions: { enabled: true, min_speech_ms: 300 },
  tools: [{ type: "end_call" }],
  knowledge: { mode: "none" },
  silence: { reprompt_ms: 8000, max_reprompts: 2, hangup_message: "Goodbye." },
  max_duration_s: 600,
  metadata: { team: "sales" },
} satisfies RequestBody<"/api/v1/agents", "post">;

describe("agents", () => {
  test("create 201 with every field, read 200, list, and the gateway snapshot", async () => {
    const created = await api.POST("/api/v1/agents", { body: fullAgent });
    expect(created.response.status).toBe(201);
    expect(created.data!.id).toMatch(/^agt_[0-9a-f]{32}$/);
    expect(created.data!).toMatchObject({
      ...fullAgent,
      knowledge: { mode: "none", source_ids: [], top_k: 3 },
    });
    expect(created.data!.is_active).toBe(true);
    const read = await api.GET("/api/v1/agents/{agent_id}", {
      params: { path: { agent_id: created.data!.id } },
    });
    expect(read.response.status).toBe(200);
    expect(read.data!).toEqual(created.data!);
    const snapshot = JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, created.data!.id))!);
    expect(snapshot).toMatchObject({
      id: created.data!.id,
      org_id: h.orgId,
      name: "Front desk",
      silence: fullAgent.silence,
    });
  });

  test("defaults fill what the caller leaves out", async () => {
    const created = await api.POST("/api/v1/agents", { body: { name: "Minimal" } });
    expect(created.response.status).toBe(201);
    expect(created.data!).toMatchObject({
      system_prompt: "",
      first_message: "",
      voice: { provider: "espeak" },
      llm: { provider: "openai", temperature: 0.7 },
      endpointing: { silence_ms: 500 },
      interruptions: { enabled: true, min_speech_ms: 250 },
      tools: [],
      knowledge: { mode: "all" },
      silence: {},
    });
  });

  test("PATCH merges nested settings and bumps updated_at", async () => {
    const created = (await api.POST("/api/v1/agents", { body: fullAgent })).data!;
    await waitFor(
      "the clock to pass the agent's updated_at",
      () => Date.now() > Date.parse(String(created.updated_at)),
    );
    const patched = await api.PATCH("/api/v1/agents/{agent_id}", {
      params: { path: { agent_id: created.id } },
      body: { llm: { temperature: 1.1 }, is_active: false, name: "Renamed", silence: { max_reprompts: 0 } },
    });
    expect(patched.data!.silence).toEqual({
      reprompt_ms: 8000,
      max_reprompts: 0,
      hangup_message: "Goodbye.",
    });
    expect(patched.response.status).toBe(200);
    expect(patched.data!.llm).toMatchObject({ model: "gpt-4o-mini", temperature: 1.1 });
    expect(patched.data!.name).toBe("Renamed");
    expect(patched.data!.is_active).toBe(false);
    expect(String(patched.data!.updated_at) > String(created.updated_at)).toBe(true);
  });

  test("the custom LLM webhook mode needs a webhook_url", async () => {
    const bad = await api.POST("/api/v1/agents", { body: { name: "x", llm: { provider: "custom" } } });
    expect(bad.response.status).toBe(422);
    expect(bad.error!.errors).toEqual([{ field: "llm.webhook_url", message: expect.any(String) }]);
    const good = await api.POST("/api/v1/agents", {
      body: { name: "x", llm: { webhook_url: "https://example.com/voice" } },
    });
    expect(good.response.status).toBe(201);
    expect(good.data!.llm).toMatchObject({ provider: "custom", webhook_url: "https://example.com/voice" });
  });

  test.each([
    [{ name: "" }, "name"],
    [{ name: "x", llm: { temperature: 9 } }, "llm.temperature"],
    [{ name: "x", endpointing: { silence_ms: 5 } }, "endpointing.silence_ms"],
    [{ name: "x", voice: { provider: "nope", voice_id: "a" } }, "voice.provider"],
    [{ name: "x", max_duration_s: "long" }, "max_duration_s"],
  ])("422 names the bad field %#", async (body, field) => {
    // Deliberately off the documented body: the cast is the point of the test.
    const bad = await api.POST("/api/v1/agents", { body: body as never });
    expect(bad.response.status).toBe(422);
    expect(bad.error!.code).toBe("validation_failed");
    expect(bad.error!.errors!.map((e) => e.field)).toContain(field);
  });

  test("selected knowledge sources must exist in the org", async () => {
    const bad = await api.POST("/api/v1/agents", {
      body: { name: "x", knowledge: { mode: "selected", source_ids: ["ks_0000"] } },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error!.errors).toEqual([{ field: "knowledge.source_ids", message: "unknown source ks_0000" }]);
    const source = await api.POST("/api/v1/knowledge/text", {
      body: { title: "Hours", content: "We open at nine." },
    });
    expect(source.response.status).toBe(201);
    const good = await api.POST("/api/v1/agents", {
      body: { name: "x", knowledge: { mode: "selected", source_ids: [source.data!.id] } },
    });
    expect(good.response.status).toBe(201);
    const other = await h.newOrg();
    const theirs = await harnessClient(h, other.ownerKey).POST("/api/v1/agents", {
      body: { name: "y", knowledge: { mode: "selected", source_ids: [source.data!.id] } },
    });
    expect(theirs.response.status).toBe(422);
  });

  test("malformed JSON is a 400 problem, and nothing is written", async () => {
    const list = { params: { query: { limit: 100 } } };
    const before = await api.GET("/api/v1/agents", list);
    // Truncated JSON on the wire: the serializer sends it as it is.
    const bad = await api.POST("/api/v1/agents", {
      body: { name: "x" },
      bodySerializer: () => '{"name": "x",',
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error!.code).toBe("malformed_body");
    const after = await api.GET("/api/v1/agents", list);
    expect(after.data!.data.length).toBe(before.data!.data.length);
  });

  test("delete 204, then 404; the snapshot is gone", async () => {
    const created = (await api.POST("/api/v1/agents", { body: { name: "Temp" } })).data!;
    const agent = { params: { path: { agent_id: created.id } } };
    expect((await api.DELETE("/api/v1/agents/{agent_id}", agent)).response.status).toBe(204);
    const gone = await api.GET("/api/v1/agents/{agent_id}", agent);
    expect(gone.response.status).toBe(404);
    expect(gone.error!.code).toBe("not_found");
    expect((await api.DELETE("/api/v1/agents/{agent_id}", agent)).response.status).toBe(404);
    expect(await h.ctx.bus.hashGet(Hashes.agentSnapshots, created.id)).toBeNull();
  });

  test("another org's agent is a 404 on every verb", async () => {
    const other = await h.newOrg();
    const theirApi = harnessClient(h, other.ownerKey);
    const theirs = (await theirApi.POST("/api/v1/agents", { body: { name: "Theirs" } })).data!;
    const agent = { params: { path: { agent_id: theirs.id } } };
    expect((await api.GET("/api/v1/agents/{agent_id}", agent)).response.status).toBe(404);
    expect(
      (await api.PATCH("/api/v1/agents/{agent_id}", { ...agent, body: { name: "mine" } })).response.status,
    ).toBe(404);
    expect((await api.DELETE("/api/v1/agents/{agent_id}", agent)).response.status).toBe(404);
    const list = await api.GET("/api/v1/agents", { params: { query: { limit: 100 } } });
    expect(list.data!.data.some((a) => a.id === theirs.id)).toBe(false);
    expect((await theirApi.GET("/api/v1/agents/{agent_id}", agent)).response.status).toBe(200);
  });

  test("cursor pagination walks every agent once, newest first; page/size works too", async () => {
    const org = await h.newOrg();
    const orgApi = harnessClient(h, org.ownerKey);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await orgApi.POST("/api/v1/agents", { body: { name: `a${i}` } })).data!.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: { limit: number; cursor?: string } = cursor ? { limit: 2, cursor } : { limit: 2 };
      const page = (await orgApi.GET("/api/v1/agents", { params: { query } })).data!;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((a) => a.id));
      cursor = page.next_cursor;
      expect(page.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const second = await orgApi.GET("/api/v1/agents", { params: { query: { page: 1, size: 2 } } });
    expect(second.data!.data.map((a) => a.id)).toEqual([ids[2]!, ids[1]!]);
    expect((await orgApi.GET("/api/v1/agents", { params: { query: { limit: 0 } } })).response.status).toBe(
      422,
    );
  });
});

describe("agent lists across instances on Redis", () => {
  test("a write on one instance drops the cached list on another", async () => {
    const prefix = `sbtest:${crypto.randomUUID()}:`;
    const busA = await testRedisBus(prefix);
    const busB = await testRedisBus(prefix);
    const a = await createHarness({ bus: busA });
    const b = await createHarness({ bus: busB });
    try {
      const key = await a.newKey("owner", a.orgId);
      const apiA = harnessClient(a, key);
      const apiB = harnessClient(b, key);
      expect((await apiB.GET("/api/v1/agents")).data!.data).toEqual([]);
      const created = (await apiA.POST("/api/v1/agents", { body: { name: "Seen" } })).data!;
      const ids = await waitFor("the new agent in the other instance's list", async () => {
        const listed = (await apiB.GET("/api/v1/agents")).data!.data.map((x) => x.id);
        return listed.includes(created.id) && listed;
      });
      expect(ids).toEqual([created.id]);
    } finally {
      await a.close();
      await b.close();
      await busA.close();
      await busB.close();
    }
  });
});
