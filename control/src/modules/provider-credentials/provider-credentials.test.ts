import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { eq } from "drizzle-orm";
import { providerCredentials } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

const KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

interface Credential {
  id: string;
  provider: string;
  name: string;
  base_url: string | null;
  api_key_prefix: string | null;
}

async function createCredential(body: Record<string, unknown>, key?: string) {
  return h.json<Credential & { code: string; errors: Array<{ field: string }> }>(
    "POST",
    "/api/v1/provider-credentials",
    { body, key },
  );
}

async function snapshotOf(agentId: string): Promise<AgentSnapshot> {
  return JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId))!);
}

describe("provider credentials", () => {
  test("the key is stored encrypted, shown never again, listed by its prefix", async () => {
    const created = await createCredential({ provider: "openai", api_key: KEY, name: "Prod OpenAI" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provider: "openai", name: "Prod OpenAI", base_url: null });
    expect(created.body.id).toMatch(/^cred_[0-9a-f]{32}$/);
    expect(created.body.api_key_prefix).toBe("sk-proj-");
    expect(JSON.stringify(created.body)).not.toContain(KEY);
    const [row] = await h.ctx.db
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.id, created.body.id));
    expect(row!.apiKeyCiphertext).not.toContain(KEY);
    expect(decryptSecret(h.ctx.config, row!.apiKeyCiphertext!)).toBe(KEY);
    const listed = await h.json<{ data: Credential[] }>("GET", "/api/v1/provider-credentials");
    expect(listed.body.data.map((item) => item.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(KEY);
  });

  test("base_url rules: required for openai_compatible, refused for deepgram, an empty key allowed", async () => {
    const missing = await createCredential({ provider: "openai_compatible", api_key: "x" });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]!.field).toBe("base_url");
    const deepgram = await createCredential({
      provider: "deepgram",
      api_key: "dg",
      base_url: "https://dg.example/v1",
    });
    expect(deepgram.status).toBe(422);
    const local = await createCredential({
      provider: "openai_compatible",
      api_key: "",
      base_url: "http://127.0.0.1:11434/v1/",
    });
    expect(local.status).toBe(201);
    expect(local.body.base_url).toBe("http://127.0.0.1:11434/v1");
    expect(local.body.api_key_prefix).toBeNull();
  });

  test("a private base_url is refused unless ALLOW_PRIVATE_URLS", async () => {
    const strict = await createHarness({ config: { allowPrivateUrls: false } });
    try {
      for (const base of [
        "http://127.0.0.1:8000/v1",
        "http://169.254.169.254/v1",
        "http://[::1]/v1",
        "http://localhost/v1",
      ]) {
        const refused = await strict.json<{ code: string; errors: Array<{ field: string }> }>(
          "POST",
          "/api/v1/provider-credentials",
          { body: { provider: "openai_compatible", api_key: "k", base_url: base } },
        );
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe("invalid_url");
        expect(refused.body.errors[0]!.field).toBe("base_url");
      }
    } finally {
      await strict.close();
    }
  });

  test("members may list but not create or delete; another org sees nothing", async () => {
    const member = await h.newKey("member");
    expect((await createCredential({ provider: "openai", api_key: KEY }, member)).status).toBe(403);
    expect((await h.json("GET", "/api/v1/provider-credentials", { key: member })).status).toBe(200);
    const mine = await createCredential({ provider: "elevenlabs", api_key: "xi-key-0123456789abcdef" });
    const other = await h.newOrg();
    const theirs = await h.json<{ data: Credential[] }>("GET", "/api/v1/provider-credentials", {
      key: other.ownerKey,
    });
    expect(theirs.body.data).toEqual([]);
    const foreignDelete = await h.request("DELETE", `/api/v1/provider-credentials/${mine.body.id}`, {
      key: other.ownerKey,
    });
    expect(foreignDelete.status).toBe(404);
    expect(
      (await h.request("DELETE", `/api/v1/provider-credentials/${mine.body.id}`, { key: member })).status,
    ).toBe(403);
  });
});

