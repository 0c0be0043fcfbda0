// Request bodies name every field they take: a field they do not have, at the top or inside a
// nested object, is a 422 naming it, and nothing is written. Free-form maps stay open.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentTool } from "@switchboard/shared/agent";
import { eq } from "drizzle-orm";
import { agents } from "../db/schema.ts";
import { createHarness, type Harness } from "../testing/harness.ts";

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ field: string; message: string }>;
}

const ADMIN_KEY = `sk_admin_${"S4".repeat(16)}`;

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ config: { adminApiKey: ADMIN_KEY } });
}, 30_000);
afterAll(async () => {
  await h.close();
});

async function expectUnknownField(
  method: string,
  path: string,
  body: unknown,
  field: string,
  key: string | undefined = undefined,
) {
  const response = await h.json<Problem>(method, path, { body, key });
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

  test("a value outside a fixed list is named with the values it may take", async () => {
    const response = await h.json<Problem>("POST", "/api/v1/agents", {
      body: { name: "Typo", voice: { provider: "espeek", voice_id: "en-us" } },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: "voice.provider", message: "must be one of: espeak, flite, openai, elevenlabs" },
    ]);
  });

  test("a query parameter a route does not take is named too", async () => {
    const response = await h.json<Problem>("GET", "/api/v1/calls?statsu=failed");
    expect(response.status).toBe(422);
    expect(response.body.detail).toBe("unknown query parameter: statsu");
    expect(response.body.errors).toEqual([{ field: "statsu", message: "unknown query parameter" }]);
  });

  test("only requests are strict: a field stored before it was declared does not break reading the agent", async () => {
    const created = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: { name: "Stored earlier", tools: [{ type: "end_call" }] },
    });
    // A tool as an earlier version accepted it, with a field no schema names.
    const stored = [{ type: "end_call", note: "from before" }] as unknown as AgentTool[];
    await h.ctx.db.update(agents).set({ tools: stored }).where(eq(agents.id, created.body.id));
    const read = await h.json<{ tools: unknown }>("GET", `/api/v1/agents/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.tools).toEqual(stored);
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

describe("the other resources", () => {
  test("calls: an unknown field is a 422 naming it; nothing is dialled; the camelCase body still works", async () => {
    const agent = await h.json<{ id: string }>("POST", "/api/v1/agents", { body: { name: "Caller" } });
    await expectUnknownField(
      "POST",
      "/api/v1/calls/outbound",
      { agent_id: agent.body.id, to_number: "+14155550142", caller_id: "+14155550100" },
      "caller_id",
    );
    // metadata is the caller's own (any fields, at any depth): this body passes its schema and
    // reaches the service, which finds no number of the org's to call from.
    const camel = await h.json<Problem>("POST", "/api/v1/calls/outbound", {
      body: { agentId: agent.body.id, toNumber: "+14155550142", metadata: { crm: { id: 7 } } },
    });
    expect(camel.body.errors?.map((problem) => problem.message)).toEqual(["no active number to default to"]);
    expect(await count("/api/v1/calls")).toBe(0);
  });

  test("phone numbers: buy, attach and forwarding bodies refuse unknown fields", async () => {
    await expectUnknownField(
      "POST",
      "/api/v1/phone-numbers",
      { area_code: "415", areacode: "415" },
      "areacode",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/phone-numbers/pn_missing/attach",
      { agent_id: null, agentId: "agt_x" },
      "agentId",
    );
    await expectUnknownField(
      "PATCH",
      "/api/v1/phone-numbers/pn_missing/forwarding",
      { forward_to: null, forward: "+14155550100" },
      "forward",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/numbers",
      { area_code: "415", sytem_prompt: "x" },
      "sytem_prompt",
    );
  });

  test("webhooks, api keys and credits refuse unknown fields", async () => {
    await expectUnknownField(
      "POST",
      "/api/v1/webhooks",
      { url: "https://example.com/hook", event_types: ["call.ended"] },
      "event_types",
    );
    await expectUnknownField("PATCH", "/api/v1/webhooks/wh_missing", { enable: false }, "enable");
    await expectUnknownField("POST", "/api/v1/api-keys", { name: "ci", scope: "calls" }, "scope");
    await expectUnknownField("POST", "/api/v1/credits/purchase", { amount_cents: 500, amount: 5 }, "amount");
    await expectUnknownField(
      "PATCH",
      "/api/v1/credits/settings",
      { low_balance_threshold_cents: 100, threshold: 1 },
      "threshold",
    );
  });

  test("trunks refuse unknown fields, at the top and in caller_id", async () => {
    await expectUnknownField(
      "POST",
      "/api/v1/trunks",
      { name: "Carrier", outbound_url: "sip:x" },
      "outbound_url",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/trunks",
      { name: "Carrier", caller_id: { default_callerid: "+14155550100" } },
      "caller_id.default_callerid",
    );
    await expectUnknownField(
      "PATCH",
      "/api/v1/trunks/trk_missing",
      { caller_id: { allow_from: true } },
      "caller_id.allow_from",
    );
  });

  test("knowledge sources refuse unknown fields", async () => {
    await expectUnknownField(
      "POST",
      "/api/v1/knowledge/text",
      { title: "FAQ", content: "Hi", text: "Hi" },
      "text",
    );
    await expectUnknownField(
      "POST",
      "/api/v1/knowledge/url",
      { url: "https://example.com", name: "x" },
      "name",
    );
    await expectUnknownField(
      "PUT",
      "/api/v1/knowledge/external/faq-1",
      { content: "Hi", body: "Hi" },
      "body",
    );
    expect(await count("/api/v1/knowledge")).toBe(0);
  });

  test("provider credentials refuse unknown fields", async () => {
    await expectUnknownField(
      "POST",
      "/api/v1/provider-credentials",
      { provider: "openai", api_key: "sk-test", apikey: "sk-test" },
      "apikey",
    );
  });

  test("operator routes refuse unknown fields, at the top and in rates", async () => {
    await expectUnknownField("POST", "/api/v1/admin/orgs", { name: "Acme", plan: "pro" }, "plan", ADMIN_KEY);
    await expectUnknownField(
      "POST",
      "/api/v1/admin/orgs",
      { name: "Acme", rates: { outbound_cents_per_min: 3 } },
      "rates.outbound_cents_per_min",
      ADMIN_KEY,
    );
  });
});
