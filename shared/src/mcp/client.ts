// An MCP server the tenant named (a catalogue tool of type `mcp`), reached through the official
// SDK client. Every request, the first and any the transport makes later, goes through the
// outbound URL guard: the transport is handed a guarded fetch.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { guardedFetch, type OutboundUrlPolicy } from "../net/outbound-url.ts";
import type { McpListedTool } from "../schemas/agent.ts";

export type McpTransportKind = "streamable_http" | "sse";

export interface McpServerTarget {
  url: string;
  transport?: McpTransportKind;
  headers?: Record<string, string>;
}

const CLIENT_INFO = { name: "switchboard", version: "1.0.0" };
/** Tool descriptions past this are cut: the model only needs the gist. */
const MAX_DESCRIPTION_CHARS = 4000;

/** A connected SDK client; the caller closes it. */
export async function connectMcpClient(
  target: McpServerTarget,
  policy: OutboundUrlPolicy,
  timeout_ms: number,
): Promise<Client> {
  // Redirects are refused: a guarded URL must not hand the session to an unguarded one.
  const fetch: FetchLike = (url, init) => guardedFetch(url, { ...init, redirect: "manual" }, policy);
  const url = new URL(target.url);
  const requestInit = { headers: target.headers ?? {} };
  const transport =
    target.transport === "sse"
      ? new SSEClientTransport(url, { fetch, requestInit })
      : new StreamableHTTPClientTransport(url, { fetch, requestInit });
  const client = new Client(CLIENT_INFO);
  await client.connect(transport, { timeout: timeout_ms });
  return client;
}

/** The server's tools (`tools/list`, every page), as the snapshot carries them. */
export async function listMcpTools(
  target: McpServerTarget,
  policy: OutboundUrlPolicy,
  timeout_ms: number,
): Promise<McpListedTool[]> {
  const client = await connectMcpClient(target, policy, timeout_ms);
  try {
    const listed: McpListedTool[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : {}, { timeout: timeout_ms });
      for (const tool of page.tools)
        listed.push({
          name: tool.name,
          description: (tool.description ?? "").slice(0, MAX_DESCRIPTION_CHARS),
          input_schema: tool.inputSchema as Record<string, unknown>,
        });
      cursor = page.nextCursor;
    } while (cursor);
    return listed;
  } finally {
    await client.close();
  }
}

/** The function name the model sees: the server's catalogue name, so two servers never collide. */
export function mcpFunctionName(serverName: string, toolName: string): string {
  return `${serverName}__${toolName.replace(/[^a-zA-Z0-9_-]/g, "_")}`.slice(0, 64);
}
