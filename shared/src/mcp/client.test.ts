import { afterAll, expect, test } from "bun:test";
import { UnsafeUrlError } from "../net/outbound-url.ts";
import { startTestMcpServer, startTestMcpSseServer } from "../testing/mcp-server.ts";
import { connectMcpClient, listMcpTools, mcpFunctionName } from "./client.ts";

const server = startTestMcpServer();
afterAll(() => server.stop());

test("the server's tools are listed through the guarded client, with their input schemas", async () => {
  const tools = await listMcpTools(
    { url: server.url, headers: { "x-api-key": "k1" } },
    { allowPrivate: true },
    5000,
  );
  expect(tools.map((tool) => tool.name).sort()).toEqual(["cancel_order", "lookup_order"]);
  const lookup = tools.find((tool) => tool.name === "lookup_order")!;
  expect(lookup.description).toBe("Where an order is.");
  expect(lookup.input_schema).toMatchObject({ type: "object", properties: { order_id: { type: "string" } } });
  expect(server.headers.at(-1)?.get("x-api-key")).toBe("k1");
});

test("a loopback server is refused unless private addresses are allowed", async () => {
  const before = server.headers.length;
  await expect(listMcpTools({ url: server.url }, { allowPrivate: false }, 5000)).rejects.toThrow(
    UnsafeUrlError,
  );
  expect(server.headers.length).toBe(before);
});

test("a tool call reaches the server with its arguments", async () => {
  const client = await connectMcpClient({ url: server.url }, { allowPrivate: true }, 5000);
  const result = await client.callTool({ name: "lookup_order", arguments: { order_id: "A17" } });
  await client.close();
  expect(result.content).toEqual([{ type: "text", text: "order A17 shipped on Monday" }]);
  expect(server.calls.at(-1)).toEqual({ tool: "lookup_order", arguments: { order_id: "A17" } });
});

test("the older HTTP+SSE transport lists and calls the same way", async () => {
  const sse = await startTestMcpSseServer();
  try {
    const target = { url: sse.url, transport: "sse" as const };
    const tools = await listMcpTools(target, { allowPrivate: true }, 5000);
    expect(tools.map((tool) => tool.name).sort()).toEqual(["cancel_order", "lookup_order"]);
    const client = await connectMcpClient(target, { allowPrivate: true }, 5000);
    const result = await client.callTool({
      name: "cancel_order",
      arguments: { order_id: "B2", reason: "late" },
    });
    await client.close();
    expect(result.content).toEqual([{ type: "text", text: "cancelled" }]);
    expect(sse.calls).toEqual([{ tool: "cancel_order", arguments: { order_id: "B2", reason: "late" } }]);
  } finally {
    await sse.stop();
  }
});

test("function names carry the server's name and only characters models accept", () => {
  expect(mcpFunctionName("orders", "lookup.order")).toBe("orders__lookup_order");
});
