// llm.fallbacks and stt.fallbacks: the same shape and checks as the primary blocks, at most
// three, and their credentials published in the agent snapshot keyed by where they sit.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

const KEY = "sk-fallback-0123456789abcdefghijklmnop";

type AgentFields = Partial<RequestBody<"/api/v1/agents", "post">>;

let h: Harness;
let strict: Harness;
let api: ApiClient;
let tenantLlm: string;
let deepgram: string;
beforeAll(async () => {
  h = await createHarness();
  strict = await createHarness({ config: { allowPrivateUrls: false } });
  api = harnessClient(h);
  tenantLlm = (
    await api.POST("/api/v1/provider-credentials", {
      body: { provider: "openai_compatible", api_key: KEY, base_url: "http://127.0.0.1:9/v1" },
    })
  ).data!.id;
  deepgram = (
    await api.POST("/api/v1/provider-credentials", {
      body: { provider: "deepgram", api_key: "dg-fallback-0123456789abcdef" },
    })
  ).data!.id;
});
afterAll(async () => {
  await h.close();
  await strict.close();
});

async function snapshotOf(agentId: string): Promise<AgentSnapshot> {
  return JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId))!);
}

async function create(body: AgentFields, harness = h) {
  return harnessClient(harness).POST("/api/v1/agents", { body: { name: "Fallbacks", ...body } });
}

