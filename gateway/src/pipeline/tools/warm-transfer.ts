import type { AgentTool } from "@switchboard/shared/agent";
import { jsonResult, type PipelineTool } from "./types.ts";

/**
 * Warm transfer once the agent's words before it were heard: the caller holds while the
 * destination (fixed on the tool as `target`, or the model's choice) is dialled and briefed.
 * Accepted: the call is handed over and the model is not called again. Otherwise the result
 * tells the model what happened, so it can say so to the caller.
 */
export function warmTransferTool(tool: AgentTool): PipelineTool {
  const fixedTarget = typeof tool.target === "string" ? tool.target : null;
  const briefingProperty = {
    briefing_prompt: {
      type: "string",
      description: "What the person taking over should be told first, besides a summary of the call.",
    },
  };
  return {
    definition: {
      name: tool.name ?? "warm_transfer",
      description:
        tool.description ??
        "Connect the caller to a person: they are put on hold, the person is briefed and accepts or declines. Tell the caller you are connecting them first.",
      parameters: fixedTarget
        ? { type: "object", properties: briefingProperty }
        : {
            type: "object",
            properties: {
              destination: { type: "string", description: "Phone number (E.164) or SIP URI." },
              ...briefingProperty,
            },
            required: ["destination"],
          },
    },
    async execute(args, context) {
      const destination =
        fixedTarget ?? (typeof args.destination === "string" ? args.destination.trim() : "");
      if (!destination) return jsonResult({ ok: false, error: "destination is required" });
      if (!context.warmTransfer)
        return jsonResult({ ok: false, error: "warm transfer is not available on this call" });
      await context.waitForSpeech();
      const briefingPrompt =
        typeof args.briefing_prompt === "string" && args.briefing_prompt.trim()
          ? args.briefing_prompt.trim().slice(0, 2000)
          : null;
      const result = await context.warmTransfer({ destination, briefingPrompt, tool }, context.signal);
      const accepted = result.outcome === "accepted";
      return {
        content: JSON.stringify({ ok: accepted, outcome: result.outcome, reason: result.reason }),
        handedOver: accepted,
      };
    },
  };
}
