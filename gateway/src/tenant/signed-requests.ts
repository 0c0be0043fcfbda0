// Requests to an org's own servers (custom LLM, HTTP tools) are signed as Standard Webhooks
// (`webhook-id`, `webhook-timestamp`, `webhook-signature` v1 HMAC-SHA256 over
// "{id}.{timestamp}.{body}") with the org's signing secrets, and name the call and agent, so
// the customer's server can tell them from anyone else's and tie them to a call.
import { randomUUID } from "node:crypto";
import { signatureHeader } from "@switchboard/shared/secrets/webhook-signature";

export interface RequestSigner {
  /** Headers for one request whose body is `body` ("" when there is none). */
  headers(body: string): Record<string, string>;
}

export function requestSigner(
  context: { callId: string; agentId: string; secrets: string[] },
  nowMs: () => number = Date.now,
): RequestSigner {
  return {
    headers(body) {
      const headers: Record<string, string> = {
        "x-switchboard-call-id": context.callId,
        "x-switchboard-agent-id": context.agentId,
      };
      if (context.secrets.length === 0) return headers;
      const messageId = `msg_${randomUUID().replaceAll("-", "")}`;
      const timestampS = Math.floor(nowMs() / 1000);
      headers["webhook-id"] = messageId;
      headers["webhook-timestamp"] = String(timestampS);
      headers["webhook-signature"] = signatureHeader(context.secrets, messageId, timestampS, body);
      return headers;
    },
  };
}