describe("agents naming credentials", () => {
  test("an llm.base_url without a credential is refused; with one the snapshot carries it encrypted", async () => {
    const refused = await h.json<{ errors: Array<{ field: string }> }>("POST", "/api/v1/agents", {
      body: { name: "A", llm: { base_url: "http://127.0.0.1:9/v1" } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]!.field).toBe("llm.base_url");

    const credential = await createCredential({
      provider: "openai_compatible",
      api_key: KEY,
      base_url: "http://127.0.0.1:9/v1",
    });
    const agent = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: { name: "B", llm: { credential_id: credential.body.id, model: "llama" } },
    });
    expect(agent.status).toBe(201);
    const snapshot = await snapshotOf(agent.body.id);
    const published = snapshot.runtime!.credentials.llm!;
    expect(published).toMatchObject({ id: credential.body.id, base_url: "http://127.0.0.1:9/v1" });
    expect(JSON.stringify(snapshot)).not.toContain(KEY);
    expect(decryptSecret(h.ctx.config, published.api_key_ciphertext!)).toBe(KEY);
    expect(snapshot.runtime!.signing_secret_ciphertexts.length).toBe(1);
    const signing = decryptSecret(h.ctx.config, snapshot.runtime!.signing_secret_ciphertexts[0]!);
    expect(signing).toMatch(/^whsec_/);
    const org = await h.json<{ signing_secret: { prefix: string } }>("GET", "/api/v1/org");
    expect(signing.startsWith(org.body.signing_secret.prefix)).toBe(true);
    expect(JSON.stringify(org.body)).not.toContain(signing);

    // Rotation: a new secret shown once, the old one still signing, every agent republished.
    const rotated = await h.json<{ secret: string; previous_expires_at: string }>(
      "POST",
      "/api/v1/org/signing-secret/rotate",
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.previous_expires_at).not.toBeNull();
    const republished = (await snapshotOf(agent.body.id)).runtime!.signing_secret_ciphertexts.map((c) =>
      decryptSecret(h.ctx.config, c),
    );
    expect(republished).toEqual([rotated.body.secret, signing]);
    const member = await h.newKey("member");
    expect((await h.request("POST", "/api/v1/org/signing-secret/rotate", { key: member })).status).toBe(403);

    const inUse = await h.json<{ code: string }>(
      "DELETE",
      `/api/v1/provider-credentials/${credential.body.id}`,
    );
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe("credential_in_use");
  });

  test("unknown, foreign and ill-fitting credentials are refused with the field named", async () => {
    const other = await h.newOrg();
    const foreign = await h.json<{ id: string }>("POST", "/api/v1/provider-credentials", {
      key: other.ownerKey,
      body: { provider: "openai", api_key: KEY },
    });
    const deepgram = await createCredential({ provider: "deepgram", api_key: "dg-key-0123456789abcdef" });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ llm: { credential_id: "cred_00000000000000000000000000000000" } }, "llm.credential_id"],
      [{ llm: { credential_id: foreign.body.id } }, "llm.credential_id"],
      [{ llm: { credential_id: deepgram.body.id } }, "llm.credential_id"],
      [
        { voice: { provider: "espeak", voice_id: "en", credential_id: deepgram.body.id } },
        "voice.credential_id",
      ],
    ];
    for (const [fields, field] of cases) {
      const refused = await h.json<{ errors: Array<{ field: string }> }>("POST", "/api/v1/agents", {
        body: { name: "C", ...fields },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0]!.field).toBe(field);
    }
    const fits = await h.json("POST", "/api/v1/agents", {
      body: { name: "D", stt: { provider: "deepgram", credential_id: deepgram.body.id } },
    });
    expect(fits.status).toBe(201);
  });

  test("members cannot change providers or tools, but may edit the prompt", async () => {
    const member = await h.newKey("member");
    const created = await h.json<{ id: string }>("POST", "/api/v1/agents", { body: { name: "E" } });
    for (const body of [
      { llm: { temperature: 0.1 } },
      { stt: { language: "de" } },
      { voice: { provider: "flite", voice_id: "slt" } },
      { tools: [{ type: "end_call" }] },
    ]) {
      const refused = await h.json<{ code: string }>("PATCH", `/api/v1/agents/${created.body.id}`, {
        body,
        key: member,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("forbidden");
    }
    const prompt = await h.json("PATCH", `/api/v1/agents/${created.body.id}`, {
      body: { system_prompt: "Be brief." },
      key: member,
    });
    expect(prompt.status).toBe(200);
  });
});
