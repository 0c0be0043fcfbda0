import type { AgentTool } from "@switchboard/shared/agent";
import { jsonResult, type PipelineTool } from "./types.ts";

/**
 * Blind transfer (SIP REFER) once the agent's words before it have been heard. The target is
 * fixed on the tool (`target`) or chosen by the model when the tool leaves it open.
 */
export function transferCallTool(tool: AgentTool): PipelineTool {
  const fixedTarget = typeof tool.target === "string" ? tool.target : null;
  return {
    definition: {
      name: tool.name ?? "transfer_call",
      description: tool.description ?? "Transfer the caller to a person or another number.",
      parameters: fixedTarget
        ? { type: "object", properties: {} }
        : {
            type: "object",
            properties: { target: { type: "string", description: "Phone number (E.164) or SIP URI." } },
            required: ["target"],
          },
    },
    async execute(args, context) {
      const target = fixedTarget ?? (typeof args.target === "string" ? args.target.trim() : "");
      if (!target) return jsonResult({ ok: false, error: "target is required" });
      await context.waitForSpeech();
      const outcome = await context.control.transfer(target, { sipHeaders: tool.sip_headers });
      return jsonResult(outcome);
    },
  };
}
