// What an agent may be set to, beyond its schema: provider credentials of its own org that fit
// the provider, tenant URLs that pass the outbound URL guard, and no operator key sent to a URL
// the tenant chose. Members may not change providers or tools.
import { type Agent, credentialSlots, type LlmFallback } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { ApiError, forbidden } from "@switchboard/shared/errors";
import type { Database } from "../../db/client.ts";
import type { ApiKeyRole } from "../../db/schema.ts";
import { checkCredentialFits, checkTenantUrl, credentialsById } from "../provider-credentials/service.ts";
import { checkSecretHeaders } from "../tools/secret-headers.ts";
import { credentialIdsOf } from "./snapshot.ts";

/** Fields only owner and admin keys may set: they decide where call data and keys go. */
const PRIVILEGED_FIELDS = ["llm", "stt", "voice", "tools", "tool_ids", "realtime"] as const;

export function checkMemberMayWrite(role: ApiKeyRole, input: Record<string, unknown>): void {
  if (role !== "member") return;
  const touched = PRIVILEGED_FIELDS.filter((field) => input[field] !== undefined);
  if (touched.length > 0) {
    throw forbidden(
      `Only owner and admin keys may set an agent's ${touched.join(", ")}: providers, credentials and tools decide where call data goes.`,
    );
  }
}

function invalid(field: string, detail: string): ApiError {
  return new ApiError(422, "validation_failed", detail, [{ field, message: detail }]);
}

/** Tenant URLs of the agent that differ from `previous` (unchanged ones were checked when set). */
function changedUrls(agent: Agent, previous: Agent | null): Array<[string, string]> {
  const urls: Array<[string, string]> = [];
  const add = (field: string, url: string | null | undefined, before: string | null | undefined) => {
    if (url && url !== before) urls.push([field, url]);
  };
  add("llm.base_url", agent.llm.base_url, previous?.llm.base_url);
  add("llm.webhook_url", agent.llm.webhook_url, previous?.llm.webhook_url);
  (agent.llm.fallbacks ?? []).forEach((fallback, index) => {
    const before = previous?.llm.fallbacks?.[index];
    add(`llm.fallbacks.${index}.base_url`, fallback.base_url, before?.base_url);
    add(`llm.fallbacks.${index}.webhook_url`, fallback.webhook_url, before?.webhook_url);
  });
  const previousToolUrls = new Set((previous?.tools ?? []).map((tool) => tool.url));
  agent.tools.forEach((tool, index) => {
    if (tool.type === "http" && tool.url && !previousToolUrls.has(tool.url))
      urls.push([`tools.${index}.url`, tool.url]);
  });
  return urls;
}

/** The checks of one LLM block (the primary, `llm`, or a fallback, `llm.fallbacks.0`). */
function checkLlmBlock(path: string, llm: LlmFallback): void {
  if (llm.provider === "custom" && !llm.webhook_url) {
    throw invalid(`${path}.webhook_url`, "A custom LLM needs a webhook_url.");
  }
  if (llm.provider === "openai" && llm.base_url && !llm.credential_id) {
    throw invalid(
      `${path}.base_url`,
      `An ${path}.base_url needs an ${path}.credential_id of this organization: the platform's own key is never sent to a URL an agent chooses. Store your endpoint's key with POST /api/v1/provider-credentials (api_key may be empty).`,
    );
  }
}

/** Turn detection OpenAI has and Gemini Live does not. */
function checkRealtimeBlock(realtime: Agent["realtime"]): void {
  if (realtime?.provider === "gemini" && realtime.turn_detection === "semantic_vad") {
    throw invalid(
      "realtime.turn_detection",
      "semantic_vad is OpenAI's: Gemini Live takes server_vad or gateway.",
    );
  }
}

export async function checkAgentSettings(
  db: Database,
  config: Pick<Config, "allowPrivateUrls">,
  orgId: string,
  agent: Agent,
  previous: Agent | null,
): Promise<void> {
  checkLlmBlock("llm", agent.llm);
  checkRealtimeBlock(agent.realtime);
  // Its tools are listed by control when it is created: an inline entry would have none.
  const inlineMcp = agent.tools.findIndex((tool) => tool.type === "mcp");
  if (inlineMcp >= 0)
    throw invalid(
      `tools.${inlineMcp}.type`,
      "An MCP server is a catalogue tool: create it with POST /api/v1/tools and reference it in tool_ids.",
    );
  for (const [index, fallback] of (agent.llm.fallbacks ?? []).entries()) {
    checkLlmBlock(`llm.fallbacks.${index}`, fallback);
  }
  const credentials = await credentialsById(db, orgId, credentialIdsOf(agent));
  for (const slot of credentialSlots(agent)) {
    if (slot.credentialId)
      checkCredentialFits(
        slot.block,
        slot.provider,
        credentials.get(slot.credentialId),
        slot.credentialId,
        slot.key,
      );
  }
  for (const [index, tool] of agent.tools.entries())
    await checkSecretHeaders(db, orgId, tool.secret_headers, `tools.${index}.secret_headers`);
  for (const [field, url] of changedUrls(agent, previous)) await checkTenantUrl(config, field, url);
}
