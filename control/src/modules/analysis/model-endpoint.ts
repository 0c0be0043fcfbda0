// Which model answers a call's analysis, where, with which key: the operator's ANALYSIS_MODEL
// when configured; otherwise the agent's own LLM (its credential's key and base URL, or the
// operator's OpenAI endpoint and key). A tenant's URL is only reached through the outbound
// guard, and the operator's key never goes to it.
import type { Config } from "@switchboard/shared/config";
import { guardedFetch } from "@switchboard/shared/net/outbound-url";
import type { LlmSettings } from "@switchboard/shared/schemas/agent";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import type { Database } from "../../db/client.ts";
import { credentialsById } from "../provider-credentials/service.ts";

export type AnalysisConfig = Pick<
  Config,
  | "analysisModel"
  | "analysisBaseUrl"
  | "openaiBaseUrl"
  | "openaiApiKey"
  | "allowPrivateUrls"
  | "secretKey"
  | "dataDir"
>;

export interface ModelEndpoint {
  model: string;
  baseUrl: string;
  apiKey: string | null;
  /** Set for a tenant's URL: every request through the outbound guard. */
  fetch?: typeof fetch;
}

/** A failure no retry can mend (no usable model): recorded at once. */
export class AnalysisConfigError extends Error {}

export async function analysisEndpoint(
  db: Database,
  config: AnalysisConfig,
  orgId: string,
  llm: LlmSettings | null,
): Promise<ModelEndpoint> {
  if (config.analysisModel) {
    return {
      model: config.analysisModel,
      baseUrl: config.analysisBaseUrl ?? config.openaiBaseUrl,
      apiKey: config.openaiApiKey,
    };
  }
  if (!llm) throw new AnalysisConfigError("the agent is gone and no ANALYSIS_MODEL is configured");
  if (llm.provider !== "openai")
    throw new AnalysisConfigError(
      `the ${llm.provider} LLM provider cannot analyse calls; set ANALYSIS_MODEL`,
    );
  const operator = { model: llm.model, baseUrl: config.openaiBaseUrl, apiKey: config.openaiApiKey };
  if (!llm.credential_id) {
    if (llm.base_url) throw new AnalysisConfigError("the agent's llm.base_url has no credential_id");
    return operator;
  }
  const credential = (await credentialsById(db, orgId, [llm.credential_id])).get(llm.credential_id);
  if (!credential) throw new AnalysisConfigError(`the agent's credential ${llm.credential_id} is gone`);
  const apiKey = credential.apiKeyCiphertext ? decryptSecret(config, credential.apiKeyCiphertext) : null;
  const tenantUrl = llm.base_url || credential.baseUrl;
  if (!tenantUrl) return { ...operator, apiKey };
  const policy = { allowPrivate: config.allowPrivateUrls };
  return {
    model: llm.model,
    baseUrl: tenantUrl,
    apiKey,
    fetch: ((url: string | URL | Request, init?: RequestInit) =>
      guardedFetch(url instanceof Request ? url.url : url, init, policy)) as typeof fetch,
  };
}
