// An MCP server as a catalogue tool: its tools are listed through the SDK client when the tool
// is created or refreshed, and the agents using it carry the listing in their snapshots.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { startTestMcpServer, type TestMcpServer } from "@switchboard/shared/testing/mcp-server";
import { createHarness, type Harness } from "../../testing/harness.ts";

type Json = Record<string, unknown> & { id: string };

describe("/tools of type mcp", () => {
  let h: Harness;
  let strict: Harness;
  let server: TestMcpServer;

  beforeAll(async () => {
    server = startTestMcpServer();
    h = await createHarness({ config: { allowPrivateUrls: true } });
    strict = await createHarness({ config: { allowPrivateUrls: false } });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await strict.close();
    await server.stop();
  });

  const post = (harness: Harness, path: string, body: Record<string, unknown>) =>
    harness.json<Json>("POST", `/api/v1${path}`, {
      body,
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
  const snapshotOf = async (agentId: string) =>
    JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId))!) as AgentSnapshot;

  test("the server's tools are listed on create, carried by the agent's snapshot, and listed again on refresh", async () => {
    const created = await post(h, "/tools", {
      type: "mcp",
      name: "orders",
      description: "The order system.",
      url: server.url,
      transport: "streamable_http",
      headers: { Authorization: "Bearer t1" },
    });
    expect(created.status).toBe(201);
    const listed = created.body.mcp_tools as { name: string; input_schema: Record<string, unknown> }[];
    expect(listed.map((tool) => tool.name).sort()).toEqual(["cancel_order", "lookup_order"]);
    expect(listed.find((tool) => tool.name === "lookup_order")?.input_schema).toMatchObject({
      properties: { order_id: { type: "string" } },
    });
    expect(server.headers.at(-1)?.get("authorization")).toBe("Bearer t1");

    const agent = await post(h, "/agents", { name: "Orders desk", tool_ids: [created.body.id] });
    expect(agent.status).toBe(201);
    const snapshot = await snapshotOf(agent.body.id);
    expect(snapshot.tools).toContainEqual(
      expect.objectContaining({
        type: "mcp",
        name: "orders",
        url: server.url,
        transport: "streamable_http",
        headers: { Authorization: "Bearer t1" },
        mcp_tools: expect.arrayContaining([expect.objectContaining({ name: "lookup_order" })]),
      }),
    );

    const requestsBefore = server.headers.length;
    const refreshed = await post(h, `/tools/${created.body.id}/refresh`, {});
    expect(refreshed.status).toBe(200);
    expect(server.headers.length).toBeGreaterThan(requestsBefore);
    expect(Date.parse(refreshed.body.mcp_listed_at as string)).toBeGreaterThanOrEqual(
      Date.parse(created.body.mcp_listed_at as string),
    );
  });

  test("a server that cannot be listed is refused with 422", async () => {
    const closed = await post(h, "/tools", {
      type: "mcp",
      name: "nowhere",
      url: "http://127.0.0.1:9/mcp",
      transport: "streamable_http",
    });
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe("mcp_unreachable");
  });

  test("a private-network server is refused unless private URLs are allowed", async () => {
    const refused = await post(strict, "/tools", { type: "mcp", name: "orders", url: server.url });
    expect(refused.status).toBe(422);
    expect(String(refused.body.detail)).toContain("url");
  });

  test("an MCP server cannot be an agent's inline tool", async () => {
    const inline = await post(h, "/agents", {
      name: "Inline",
      tools: [{ type: "mcp", name: "orders", url: server.url }],
    });
    expect(inline.status).toBe(422);
  });

  test("an HTTP tool has no listing to refresh", async () => {
    const http = await post(h, "/tools", { type: "http", name: "lookup", url: "https://8.8.8.8/orders" });
    const refreshed = await post(h, `/tools/${http.body.id}/refresh`, {});
    expect(refreshed.status).toBe(409);
  });
});