describe("agent fallbacks", () => {
  test("are stored, shown and published with each fallback's credential keyed by its place", async () => {
    const created = await create({
      llm: {
        model: "gpt-4o-mini",
        fallbacks: [
          { provider: "openai", model: "llama-3", credential_id: tenantLlm },
          { provider: "custom", model: "custom", webhook_url: "https://llm.example.com/chat/completions" },
        ],
      },
      stt: {
        provider: "openai",
        model: "whisper-1",
        language: "en",
        fallbacks: [
          { provider: "deepgram", model: "nova-2", credential_id: deepgram },
          { provider: "whisper", model: "tiny" },
        ],
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data!.llm.fallbacks).toEqual([
      { provider: "openai", model: "llama-3", credential_id: tenantLlm },
      { provider: "custom", model: "custom", webhook_url: "https://llm.example.com/chat/completions" },
    ]);
    expect(created.data!.stt.fallbacks).toEqual([
      { provider: "deepgram", model: "nova-2", credential_id: deepgram },
      { provider: "whisper", model: "tiny" },
    ]);
    const agent = { params: { path: { agent_id: created.data!.id } } };
    const fetched = await api.GET("/api/v1/agents/{agent_id}", agent);
    expect(fetched.data!.llm.fallbacks).toEqual(created.data!.llm.fallbacks);

    const runtime = (await snapshotOf(created.data!.id)).runtime!;
    expect(Object.keys(runtime.credentials).sort()).toEqual(["llm.fallbacks.0", "stt.fallbacks.0"]);
    expect(runtime.credentials["llm.fallbacks.0"]).toMatchObject({
      id: tenantLlm,
      base_url: "http://127.0.0.1:9/v1",
    });
    expect(decryptSecret(h.ctx.config, runtime.credentials["llm.fallbacks.0"]!.api_key_ciphertext!)).toBe(
      KEY,
    );
    expect(runtime.credentials["stt.fallbacks.0"]).toMatchObject({ id: deepgram });

    // A credential a fallback names cannot be deleted from under it.
    const inUse = await api.DELETE("/api/v1/provider-credentials/{id}", {
      params: { path: { id: tenantLlm } },
    });
    expect(inUse.response.status).toBe(409);
    expect(inUse.error!.code).toBe("credential_in_use");

    // PATCH replaces the list; an empty list removes them and their credentials from the snapshot.
    const cleared = await api.PATCH("/api/v1/agents/{agent_id}", {
      ...agent,
      body: { llm: { fallbacks: [] }, stt: { fallbacks: [] } },
    });
    expect(cleared.response.status).toBe(200);
    expect(cleared.data!.llm.fallbacks).toEqual([]);
    expect(cleared.data!.llm.model).toBe("gpt-4o-mini");
    expect((await snapshotOf(created.data!.id)).runtime!.credentials).toEqual({});
  });

  test("a fallback naming another org's credential is refused, with the field named, and nothing is written", async () => {
    const other = await h.newOrg();
    const foreign = (
      await harnessClient(h, other.ownerKey).POST("/api/v1/provider-credentials", {
        body: { provider: "openai", api_key: KEY },
      })
    ).data!;
    const list = { params: { query: { limit: 100 } } };
    const before = await api.GET("/api/v1/agents", list);
    const refused = await create({
      llm: { fallbacks: [{ provider: "openai", model: "gpt-4o", credential_id: foreign.id }] },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error!.errors).toEqual([
      expect.objectContaining({ field: "llm.fallbacks.0.credential_id" }),
    ]);
    const sttRefused = await create({
      stt: {
        fallbacks: [
          { provider: "whisper", model: "tiny" },
          { provider: "deepgram", model: "nova-2", credential_id: foreign.id },
        ],
      },
    });
    expect(sttRefused.response.status).toBe(422);
    expect(sttRefused.error!.errors![0]!.field).toBe("stt.fallbacks.1.credential_id");
    const after = await api.GET("/api/v1/agents", list);
    expect(after.data!.data.length).toBe(before.data!.data.length);
  });

  test("each fallback gets the primary's checks: fitting credentials, base_url needs a credential, custom needs a webhook_url", async () => {
    const cases: Array<[AgentFields, string]> = [
      [
        { llm: { fallbacks: [{ provider: "openai", model: "m", credential_id: deepgram }] } },
        "llm.fallbacks.0.credential_id",
      ],
      [
        { stt: { fallbacks: [{ provider: "openai", model: "m", credential_id: deepgram }] } },
        "stt.fallbacks.0.credential_id",
      ],
      [
        { stt: { fallbacks: [{ provider: "whisper", model: "tiny", credential_id: deepgram }] } },
        "stt.fallbacks.0.credential_id",
      ],
      [
        { llm: { fallbacks: [{ provider: "openai", model: "m", base_url: "https://llm.example.com/v1" }] } },
        "llm.fallbacks.0.base_url",
      ],
      [{ llm: { fallbacks: [{ provider: "custom", model: "custom" }] } }, "llm.fallbacks.0.webhook_url"],
    ];
    for (const [fields, field] of cases) {
      const refused = await create(fields);
      expect({ field, status: refused.response.status }).toEqual({ field, status: 422 });
      expect(refused.error!.errors![0]!.field).toBe(field);
    }
  });

  test("a fallback's tenant URL goes through the outbound URL guard", async () => {
    const refused = await create(
      {
        llm: {
          fallbacks: [{ provider: "custom", model: "custom", webhook_url: "http://169.254.169.254/latest" }],
        },
      },
      strict,
    );
    expect(refused.response.status).toBe(422);
    expect(refused.error!.errors![0]!.field).toBe("llm.fallbacks.0.webhook_url");
  });

  test("the schema: at most three, each with a provider and a model of the block's kinds", async () => {
    const four = Array.from({ length: 4 }, () => ({ provider: "openai", model: "m" }) as const);
    for (const fields of [
      { llm: { fallbacks: four } },
      { stt: { fallbacks: four } },
      { llm: { fallbacks: [{ provider: "deepgram", model: "m" }] } },
      { llm: { fallbacks: [{ provider: "openai" }] } },
      { stt: { fallbacks: [{ model: "nova-2" }] } },
      { llm: { fallbacks: [{ provider: "openai", model: "m", temperature: 3 }] } },
      { llm: { fallbacks: "openai" } },
    ]) {
      // Deliberately off the documented body: the cast is the point of the test.
      const refused = await create(fields as never);
      expect({ fields, status: refused.response.status }).toEqual({ fields, status: 422 });
    }
    const three = await create({ llm: { fallbacks: four.slice(1) }, stt: { fallbacks: four.slice(1) } });
    expect(three.response.status).toBe(201);
  });

  test("members may not set fallbacks", async () => {
    const member = await h.newKey("member");
    const created = await create({});
    const refused = await harnessClient(h, member).PATCH("/api/v1/agents/{agent_id}", {
      params: { path: { agent_id: created.data!.id } },
      body: { llm: { fallbacks: [{ provider: "openai", model: "m" }] } },
    });
    expect(refused.response.status).toBe(403);
  });
});
