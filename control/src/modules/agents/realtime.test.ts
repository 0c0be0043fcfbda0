// The agent's realtime block through the API: validation, merging on PATCH, the provider
// credential it names (openai or gemini kinds), and the snapshot gateways run it from.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

let h: Harness;
let api: ApiClient;
beforeAll(async () => {
  h = await createHarness();
  api = harnessClient(h);
}, 30_000);
afterAll(async () => {
  await h.close();
});

type CredentialProvider = RequestBody<"/api/v1/provider-credentials", "post">["provider"];
const agentPath = (id: string) => ({ params: { path: { agent_id: id } } });

async function credential(provider: CredentialProvider): Promise<string> {
  const created = await api.POST("/api/v1/provider-credentials", {
    body: { provider, api_key: `${provider}-key-0123456789` },
  });
  expect(created.response.status).toBe(201);
  return created.data!.id;
}

async function snapshotOf(agentId: string): Promise<Record<string, unknown>> {
  return JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId))!);
}

describe("agent realtime block", () => {
  test("an agent carries the block, shows it, and publishes it with its credential to the gateways", async () => {
    const credentialId = await credential("openai");
    const realtime = {
      provider: "openai",
      model: "gpt-realtime",
      voice: "marin",
      instructions_extra: "Speak warmly and briefly.",
      turn_detection: "semantic_vad",
      credential_id: credentialId,
    } as const;
    const created = await api.POST("/api/v1/agents", { body: { name: "Realtime desk", realtime } });
    expect(created.response.status).toBe(201);
    expect(created.data!.realtime).toEqual(realtime);
    const read = await api.GET("/api/v1/agents/{agent_id}", agentPath(created.data!.id));
    expect(read.data!.realtime).toEqual(realtime);
    const snapshot = await snapshotOf(created.data!.id);
    expect(snapshot.realtime).toEqual(realtime);
    expect(snapshot.runtime).toMatchObject({
      credentials: { realtime: { id: credentialId, provider: "openai" } },
    });
    // Its calls depend on the credential now: it cannot be deleted from under them.
    const deleted = await api.DELETE("/api/v1/provider-credentials/{id}", {
      params: { path: { id: credentialId } },
    });
    expect(deleted.response.status).toBe(409);
    expect(deleted.error!.code).toBe("credential_in_use");
  });

  test("a pipeline agent shows realtime null", async () => {
    const created = await api.POST("/api/v1/agents", { body: { name: "Pipeline" } });
    expect(created.response.status).toBe(201);
    expect(created.data!.realtime).toBeNull();
  });

  test("provider, model and voice are required; unknown providers, modes and fields are refused", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ provider: "openai", model: "gpt-realtime" }, "realtime.voice"],
      [{ provider: "azure", model: "m", voice: "v" }, "realtime.provider"],
      [{ provider: "openai", model: "", voice: "v" }, "realtime.model"],
      [
        { provider: "openai", model: "m", voice: "v", turn_detection: "push_to_talk" },
        "realtime.turn_detection",
      ],
      [{ provider: "openai", model: "m", voice: "v", temprature: 1 }, "realtime.temprature"],
    ];
    for (const [realtime, field] of cases) {
      // Each block is off the documented schema on purpose: the cast is the point of the test.
      const refused = await api.POST("/api/v1/agents", { body: { name: "Bad", realtime } as never });
      expect(refused.response.status).toBe(422);
      expect(refused.error!.errors?.map((error) => error.field)).toContain(field);
    }
  });

  test("semantic_vad is OpenAI's: a Gemini block with it is a 422", async () => {
    const refused = await api.POST("/api/v1/agents", {
      body: {
        name: "Gemini",
        realtime: {
          provider: "gemini",
          model: "gemini-live-2.5-flash-preview",
          voice: "Puck",
          turn_detection: "semantic_vad",
        },
      },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error!.errors).toEqual([
      { field: "realtime.turn_detection", message: expect.any(String) },
    ]);
  });

  test("the credential must be the org's and of the provider's kind: gemini for Gemini, openai for OpenAI", async () => {
    const deepgram = await credential("deepgram");
    const gemini = await credential("gemini");
    const wrongKind = await api.POST("/api/v1/agents", {
      body: {
        name: "G",
        realtime: { provider: "gemini", model: "m", voice: "Puck", credential_id: deepgram },
      },
    });
    expect(wrongKind.response.status).toBe(422);
    expect(wrongKind.error!.errors?.[0]?.field).toBe("realtime.credential_id");
    const geminiForOpenAi = await api.POST("/api/v1/agents", {
      body: {
        name: "O",
        realtime: { provider: "openai", model: "m", voice: "marin", credential_id: gemini },
      },
    });
    expect(geminiForOpenAi.response.status).toBe(422);
    const other = await h.newOrg();
    const foreign = await harnessClient(h, other.ownerKey).POST("/api/v1/agents", {
      body: { name: "F", realtime: { provider: "gemini", model: "m", voice: "Puck", credential_id: gemini } },
    });
    expect(foreign.response.status).toBe(422);
    const fits = await api.POST("/api/v1/agents", {
      body: { name: "G", realtime: { provider: "gemini", model: "m", voice: "Puck", credential_id: gemini } },
    });
    expect(fits.response.status).toBe(201);
    expect(await snapshotOf(fits.data!.id)).toMatchObject({
      runtime: { credentials: { realtime: { id: gemini, provider: "gemini" } } },
    });
  });

  test("PATCH merges into the block, needs a whole block to start one, and null returns to the pipeline", async () => {
    const created = (await api.POST("/api/v1/agents", { body: { name: "Switching" } })).data!;
    const path = agentPath(created.id);
    const partial = await api.PATCH("/api/v1/agents/{agent_id}", {
      ...path,
      body: { realtime: { voice: "cedar" } },
    });
    expect(partial.response.status).toBe(422);
    expect(partial.error!.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(["realtime.provider", "realtime.model"]),
    );
    const started = await api.PATCH("/api/v1/agents/{agent_id}", {
      ...path,
      body: { realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" } },
    });
    expect(started.response.status).toBe(200);
    const merged = await api.PATCH("/api/v1/agents/{agent_id}", {
      ...path,
      body: { realtime: { voice: "cedar" } },
    });
    expect(merged.data!.realtime).toEqual({ provider: "openai", model: "gpt-realtime", voice: "cedar" });
    expect((await snapshotOf(created.id)).realtime).toEqual(merged.data!.realtime);
    const cleared = await api.PATCH("/api/v1/agents/{agent_id}", { ...path, body: { realtime: null } });
    expect(cleared.response.status).toBe(200);
    expect(cleared.data!.realtime).toBeNull();
    expect((await snapshotOf(created.id)).realtime).toBeNull();
  });

  test("a member key may not set the block: it decides where call audio goes", async () => {
    const member = harnessClient(h, await h.newKey("member"));
    const refused = await member.POST("/api/v1/agents", {
      body: { name: "M", realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" } },
    });
    expect(refused.response.status).toBe(403);
  });
});
