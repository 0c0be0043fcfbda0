// An MCP server's tool called during a pipeline call: the model asks for `<server>__<tool>`,
// the SDK's own McpServer on loopback receives the arguments, and the result reaches the
// model's next request.
import { afterAll, afterEach, expect, test } from "bun:test";
import type { AgentTool } from "@switchboard/shared/agent";
import { listMcpTools } from "@switchboard/shared/mcp/client";
import { startTestMcpServer } from "@switchboard/shared/testing/mcp-server";
import type { PipelineProviders } from "../agent-application.ts";
import { startTestCall, type TestCall } from "../testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

const server = startTestMcpServer();
afterAll(() => server.stop());

const LOOPBACK_ALLOWED: Partial<PipelineProviders> = { toolRequests: { urlPolicy: { allowPrivate: true } } };

/** The entry control's snapshot carries for a catalogue tool of type mcp. */
async function ordersServer(): Promise<AgentTool> {
  return {
    type: "mcp",
    name: "orders",
    url: server.url,
    transport: "streamable_http",
    mcp_tools: await listMcpTools({ url: server.url }, { allowPrivate: true }, 5000),
  };
}

test("the model calls an MCP server's tool: the server gets the arguments and the model gets the result", async () => {
  call = await startTestCall({
    agent: { tools: [await ordersServer()] },
    llm: [
      { toolCalls: [{ id: "call_1", name: "orders__lookup_order", arguments: '{"order_id":"A17"}' }] },
      { tokens: ["It shipped on Monday."] },
    ],
    stt: ["where is order A17"],
    providers: LOOPBACK_ALLOWED,
  });
  const current = call;
  await current.speak(400);
  await current.untilReal(() => current.llm.requests.length === 2);

  const offered = [...current.llm.requests[0]!.tools].sort();
  expect(offered).toEqual(["orders__cancel_order", "orders__lookup_order"]);
  expect(server.calls).toEqual([{ tool: "lookup_order", arguments: { order_id: "A17" } }]);
  const toolMessage = current.llm.requests[1]!.messages.find((message) => message.role === "tool");
  expect(toolMessage?.content).toBe("order A17 shipped on Monday");
});

test("a private-network server is refused at call time when the policy does not allow it", async () => {
  const before = server.calls.length;
  call = await startTestCall({
    agent: { tools: [await ordersServer()] },
    llm: [
      { toolCalls: [{ id: "call_1", name: "orders__lookup_order", arguments: '{"order_id":"B2"}' }] },
      { tokens: ["Sorry, I cannot look that up."] },
    ],
    stt: ["where is order B2"],
    providers: { toolRequests: { urlPolicy: { allowPrivate: false } } },
  });
  const current = call;
  await current.speak(400);
  await current.untilReal(() => current.llm.requests.length === 2);
  const toolMessage = current.llm.requests[1]!.messages.find((message) => message.role === "tool");
  expect(toolMessage?.content).toContain("not allowed");
  expect(server.calls.length).toBe(before);
});
