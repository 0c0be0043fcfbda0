// A loopback MCP server built from the SDK's own McpServer, served over Streamable HTTP
// (stateless: a server and transport per request) or the older HTTP+SSE transport, with two
// tools. Every call is recorded.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";

export interface RecordedMcpCall {
  tool: string;
  arguments: Record<string, unknown>;
}

export interface TestMcpServer {
  url: string;
  calls: RecordedMcpCall[];
  /** Header values the server received, by request. */
  headers: Headers[];
  stop(): Promise<void>;
}

function buildServer(calls: RecordedMcpCall[]): McpServer {
  const server = new McpServer({ name: "orders", version: "1.0.0" });
  server.registerTool(
    "lookup_order",
    { description: "Where an order is.", inputSchema: { order_id: z.string() } },
    async ({ order_id }) => {
      calls.push({ tool: "lookup_order", arguments: { order_id } });
      return { content: [{ type: "text", text: `order ${order_id} shipped on Monday` }] };
    },
  );
  server.registerTool(
    "cancel_order",
    { description: "Cancel an order.", inputSchema: { order_id: z.string(), reason: z.string() } },
    async (args) => {
      calls.push({ tool: "cancel_order", arguments: args });
      return { content: [{ type: "text", text: "cancelled" }] };
    },
  );
  return server;
}

export function startTestMcpServer(): TestMcpServer {
  const calls: RecordedMcpCall[] = [];
  const headers: Headers[] = [];
  const http = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      headers.push(request.headers);
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      await buildServer(calls).connect(transport);
      return transport.handleRequest(request);
    },
  });
  return {
    url: `http://127.0.0.1:${http.port}/mcp`,
    calls,
    headers,
    async stop() {
      await http.stop(true);
    },
  };
}

/** The same server over HTTP+SSE: GET /sse opens the stream, POST /messages carries requests. */
export async function startTestMcpSseServer(): Promise<TestMcpServer> {
  const calls: RecordedMcpCall[] = [];
  const headers: Headers[] = [];
  const transports = new Map<string, SSEServerTransport>();
  const http = createServer(async (request, response) => {
    headers.push(new Headers(request.headers as Record<string, string>));
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname === "/sse") {
      const transport = new SSEServerTransport("/messages", response);
      transports.set(transport.sessionId, transport);
      response.on("close", () => transports.delete(transport.sessionId));
      await buildServer(calls).connect(transport);
      return;
    }
    const transport = transports.get(url.searchParams.get("sessionId") ?? "");
    if (request.method === "POST" && transport) return transport.handlePostMessage(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sse`,
    calls,
    headers,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
