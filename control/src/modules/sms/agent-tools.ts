// A texting agent's HTTP tools: its inline `http` tools and the catalogue tools it references
// (`tool_ids`), called as a voice call calls them (gateway/src/pipeline/tools/http-tool.ts):
// through the outbound URL guard, signed as Standard Webhooks with the org's signing secrets,
// naming the agent and the message (`x-switchboard-sms-id`) instead of a call.
import { randomUUID } from "node:crypto";
import type { Agent, AgentTool } from "@switchboard/shared/agent";
import { guardedFetch, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { signatureHeader } from "@switchboard/shared/secrets/webhook-signature";
import type { ControlContext } from "../../context.ts";
import { signingSecretCiphertexts } from "../orgs/signing-secret.ts";
import { agentToolOf, existingToolsByIds } from "../tools/service.ts";
import type { ToolDefinition } from "./llm-text.ts";

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESULT_CHARS = 8_000;

type Deps = Pick<ControlContext, "db" | "config" | "log">;

export interface SmsTools {
  definitions: ToolDefinition[];
  /** Failures become error results for the model, never exceptions. */
  execute(name: string, argumentsJson: string): Promise<string>;
}

function signedHeaders(secrets: string[], context: Record<string, string>, body: string) {
  if (secrets.length === 0) return context;
  const messageId = `msg_${randomUUID().replaceAll("-", "")}`;
  const timestampS = Math.floor(Date.now() / 1000);
  return {
    ...context,
    "webhook-id": messageId,
    "webhook-timestamp": String(timestampS),
    "webhook-signature": signatureHeader(secrets, messageId, timestampS, body),
  };
}

export async function smsToolsFor(
  deps: Deps,
  orgId: string,
  agent: Pick<Agent, "id" | "tools" | "tool_ids">,
  smsId: string,
): Promise<SmsTools> {
  const catalogue = await existingToolsByIds(deps.db, orgId, agent.tool_ids ?? []);
  const tools = [...agent.tools, ...catalogue.map(agentToolOf)].filter(
    (tool): tool is AgentTool & { name: string; url: string } =>
      tool.type === "http" && typeof tool.name === "string" && typeof tool.url === "string",
  );
  if (tools.length === 0) return { definitions: [], execute: async () => "{}" };
  const secrets: string[] = [];
  for (const ciphertext of await signingSecretCiphertexts(deps.db, deps.config, orgId)) {
    try {
      secrets.push(decryptSecret(deps.config, ciphertext));
    } catch {
      deps.log.error({ org_id: orgId }, "org signing secret cannot be decrypted");
    }
  }
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const context = { "x-switchboard-agent-id": agent.id, "x-switchboard-sms-id": smsId };
  return {
    definitions: tools.map((tool) => ({
      name: tool.name,
      description: tool.description ?? "",
      parameters: tool.parameters ?? { type: "object", properties: {} },
    })),
    async execute(name, argumentsJson) {
      const tool = byName.get(name);
      if (!tool) return JSON.stringify({ error: `unknown tool ${name}` });
      let args: Record<string, unknown>;
      try {
        const parsed = argumentsJson.trim() ? JSON.parse(argumentsJson) : {};
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error();
        args = parsed;
      } catch {
        return JSON.stringify({ error: "arguments must be a JSON object" });
      }
      const method = (tool.method ?? "POST").toUpperCase();
      const withBody = method !== "GET" && method !== "DELETE";
      const target = new URL(tool.url);
      if (!withBody) {
        for (const [key, value] of Object.entries(args))
          target.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
      }
      const body = withBody ? JSON.stringify(args) : "";
      const timeoutMs = tool.timeout_ms ?? DEFAULT_TIMEOUT_MS;
      try {
        const response = await guardedFetch(
          target,
          {
            method,
            headers: {
              ...(withBody ? { "content-type": "application/json" } : {}),
              ...tool.headers,
              ...signedHeaders(secrets, context, body),
            },
            body: withBody ? body : undefined,
            signal: AbortSignal.timeout(timeoutMs),
            redirect: "manual",
          },
          { allowPrivate: deps.config.allowPrivateUrls },
        );
        const text = (await response.text()).slice(0, MAX_RESULT_CHARS);
        if (!response.ok) return JSON.stringify({ error: `HTTP ${response.status}`, body: text });
        return text || JSON.stringify({ ok: true });
      } catch (error) {
        if (error instanceof UnsafeUrlError)
          return JSON.stringify({ error: `the tool's url is not allowed: ${error.message}` });
        return JSON.stringify({ error: `request failed: ${(error as Error).message}` });
      }
    },
  };
}
