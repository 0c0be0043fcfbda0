import type { AgentTool } from "@switchboard/shared/agent";
import { jsonResult, type PipelineTool } from "./types.ts";

/** The most characters one tool call may text (ten GSM-7 segments). */
const MAX_BODY_CHARS = 1600;

/**
 * Texts the other side of the call (or a number the model names) from the call's number.
 * Control sends and bills it; the model hears whether it went out or why not.
 */
export function sendSmsTool(tool: AgentTool): PipelineTool {
  return {
    definition: {
      name: tool.name ?? "send_sms",
      description:
        tool.description ??
        "Send a text message (SMS) to the caller during the call, e.g. an address or a confirmation. Tell them you are texting it.",
      parameters: {
        type: "object",
        properties: {
          body: { type: "string", description: "The text to send; short, plain text." },
          to: {
            type: "string",
            description: "E.164 number to text instead of the caller; leave out to text the caller.",
          },
        },
        required: ["body"],
      },
    },
    async execute(args, context) {
      if (!context.reporter?.sendSms)
        return jsonResult({ ok: false, error: "this call has no phone number to text from" });
      const body = typeof args.body === "string" ? args.body.trim() : "";
      if (!body) return jsonResult({ ok: false, error: "body is required" });
      if (body.length > MAX_BODY_CHARS)
        return jsonResult({ ok: false, error: `body is longer than ${MAX_BODY_CHARS} characters` });
      const to = typeof args.to === "string" && args.to.trim() ? args.to.trim() : null;
      const outcome = await context.reporter.sendSms({ to, body }, context.signal);
      if (outcome === null) return jsonResult({ ok: true, status: "queued" });
      if (outcome.status === "failed") return jsonResult({ ok: false, error: outcome.error_code });
      return jsonResult({ ok: true, status: outcome.status });
    },
  };
}
