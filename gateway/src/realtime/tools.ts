// The agent's tools for a realtime model: the pipeline's own (end_call, transfer_call,
// send_dtmf, HTTP tools) plus knowledge retrieval as a tool the model calls with a query.
import type { Agent } from "@switchboard/shared/agent";
import type { ToolRequestOptions } from "../pipeline/tools/http-tool.ts";
import { ToolRegistry } from "../pipeline/tools/registry.ts";
import type { ToolContext, ToolResult } from "../pipeline/tools/types.ts";
import type { ToolDefinition } from "../providers/types.ts";

export const KNOWLEDGE_TOOL_NAME = "search_knowledge";

const KNOWLEDGE_TOOL: ToolDefinition = {
  name: KNOWLEDGE_TOOL_NAME,
  description:
    "Look up facts in the company's knowledge base before answering a question about its products, policies or details.",
  parameters: {
    type: "object",
    properties: { query: { type: "string", description: "What to look up, in a few words." } },
    required: ["query"],
  },
};

export type RetrieveKnowledge = (query: string, signal: AbortSignal) => Promise<string | null>;

export class RealtimeTools {
  private readonly registry: ToolRegistry;

  constructor(
    agent: Agent,
    requests: ToolRequestOptions,
    private readonly retrieve: RetrieveKnowledge | null,
  ) {
    this.registry = new ToolRegistry(agent.tools, requests);
    if (agent.knowledge.mode === "none") this.retrieve = null;
  }

  /** At call end: closes the MCP clients the call opened. */
  close(): Promise<void> {
    return this.registry.close();
  }

  get definitions(): ToolDefinition[] {
    const definitions = this.registry.definitions;
    return this.retrieve ? [...definitions, KNOWLEDGE_TOOL] : definitions;
  }

  /** Failures become error results for the model, never exceptions. */
  async execute(name: string, args: string, context: ToolContext): Promise<ToolResult> {
    try {
      if (name === KNOWLEDGE_TOOL_NAME && this.retrieve)
        return await this.searchKnowledge(args, context.signal);
      return await this.registry.execute({ id: "", name, arguments: args }, context);
    } catch (error) {
      return { content: JSON.stringify({ error: `tool failed: ${(error as Error).message}` }) };
    }
  }

  private async searchKnowledge(args: string, signal: AbortSignal): Promise<ToolResult> {
    let query = "";
    try {
      query = String((JSON.parse(args) as { query?: unknown }).query ?? "");
    } catch {
      return { content: JSON.stringify({ error: "arguments are not valid JSON" }) };
    }
    const passages = query.trim() ? await this.retrieve!(query, signal) : null;
    return { content: JSON.stringify({ passages: passages ?? "nothing found" }) };
  }
}
