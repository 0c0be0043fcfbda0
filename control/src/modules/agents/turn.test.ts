// The agent's turn block through the API: the default, merging on PATCH, bounds that must
// leave room, and the snapshot gateways decide each caller's end of turn from.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { type ApiClient, harnessClient } from "../../testing/api-client/client.ts";
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

const agentPath = (id: string) => ({ params: { path: { agent_id: id } } });

describe("agent turn block", () => {
  test("a new agent is adaptive by default; a PATCH merges over its block and reaches the snapshot", async () => {
    const created = await api.POST("/api/v1/agents", { body: { name: "Turns" } });
    expect(created.response.status).toBe(201);
    expect(created.data!.turn).toEqual({ mode: "adaptive", min_silence_ms: 200, max_silence_ms: 2000 });
    const patched = await api.PATCH("/api/v1/agents/{agent_id}", {
      ...agentPath(created.data!.id),
      body: { turn: { mode: "fixed" }, endpointing: { silence_ms: 700 } },
    });
    expect(patched.response.status).toBe(200);
    expect(patched.data!.turn).toEqual({ mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 });
    const snapshot = JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, created.data!.id))!);
    expect(snapshot.turn).toEqual({ mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 });
    expect(snapshot.endpointing).toEqual({ silence_ms: 700 });
  });

  test("bounds the wrong way round, an unknown mode or field is a 422 naming the field", async () => {
    const reversed = await api.POST("/api/v1/agents", {
      body: { name: "Bad turns", turn: { min_silence_ms: 1500, max_silence_ms: 900 } },
    });
    expect(reversed.response.status).toBe(422);
    expect(reversed.error!.errors?.[0]?.field).toBe("turn.min_silence_ms");
    // An unknown mode on purpose: the cast is the point of this case.
    const mode = await api.POST("/api/v1/agents", {
      body: { name: "Bad mode", turn: { mode: "psychic" } } as never,
    });
    expect(mode.response.status).toBe(422);
    expect(JSON.stringify(mode.error!.errors)).toContain("turn.mode");
    const created = await api.POST("/api/v1/agents", {
      body: { name: "Narrow", turn: { mode: "model", min_silence_ms: 300, max_silence_ms: 1200 } },
    });
    expect(created.data!.turn).toEqual({ mode: "model", min_silence_ms: 300, max_silence_ms: 1200 });
    const patched = await api.PATCH("/api/v1/agents/{agent_id}", {
      ...agentPath(created.data!.id),
      body: { turn: { max_silence_ms: 250 } },
    });
    expect(patched.response.status).toBe(422);
  });
});
