import type { AgentTool } from "@switchboard/shared/agent";
import type { PipelineTool } from "./types.ts";

/** Hangs up once the goodbye has been heard (the model's own words, or a default line). */
export function endCallTool(tool: AgentTool): PipelineTool {
  return {
    definition: {
      name: tool.name ?? "end_call",
      description:
        tool.description ??
        "End the call. Say goodbye in the same reply; the call hangs up once it has been heard.",
      parameters: {
        type: "object",
        properties: { reason: { type: "string", description: "Why the call is ending." } },
      },
    },
    async execute() {
      return { content: JSON.stringify({ ok: true }), hangupCause: "agent_end_call" };
    },
  };
}
