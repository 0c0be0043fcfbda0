// A tool of the org's catalogue on a real call (embedded default, SIPp caller): created through
// /tools, referenced by two agents through tool_ids, called during a call as a signed request
// naming the call and agent; deleting it is refused while the agents use it.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Webhook } from "standardwebhooks";
import { startToolCallPlatform, type ToolCallPlatform, toolAgentBody } from "./support/tool-call-platform.ts";

const NUMBER = "+14155550191";

interface Seen {
  path: string;
  headers: Record<string, string>;
  body: string;
}

let platform: ToolCallPlatform;
const seen: Seen[] = [];
const toolServer = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    const url = new URL(request.url);
    seen.push({
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    return Response.json({ tables_free: 3 });
  },
});

beforeAll(async () => {
  platform = await startToolCallPlatform("tools-catalogue", [NUMBER], {
    rules: [{ match: "table", toolCalls: [{ name: "check_tables", arguments: { party: 2 } }] }],
    afterToolReply: "Three tables are free.",
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  toolServer.stop(true);
});

test("a catalogue tool referenced by two agents is called during a SIPp call, signed and naming the call", async () => {
  const { api } = platform;
  const rotated = await api.request<{ secret: string }>("POST", "/org/signing-secret/rotate");
  expect(rotated.status).toBe(200);
  const tool = await api.request<{ id: string }>("POST", "/tools", {
    type: "http",
    name: "check_tables",
    description: "Free tables for a party size.",
    url: `http://127.0.0.1:${toolServer.port}/tool/tables`,
    method: "POST",
    parameters: { type: "object", properties: { party: { type: "integer" } } },
  });
  expect(tool.status).toBe(201);
  const first = await api.request<{ id: string }>(
    "POST",
    "/agents",
    toolAgentBody("Bookings", [tool.body.id]),
  );
  const second = await api.request<{ id: string }>(
    "POST",
    "/agents",
    toolAgentBody("Events", [tool.body.id]),
  );
  expect([first.status, second.status]).toEqual([201, 201]);
  const { sipp, call } = await platform.callAgent(NUMBER, first.body.id);
  expect(sipp.errors).toBe("");
  const toolRequests = seen.filter((item) => item.path === "/tool/tables");
  expect(toolRequests).toHaveLength(1);
  const request = toolRequests[0]!;
  expect(() => new Webhook(rotated.body.secret).verify(request.body, request.headers)).not.toThrow();
  expect(request.headers["x-switchboard-call-id"]).toBe(call.id);
  expect(request.headers["x-switchboard-agent-id"]).toBe(first.body.id);
  expect(JSON.parse(request.body)).toEqual({ party: 2 });
  expect(call.transcript.some((turn) => turn.role === "agent" && turn.text.includes("Three tables"))).toBe(
    true,
  );

  const refused = await api.request<{ detail: string }>("DELETE", `/tools/${tool.body.id}`);
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toContain(first.body.id);
  expect(refused.body.detail).toContain(second.body.id);
}, 120_000);
