import type { AgentTool } from "@switchboard/shared/agent";
import type { ToolCall, ToolDefinition } from "../../providers/types.ts";
import { doNotCallTool } from "./do-not-call.ts";
import { endCallTool } from "./end-call.ts";
import { httpTool, type ToolRequestOptions } from "./http-tool.ts";
import { sendDtmfTool } from "./send-dtmf.ts";
import { transferCallTool } from "./transfer-call.ts";
import { jsonResult, type PipelineTool, type ToolContext, type ToolResult } from "./types.ts";

/** The agent's tools as the model sees them, and their execution by name. */
export class ToolRegistry {
  private readonly tools = new Map<string, PipelineTool>();

  constructor(agentTools: AgentTool[], requests: ToolRequestOptions) {
    for (const agentTool of agentTools) {
      const tool = createTool(agentTool, requests);
      this.tools.set(tool.definition.name, tool);
    }
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

function createTool(tool: AgentTool, requests: ToolRequestOptions): PipelineTool {
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
  }
}
