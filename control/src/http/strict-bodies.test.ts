// Request bodies name every field they take: a field they do not have, at the top or inside a
// nested object, is a 422 naming it, and nothing is written. Free-form maps stay open.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHarness, type Harness } from "../testing/harness.ts";

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ field: string; message: string }>;
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 30_000);
afterAll(async () => {
  await h.close();
});

async function expectUnknownField(method: string, path: string, body: unknown, field: string) {
  const response = await h.json<Problem>(method, path, { body });
  expect({ path, status: response.status }).toEqual({ path, status: 422 });
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(response.body).toEqual({
    type: "/docs/errors#validation_failed",
    title: "Unprocessable Content",
    status: 422,
    code: "validation_failed",
    detail: `unknown field: ${field}`,
    errors: [{ field, message: "unknown field" }],
  });
}

async function count(path: string): Promise<number> {
  const page = await h.json<{ data: unknown[] }>("GET", `${path}?limit=100`);
  expect(page.status).toBe(200);
  return page.body.data.length;
}

describe("agents", () => {
  test("an unknown field at the top or in a settings block is a 422 naming it; no agent is made", async () => {
    const before = await count("/api/v1/agents");
    await expectUnknownField(
      "POST",
      "/api/v1/agents",
      { name: "Typo", sytem_prompt: "You book tables." },
      "sytem_prompt",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/agents",
      { name: "Typo", llm: { temprature: 0.2 } },
      "llm.temprature",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/agents",
      { name: "Typo", voice: { provider: "espeak", voice_id: "en-us", pitch: 2 } },
      "voice.pitch",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/agents",
      { name: "Typo", llm: { fallbacks: [{ provider: "openai", model: "m", temprature: 1 }] } },
      "llm.fallbacks.0.temprature",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/agents",
      { name: "Typo", tools: [{ type: "transfer_call", target: "+14155550100", number: "+1" }] },
      "tools.0.number",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/agents",
      { name: "Typo", silence: { reprompt_ms: 5000, repromt_message: "Still there?" } },
      "silence.repromt_message",
    );
    expect(await count("/api/v1/agents")).toBe(before);
  });

  test("PATCH refuses unknown fields too and leaves the agent as it was", async () => {
    const created = await h.json<{ id: string; system_prompt: string }>("POST", "/api/v1/agents", {
      body: { name: "Front desk", system_prompt: "You book tables." },
    });
    expect(created.status).toBe(201);
    const path = `/api/v1/agents/${created.body.id}`;
    await expectUnknownField("PATCH", path, { sytem_prompt: "Be rude." }, "sytem_prompt");
    await expectUnknownField("PATCH", path, { llm: { temprature: 2 } }, "llm.temprature");
    await expectUnknownField("PATCH", path, { knowledge: { mode: "none", topk: 3 } }, "knowledge.topk");
    const read = await h.json<{ system_prompt: string }>("GET", path);
    expect(read.body.system_prompt).toBe("You book tables.");
  });

  test("several unknown fields are all named", async () => {
    const response = await h.json<Problem>("POST", "/api/v1/agents", {
      body: { name: "Typo", sytem_prompt: "x", llm: { temprature: 0.2 } },
    });
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe("unknown fields: sytem_prompt, llm.temprature");
    expect(response.body.errors?.map((problem) => problem.field).sort()).toEqual([
      "llm.temprature",
      "sytem_prompt",
    ]);
  });

  test("free-form maps stay open: metadata, a tool's parameters and headers, and a transfer target", async () => {
    const tools = [
      {
        type: "http",
        name: "lookup",
        url: "http://127.0.0.1:9/lookup",
        parameters: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
        headers: { "x-team": "sales" },
      },
      { type: "transfer_call", target: "+14155550100" },
    ];
    const created = await h.json<{ metadata: unknown; tools: unknown }>("POST", "/api/v1/agents", {
      body: { name: "Open maps", metadata: { team: "sales", nested: { any: ["thing"] } }, tools },
    });
    expect(created.status).toBe(201);
    expect(created.body.metadata).toEqual({ team: "sales", nested: { any: ["thing"] } });
    expect(created.body.tools).toEqual(tools);
  });
});
