import type { AgentTool } from "@switchboard/shared/agent";
import { jsonResult, type PipelineTool } from "./types.ts";

const DTMF_DIGITS = /^[0-9*#A-Da-d]{1,32}$/;

/** Presses keys on the far end (RFC 4733 events), for navigating phone menus. */
export function sendDtmfTool(tool: AgentTool): PipelineTool {
  return {
    definition: {
      name: tool.name ?? "send_dtmf",
      description: tool.description ?? "Press keys on the phone keypad (digits 0-9, * and #).",
      parameters: {
        type: "object",
        properties: { digits: { type: "string", description: "Keys to press in order, e.g. 1 or 123#." } },
        required: ["digits"],
      },
    },
    async execute(args, context) {
      const digits = typeof args.digits === "string" ? args.digits : String(args.digits ?? "");
      if (!DTMF_DIGITS.test(digits)) return jsonResult({ ok: false, error: "digits must be 0-9, *, #, A-D" });
      await context.waitForSpeech();
      await context.sendDtmf(digits.toUpperCase());
      return jsonResult({ ok: true, sent: digits });
    },
  };
}
