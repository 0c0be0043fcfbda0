// llm.fallbacks and stt.fallbacks: the same shape and checks as the primary blocks, at most
// three, and their credentials published in the agent snapshot keyed by where they sit.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { createHarness, type Harness } from "../../testing/harness.ts";

const KEY = "sk-fallback-0123456789abcdefghijklmnop";

type Problem = {
  status: number;
  code: string;
  detail: string;
  errors: Array<{ field: string; message: string }>;
};
type AgentBody = {
  id: string;
  llm: { provider: string; model: string; fallbacks?: Array<Record<string, unknown>> };
  stt: { provider: string; fallbacks?: Array<Record<string, unknown>> };
};

let h: Harness;
let strict: Harness;
let tenantLlm: string;
let deepgram: string;
beforeAll(async () => {
  h = await createHarness();
  strict = await createHarness({ config: { allowPrivateUrls: false } });
  tenantLlm = (
    await h.json<{ id: string }>("POST", "/api/v1/provider-credentials", {
      body: { provider: "openai_compatible", api_key: KEY, base_url: "http://127.0.0.1:9/v1" },
    })
  ).body.id;
  deepgram = (
    await h.json<{ id: string }>("POST", "/api/v1/provider-credentials", {
      body: { provider: "deepgram", api_key: "dg-fallback-0123456789abcdef" },
    })
  ).body.id;
});
afterAll(async () => {
  await h.close();
  await strict.close();
});

async function snapshotOf(agentId: string): Promise<AgentSnapshot> {
  return JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId))!);
}

async function create(body: Record<string, unknown>, harness = h) {
  return harness.json<AgentBody & Problem>("POST", "/api/v1/agents", {
    body: { name: "Fallbacks", ...body },
  });
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
    expect(created.status).toBe(201);
    expect(created.body.llm.fallbacks).toEqual([
      { provider: "openai", model: "llama-3", credential_id: tenantLlm },
      { provider: "custom", model: "custom", webhook_url: "https://llm.example.com/chat/completions" },
    ]);
    expect(created.body.stt.fallbacks).toEqual([
      { provider: "deepgram", model: "nova-2", credential_id: deepgram },
      { provider: "whisper", model: "tiny" },
    ]);
    const fetched = await h.json<AgentBody>("GET", `/api/v1/agents/${created.body.id}`);
    expect(fetched.body.llm.fallbacks).toEqual(created.body.llm.fallbacks);

    const runtime = (await snapshotOf(created.body.id)).runtime!;
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
    const inUse = await h.json<Problem>("DELETE", `/api/v1/provider-credentials/${tenantLlm}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe("credential_in_use");

    // PATCH replaces the list; an empty list removes them and their credentials from the snapshot.
    const cleared = await h.json<AgentBody>("PATCH", `/api/v1/agents/${created.body.id}`, {
      body: { llm: { fallbacks: [] }, stt: { fallbacks: [] } },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.llm.fallbacks).toEqual([]);
    expect(cleared.body.llm.model).toBe("gpt-4o-mini");
    expect((await snapshotOf(created.body.id)).runtime!.credentials).toEqual({});
  });

  test("a fallback naming another org's credential is refused, with the field named, and nothing is written", async () => {
    const other = await h.newOrg();
    const foreign = await h.json<{ id: string }>("POST", "/api/v1/provider-credentials", {
      key: other.ownerKey,
      body: { provider: "openai", api_key: KEY },
    });
    const before = await h.json<{ data: unknown[] }>("GET", "/api/v1/agents?limit=100");
    const refused = await create({
      llm: { fallbacks: [{ provider: "openai", model: "gpt-4o", credential_id: foreign.body.id }] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: "llm.fallbacks.0.credential_id" }),
    ]);
    const sttRefused = await create({
      stt: {
        fallbacks: [
          { provider: "whisper", model: "tiny" },
          { provider: "deepgram", model: "nova-2", credential_id: foreign.body.id },
        ],
      },
    });
    expect(sttRefused.status).toBe(422);
    expect(sttRefused.body.errors[0]!.field).toBe("stt.fallbacks.1.credential_id");
    const after = await h.json<{ data: unknown[] }>("GET", "/api/v1/agents?limit=100");
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  test("each fallback gets the primary's checks: fitting credentials, base_url needs a credential, custom needs a webhook_url", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
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
      expect({ field, status: refused.status }).toEqual({ field, status: 422 });
      expect(refused.body.errors[0]!.field).toBe(field);
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
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]!.field).toBe("llm.fallbacks.0.webhook_url");
  });

  test("the schema: at most three, each with a provider and a model of the block's kinds", async () => {
    const four = Array.from({ length: 4 }, () => ({ provider: "openai", model: "m" }));
    for (const fields of [
      { llm: { fallbacks: four } },
      { stt: { fallbacks: four } },
      { llm: { fallbacks: [{ provider: "deepgram", model: "m" }] } },
      { llm: { fallbacks: [{ provider: "openai" }] } },
      { stt: { fallbacks: [{ model: "nova-2" }] } },
      { llm: { fallbacks: [{ provider: "openai", model: "m", temperature: 3 }] } },
      { llm: { fallbacks: "openai" } },
    ]) {
      const refused = await create(fields);
      expect({ fields, status: refused.status }).toEqual({ fields, status: 422 });
    }
    const three = await create({ llm: { fallbacks: four.slice(1) }, stt: { fallbacks: four.slice(1) } });
    expect(three.status).toBe(201);
  });

  test("members may not set fallbacks", async () => {
    const member = await h.newKey("member");
    const created = await create({});
    const refused = await h.json<Problem>("PATCH", `/api/v1/agents/${created.body.id}`, {
      key: member,
      body: { llm: { fallbacks: [{ provider: "openai", model: "m" }] } },
    });
    expect(refused.status).toBe(403);
  });
});
