// The agent's turn block through the API: the default, merging on PATCH, bounds that must
// leave room, and the snapshot gateways decide each caller's end of turn from.
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
type TurnBody = { id: string; turn: { mode: string; min_silence_ms: number; max_silence_ms: number } };

describe("agent turn block", () => {
  test("a new agent is adaptive by default; a PATCH merges over its block and reaches the snapshot", async () => {
    const created = await h.json<TurnBody>("POST", "/api/v1/agents", { body: { name: "Turns" } });
    expect(created.status).toBe(201);
    expect(created.body.turn).toEqual({ mode: "adaptive", min_silence_ms: 200, max_silence_ms: 2000 });
    const patched = await h.json<TurnBody>("PATCH", `/api/v1/agents/${created.body.id}`, {
      body: { turn: { mode: "fixed" }, endpointing: { silence_ms: 700 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.turn).toEqual({ mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 });
    const snapshot = JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, created.body.id))!);
    expect(snapshot.turn).toEqual({ mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 });
    expect(snapshot.endpointing).toEqual({ silence_ms: 700 });
  });

  test("bounds the wrong way round, an unknown mode or field is a 422 naming the field", async () => {
    const reversed = await h.json<Problem>("POST", "/api/v1/agents", {
      body: { name: "Bad turns", turn: { min_silence_ms: 1500, max_silence_ms: 900 } },
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors?.[0]?.field).toBe("turn.min_silence_ms");
    const mode = await h.json<Problem>("POST", "/api/v1/agents", {
      body: { name: "Bad mode", turn: { mode: "psychic" } },
    });
    expect(mode.status).toBe(422);
    expect(JSON.stringify(mode.body.errors)).toContain("turn.mode");
    const created = await h.json<TurnBody>("POST", "/api/v1/agents", {
      body: { name: "Narrow", turn: { mode: "model", min_silence_ms: 300, max_silence_ms: 1200 } },
    });
    expect(created.body.turn).toEqual({ mode: "model", min_silence_ms: 300, max_silence_ms: 1200 });
    const patched = await h.json<Problem>("PATCH", `/api/v1/agents/${created.body.id}`, {
      body: { turn: { max_silence_ms: 250 } },
    });
    expect(patched.status).toBe(422);
  });
});
