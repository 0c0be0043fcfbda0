import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";

let h: Harness;
let credentialId: string;
beforeAll(async () => {
  h = await createHarness();
  const credential = await h.json<{ id: string }>("POST", "/api/v1/provider-credentials", {
    body: { provider: "openai_compatible", base_url: "http://127.0.0.1:9/v1", api_key: "" },
  });
  credentialId = credential.body.id;
  fullAgent.llm.credential_id = credentialId;
});
afterAll(async () => {
  await h.close();
});

type AgentBody = Record<string, unknown> & { id: string };

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
};

describe("agents", () => {
  test("create 201 with every field, read 200, list, and the gateway snapshot", async () => {
    const created = await h.json<AgentBody>("POST", "/api/v1/agents", { body: fullAgent });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^agt_[0-9a-f]{32}$/);
    expect(created.body).toMatchObject({
      ...fullAgent,
      knowledge: { mode: "none", source_ids: [], top_k: 3 },
    });
    expect(created.body.is_active).toBe(true);
    const read = await h.json<AgentBody>("GET", `/api/v1/agents/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const snapshot = JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, created.body.id))!);
    expect(snapshot).toMatchObject({
      id: created.body.id,
      org_id: h.orgId,
      name: "Front desk",
      silence: fullAgent.silence,
    });
  });

  test("defaults fill what the caller leaves out", async () => {
    const created = await h.json<AgentBody>("POST", "/api/v1/agents", { body: { name: "Minimal" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
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
    const created = await h.json<AgentBody>("POST", "/api/v1/agents", { body: fullAgent });
    await waitFor(
      "the clock to pass the agent's updated_at",
      () => Date.now() > Date.parse(String(created.body.updated_at)),
    );
    const patched = await h.json<AgentBody>("PATCH", `/api/v1/agents/${created.body.id}`, {
      body: { llm: { temperature: 1.1 }, is_active: false, name: "Renamed", silence: { max_reprompts: 0 } },
    });
    expect(patched.body.silence).toEqual({ reprompt_ms: 8000, max_reprompts: 0, hangup_message: "Goodbye." });
    expect(patched.status).toBe(200);
    expect(patched.body.llm).toMatchObject({ model: "gpt-4o-mini", temperature: 1.1 });
    expect(patched.body.name).toBe("Renamed");
    expect(patched.body.is_active).toBe(false);
    expect(String(patched.body.updated_at) > String(created.body.updated_at)).toBe(true);
  });

  test("the custom LLM webhook mode needs a webhook_url", async () => {
    const bad = await h.json<Record<string, unknown>>("POST", "/api/v1/agents", {
      body: { name: "x", llm: { provider: "custom" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "llm.webhook_url", message: expect.any(String) }]);
    const good = await h.json<AgentBody>("POST", "/api/v1/agents", {
      body: { name: "x", llm: { webhook_url: "https://example.com/voice" } },
    });
    expect(good.status).toBe(201);
    expect(good.body.llm).toMatchObject({ provider: "custom", webhook_url: "https://example.com/voice" });
  });

  test.each([
    [{ name: "" }, "name"],
    [{ name: "x", llm: { temperature: 9 } }, "llm.temperature"],
    [{ name: "x", endpointing: { silence_ms: 5 } }, "endpointing.silence_ms"],
    [{ name: "x", voice: { provider: "nope", voice_id: "a" } }, "voice.provider"],
    [{ name: "x", max_duration_s: "long" }, "max_duration_s"],
  ])("422 names the bad field %#", async (body, field) => {
    const bad = await h.json<{ code: string; errors: { field: string }[] }>("POST", "/api/v1/agents", {
      body,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe("validation_failed");
    expect(bad.body.errors.map((e) => e.field)).toContain(field);
  });

  test("selected knowledge sources must exist in the org", async () => {
    const bad = await h.json<{ errors: { field: string; message: string }[] }>("POST", "/api/v1/agents", {
      body: { name: "x", knowledge: { mode: "selected", source_ids: ["ks_0000"] } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "knowledge.source_ids", message: "unknown source ks_0000" }]);
    const source = await h.json<{ id: string }>("POST", "/api/v1/knowledge/text", {
      body: { title: "Hours", content: "We open at nine." },
    });
    expect(source.status).toBe(201);
    const good = await h.json<AgentBody>("POST", "/api/v1/agents", {
      body: { name: "x", knowledge: { mode: "selected", source_ids: [source.body.id] } },
    });
    expect(good.status).toBe(201);
    const other = await h.newOrg();
    const theirs = await h.json<AgentBody>("POST", "/api/v1/agents", {
      key: other.ownerKey,
      body: { name: "y", knowledge: { mode: "selected", source_ids: [source.body.id] } },
    });
    expect(theirs.status).toBe(422);
  });

  test("malformed JSON is a 400 problem, and nothing is written", async () => {
    const before = await h.json<{ data: unknown[] }>("GET", "/api/v1/agents?limit=100");
    const bad = await h.json<Record<string, unknown>>("POST", "/api/v1/agents", { rawBody: '{"name": "x",' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("malformed_body");
    const after = await h.json<{ data: unknown[] }>("GET", "/api/v1/agents?limit=100");
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  test("delete 204, then 404; the snapshot is gone", async () => {
    const created = await h.json<AgentBody>("POST", "/api/v1/agents", { body: { name: "Temp" } });
    expect((await h.request("DELETE", `/api/v1/agents/${created.body.id}`)).status).toBe(204);
    const gone = await h.json<Record<string, unknown>>("GET", `/api/v1/agents/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe("not_found");
    expect((await h.request("DELETE", `/api/v1/agents/${created.body.id}`)).status).toBe(404);
    expect(await h.ctx.bus.hashGet(Hashes.agentSnapshots, created.body.id)).toBeNull();
  });

  test("another org's agent is a 404 on every verb", async () => {
    const other = await h.newOrg();
    const theirs = await h.json<AgentBody>("POST", "/api/v1/agents", {
      key: other.ownerKey,
      body: { name: "Theirs" },
    });
    const path = `/api/v1/agents/${theirs.body.id}`;
    expect((await h.request("GET", path)).status).toBe(404);
    expect((await h.request("PATCH", path, { body: { name: "mine" } })).status).toBe(404);
    expect((await h.request("DELETE", path)).status).toBe(404);
    const list = await h.json<{ data: AgentBody[] }>("GET", "/api/v1/agents?limit=100");
    expect(list.body.data.some((a) => a.id === theirs.body.id)).toBe(false);
    expect((await h.request("GET", path, { key: other.ownerKey })).status).toBe(200);
  });

  test("cursor pagination walks every agent once, newest first; page/size works too", async () => {
    const org = await h.newOrg();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await h.json<AgentBody>("POST", "/api/v1/agents", { key: org.ownerKey, body: { name: `a${i}` } }))
          .body.id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = await h.json<{ data: AgentBody[]; has_more: boolean; next_cursor: string | null }>(
        "GET",
        `/api/v1/agents${query}`,
        { key: org.ownerKey },
      );
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((a) => a.id));
      cursor = page.body.next_cursor;
      expect(page.body.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const second = await h.json<{ data: AgentBody[] }>("GET", "/api/v1/agents?page=1&size=2", {
      key: org.ownerKey,
    });
    expect(second.body.data.map((a) => a.id)).toEqual([ids[2]!, ids[1]!]);
    expect((await h.request("GET", "/api/v1/agents?limit=0", { key: org.ownerKey })).status).toBe(422);
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
      expect((await b.json<{ data: unknown[] }>("GET", "/api/v1/agents", { key })).body.data).toEqual([]);
      const created = await a.json<AgentBody>("POST", "/api/v1/agents", { key, body: { name: "Seen" } });
      const ids = await waitFor("the new agent in the other instance's list", async () => {
        const listed = (await b.json<{ data: AgentBody[] }>("GET", "/api/v1/agents", { key })).body.data.map(
          (x) => x.id,
        );
        return listed.includes(created.body.id) && listed;
      });
      expect(ids).toEqual([created.body.id]);
    } finally {
      await a.close();
      await b.close();
      await busA.close();
      await busB.close();
    }
  });
});
