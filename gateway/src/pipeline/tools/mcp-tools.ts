// An MCP server of the agent's catalogue: each tool it listed (control keeps the listing) is a
// function the model may call, named `<server>__<tool>`. The SDK client is opened on the first
// call of the call, through the outbound URL guard, and closed when the call ends.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { AgentTool } from "@switchboard/shared/agent";
import { connectMcpClient, mcpFunctionName } from "@switchboard/shared/mcp/client";
import { type OutboundUrlPolicy, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { jsonResult, type PipelineTool } from "./types.ts";

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_WAITING_DELAY_MS = 1500;
/** Longer results are cut: the model only needs the gist and tokens cost latency. */
const MAX_RESULT_CHARS = 8_000;

/** One server's client for the length of a call: opened lazily, closed at call end. */
export class McpSession {
  private client: Promise<Client> | null = null;

  constructor(
    private readonly tool: AgentTool,
    private readonly urlPolicy: OutboundUrlPolicy,
  ) {}

  open(timeout_ms: number): Promise<Client> {
    if (!this.client) {
      const { url, transport, headers } = this.tool;
      this.client = connectMcpClient({ url: url!, transport, headers }, this.urlPolicy, timeout_ms);
      // A failed connection is tried again on the next call rather than kept.
      this.client.catch(() => {
        this.client = null;
      });
    }
    return this.client;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.then((open) => open.close()).catch(() => {});
  }
}

/** The text parts of a `tools/call` result, or its structured content when it has no text. */
function resultText(result: Record<string, unknown>): string {
  const parts = Array.isArray(result.content) ? (result.content as { type: string; text?: string }[]) : [];
  const text = parts
    .filter((part) => part.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("\n");
  const body = text || JSON.stringify(result.structuredContent ?? parts);
  return (result.isError ? JSON.stringify({ error: body }) : body).slice(0, MAX_RESULT_CHARS);
}

export function mcpTools(tool: AgentTool, session: McpSession): PipelineTool[] {
  if (!tool.name || !tool.url) throw new Error("an mcp tool needs a name and a url");
  const server = tool.name;
  const timeoutMs = tool.timeout_ms ?? DEFAULT_TIMEOUT_MS;
  return (tool.mcp_tools ?? []).map((listed) => ({
    definition: {
      name: mcpFunctionName(server, listed.name),
      description: listed.description,
      parameters: listed.input_schema,
    },
    async execute(args, context) {
      const startedAt = performance.now();
      const waiting =
        tool.waiting_message && context.sayWhileWaiting
          ? setTimeout(
              () => context.sayWhileWaiting?.(tool.waiting_message!),
              tool.waiting_delay_ms ?? DEFAULT_WAITING_DELAY_MS,
            )
          : null;
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        const client = await session.open(timeoutMs);
        const result = await client.callTool({ name: listed.name, arguments: args }, undefined, {
          signal: AbortSignal.any([context.signal, timeout]),
          timeout: timeoutMs,
        });
        context.logger?.info(
          { tool: server, mcp_tool: listed.name, durationMs: Math.round(performance.now() - startedAt) },
          "mcp tool called",
        );
        return { content: resultText(result) || JSON.stringify({ ok: true }) };
      } catch (error) {
        if (context.signal.aborted) throw error;
        if (timeout.aborted) {
          context.logger?.warn({ tool: server, mcp_tool: listed.name, timeoutMs }, "mcp tool timed out");
          return jsonResult({ error: `timed out after ${timeoutMs} ms` });
        }
        if (error instanceof UnsafeUrlError) {
          context.logger?.warn(
            { tool: server, reason: error.message },
            "mcp server refused by the outbound guard",
          );
          return jsonResult({ error: `the tool's url is not allowed: ${error.message}` });
        }
        context.logger?.warn({ tool: server, mcp_tool: listed.name, err: error }, "mcp tool failed");
        return jsonResult({ error: `request failed: ${(error as Error).message}` });
      } finally {
        if (waiting) clearTimeout(waiting);
      }
    },
  }));
}
