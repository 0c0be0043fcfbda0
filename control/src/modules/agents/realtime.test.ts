// The agent's realtime block through the API: validation, merging on PATCH, the provider
// credential it names (openai or gemini kinds), and the snapshot gateways run it from.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { createHarness, type Harness } from "../../testing/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 30_000);
afterAll(async () => {
  await h.close();
});

type Problem = { code: string; errors?: Array<{ field: string; message: string }> };

async function credential(provider: string): Promise<string> {
  const created = await h.json<{ id: string }>("POST", "/api/v1/provider-credentials", {
    body: { provider, api_key: `${provider}-key-0123456789` },
  });
  expect(created.status).toBe(201);
  return created.body.id;
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
    };
    const created = await h.json<{ id: string; realtime: unknown }>("POST", "/api/v1/agents", {
      body: { name: "Realtime desk", realtime },
    });
    expect(created.status).toBe(201);
    expect(created.body.realtime).toEqual(realtime);
    const read = await h.json<{ realtime: unknown }>("GET", `/api/v1/agents/${created.body.id}`);
    expect(read.body.realtime).toEqual(realtime);
    const snapshot = await snapshotOf(created.body.id);
    expect(snapshot.realtime).toEqual(realtime);
    expect(snapshot.runtime).toMatchObject({
      credentials: { realtime: { id: credentialId, provider: "openai" } },
    });
    // Its calls depend on the credential now: it cannot be deleted from under them.
    const deleted = await h.json<Problem>("DELETE", `/api/v1/provider-credentials/${credentialId}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe("credential_in_use");
  });

  test("a pipeline agent shows realtime null", async () => {
    const created = await h.json<{ realtime: unknown }>("POST", "/api/v1/agents", {
      body: { name: "Pipeline" },
    });
    expect(created.status).toBe(201);
    expect(created.body.realtime).toBeNull();
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
      const refused = await h.json<Problem>("POST", "/api/v1/agents", { body: { name: "Bad", realtime } });
      expect(refused.status).toBe(422);
      expect(refused.body.errors?.map((error) => error.field)).toContain(field);
    }
  });

  test("semantic_vad is OpenAI's: a Gemini block with it is a 422", async () => {
    const refused = await h.json<Problem>("POST", "/api/v1/agents", {
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
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: "realtime.turn_detection", message: expect.any(String) }]);
  });

  test("the credential must be the org's and of the provider's kind: gemini for Gemini, openai for OpenAI", async () => {
    const deepgram = await credential("deepgram");
    const gemini = await credential("gemini");
    const wrongKind = await h.json<Problem>("POST", "/api/v1/agents", {
      body: {
        name: "G",
        realtime: { provider: "gemini", model: "m", voice: "Puck", credential_id: deepgram },
      },
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors?.[0]?.field).toBe("realtime.credential_id");
    const geminiForOpenAi = await h.json<Problem>("POST", "/api/v1/agents", {
      body: {
        name: "O",
        realtime: { provider: "openai", model: "m", voice: "marin", credential_id: gemini },
      },
    });
    expect(geminiForOpenAi.status).toBe(422);
    const other = await h.newOrg();
    const foreign = await h.json<Problem>("POST", "/api/v1/agents", {
      key: other.ownerKey,
      body: { name: "F", realtime: { provider: "gemini", model: "m", voice: "Puck", credential_id: gemini } },
    });
    expect(foreign.status).toBe(422);
    const fits = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: { name: "G", realtime: { provider: "gemini", model: "m", voice: "Puck", credential_id: gemini } },
    });
    expect(fits.status).toBe(201);
    expect(await snapshotOf(fits.body.id)).toMatchObject({
      runtime: { credentials: { realtime: { id: gemini, provider: "gemini" } } },
    });
  });

  test("PATCH merges into the block, needs a whole block to start one, and null returns to the pipeline", async () => {
    const created = await h.json<{ id: string }>("POST", "/api/v1/agents", { body: { name: "Switching" } });
    const path = `/api/v1/agents/${created.body.id}`;
    const partial = await h.json<Problem>("PATCH", path, { body: { realtime: { voice: "cedar" } } });
    expect(partial.status).toBe(422);
    expect(partial.body.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(["realtime.provider", "realtime.model"]),
    );
    const started = await h.json<{ realtime: unknown }>("PATCH", path, {
      body: { realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" } },
    });
    expect(started.status).toBe(200);
    const merged = await h.json<{ realtime: unknown }>("PATCH", path, {
      body: { realtime: { voice: "cedar" } },
    });
    expect(merged.body.realtime).toEqual({ provider: "openai", model: "gpt-realtime", voice: "cedar" });
    expect((await snapshotOf(created.body.id)).realtime).toEqual(merged.body.realtime);
    const cleared = await h.json<{ realtime: unknown }>("PATCH", path, { body: { realtime: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.realtime).toBeNull();
    expect((await snapshotOf(created.body.id)).realtime).toBeNull();
  });

  test("a member key may not set the block: it decides where call audio goes", async () => {
    const member = await h.newKey("member");
    const refused = await h.json<Problem>("POST", "/api/v1/agents", {
      key: member,
      body: { name: "M", realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" } },
    });
    expect(refused.status).toBe(403);
  });
});
