import type { AgentTool } from "@switchboard/shared/agent";
import { jsonResult, type PipelineTool } from "./types.ts";

/** The other side asks not to be called again: control puts their number on the org's do-not-call list. */
export function doNotCallTool(tool: AgentTool): PipelineTool {
  return {
    definition: {
      name: tool.name ?? "add_to_do_not_call",
      description:
        tool.description ??
        "Call when the person asks not to be called again. Their number goes on the do-not-call list; then say goodbye.",
      parameters: {
        type: "object",
        properties: { reason: { type: "string", description: "What they said, in a few words." } },
      },
    },
    async execute(args, context) {
      if (!context.reporter?.doNotCall)
        return jsonResult({ ok: false, error: "this call has no phone number to list" });
      const reason = typeof args.reason === "string" ? args.reason.slice(0, 500) : null;
      context.reporter.doNotCall(reason);
      return jsonResult({ ok: true });
    },
  };
}
