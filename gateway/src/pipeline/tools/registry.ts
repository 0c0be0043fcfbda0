import type { AgentTool } from "@switchboard/shared/agent";
import type { ToolCall, ToolDefinition } from "../../providers/types.ts";
import { doNotCallTool } from "./do-not-call.ts";
import { endCallTool } from "./end-call.ts";
import { httpTool, type ToolRequestOptions } from "./http-tool.ts";
import { McpSession, mcpTools } from "./mcp-tools.ts";
import { withSecretHeaders } from "./secret-headers.ts";
import { sendDtmfTool } from "./send-dtmf.ts";
import { sendSmsTool } from "./send-sms.ts";
import { transferCallTool } from "./transfer-call.ts";
import { jsonResult, type PipelineTool, type ToolContext, type ToolResult } from "./types.ts";
import { warmTransferTool } from "./warm-transfer.ts";

/** The agent's tools as the model sees them, and their execution by name. */
export class ToolRegistry {
  private readonly tools = new Map<string, PipelineTool>();
  /** One MCP client per server per call. */
  private readonly mcpSessions: McpSession[] = [];

  constructor(agentTools: AgentTool[], requests: ToolRequestOptions) {
    for (const configured of agentTools) {
      const filled = withSecretHeaders(configured, requests.secrets);
      if (!filled.ok) {
        for (const tool of unavailableTools(configured, filled.reason))
          this.tools.set(tool.definition.name, tool);
        continue;
      }
      const agentTool = filled.tool;
      if (agentTool.type === "mcp") {
        const session = new McpSession(agentTool, requests.urlPolicy);
        this.mcpSessions.push(session);
        for (const tool of mcpTools(agentTool, session)) this.tools.set(tool.definition.name, tool);
        continue;
      }
      const tool = createTool(agentTool, requests);
      this.tools.set(tool.definition.name, tool);
    }
  }

  /** At call end: closes the MCP clients the call opened. */
  async close(): Promise<void> {
    await Promise.all(this.mcpSessions.map((session) => session.close()));
  }

  get definitions(): ToolDefinition[] {
    return [...this.tools.values()].map((tool) => tool.definition);
  }

  /** Bad names and arguments become error results for the model, never exceptions. */
  async execute(call: ToolCall, context: ToolContext): Promise<ToolResult> {
    const tool = this.tools.get(call.name);
    if (!tool) return jsonResult({ error: `unknown tool ${call.name}` });
    let args: unknown;
    try {
      args = call.arguments.trim() ? JSON.parse(call.arguments) : {};
    } catch {
      return jsonResult({ error: "arguments are not valid JSON" });
    }
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
      return jsonResult({ error: "arguments must be a JSON object" });
    }
    return tool.execute(args as Record<string, unknown>, context);
  }
}

/** Tools whose secret headers cannot be filled: the model sees them, a call says why it failed. */
function unavailableTools(tool: AgentTool, reason: string): PipelineTool[] {
  const definitions =
    tool.type === "mcp"
      ? (tool.mcp_tools ?? []).map((listed) => ({
          name: `${tool.name}__${listed.name}`,
          description: listed.description,
          parameters: listed.input_schema,
        }))
      : [
          createTool({ ...tool, secret_headers: undefined }, { urlPolicy: { allowPrivate: false } })
            .definition,
        ];
  return definitions.map((definition) => ({
    definition,
    execute: async () => jsonResult({ error: `the tool cannot be called: ${reason}` }),
  }));
}

function createTool(tool: AgentTool, requests: ToolRequestOptions): PipelineTool {
  // `mcp` entries are several tools, built by the registry itself.
  switch (tool.type) {
    case "end_call":
      return endCallTool(tool);
    case "transfer_call":
      return transferCallTool(tool);
    case "send_dtmf":
      return sendDtmfTool(tool);
    case "http":
      return httpTool(tool, requests);
    case "add_to_do_not_call":
      return doNotCallTool(tool);
    case "send_sms":
      return sendSmsTool(tool);
    case "warm_transfer":
      return warmTransferTool(tool);
    case "mcp":
      throw new Error("an mcp tool is built by the registry");
  }
}
