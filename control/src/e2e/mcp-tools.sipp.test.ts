// An MCP server of the org's catalogue on a real call (embedded default, SIPp caller): the SDK's
// own McpServer on loopback with two tools is listed through /tools, an agent references it,
// and the model's call of one of its tools reaches the server with the arguments; the result
// goes back to the model (the transcript's tool call) and the reply after it is spoken.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { startTestMcpServer } from "@switchboard/shared/testing/mcp-server";
import { startToolCallPlatform, type ToolCallPlatform, toolAgentBody } from "./support/tool-call-platform.ts";

const NUMBER = "+14155550193";

let platform: ToolCallPlatform;
const mcpServer = startTestMcpServer();

beforeAll(async () => {
  platform = await startToolCallPlatform("mcp-tools", [NUMBER], {
    rules: [
      { match: "table", toolCalls: [{ name: "orders__lookup_order", arguments: { order_id: "A17" } }] },
    ],
    afterToolReply: "It shipped on Monday.",
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await mcpServer.stop();
});

test("an MCP server's tool is listed through /tools and called during a SIPp call", async () => {
  const { api } = platform;
  const tool = await api.request<{ id: string; mcp_tools: { name: string }[] }>("POST", "/tools", {
    type: "mcp",
    name: "orders",
    description: "The order system.",
    url: mcpServer.url,
    transport: "streamable_http",
  });
  expect(tool.status).toBe(201);
  expect(tool.body.mcp_tools.map((listed) => listed.name).sort()).toEqual(["cancel_order", "lookup_order"]);
  const agent = await api.request<{ id: string }>(
    "POST",
    "/agents",
    toolAgentBody("Orders desk", [tool.body.id]),
  );
  expect(agent.status).toBe(201);

  const { sipp, call } = await platform.callAgent(NUMBER, agent.body.id);
  expect(sipp.errors).toBe("");
  expect(mcpServer.calls).toEqual([{ tool: "lookup_order", arguments: { order_id: "A17" } }]);
  const toolCalls = call.transcript.flatMap(
    (turn) => (turn as { tool_calls?: { name: string; result: string; outcome: string }[] }).tool_calls ?? [],
  );
  expect(toolCalls).toContainEqual(
    expect.objectContaining({
      name: "orders__lookup_order",
      result: "order A17 shipped on Monday",
      outcome: "completed",
    }),
  );
  expect(
    call.transcript.some((turn) => turn.role === "agent" && turn.text.includes("shipped on Monday")),
  ).toBe(true);
}, 120_000);
