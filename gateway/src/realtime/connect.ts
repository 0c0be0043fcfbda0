// Opens an agent's realtime session: the provider from its `realtime` block, the key and
// endpoint from the org's credential (credential_id) or the operator's environment. A
// tenant-supplied endpoint is checked by the outbound URL guard before the socket opens.
import { type Agent, type CredentialKey, runtimeOf } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import { checkOutboundUrl, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { ProviderError } from "../providers/types.ts";
import { connectionFor } from "../tenant/connections.ts";
import { connectGeminiLive } from "./gemini-session.ts";
import { connectOpenAiRealtime } from "./openai-session.ts";
import type { RealtimeListener, RealtimeSession, RealtimeSessionConfig } from "./session.ts";
import type { RealtimeSettings } from "./settings.ts";

export type RealtimeConfig = Pick<
  Config,
  | "openaiBaseUrl"
  | "openaiApiKey"
  | "geminiBaseUrl"
  | "geminiApiKey"
  | "secretKey"
  | "dataDir"
  | "allowPrivateUrls"
>;

/** Where the realtime block's credential sits in the snapshot's runtime secrets. */
const REALTIME_CREDENTIAL_KEY: CredentialKey = "realtime";

async function guardTenantUrl(provider: string, baseUrl: string, config: RealtimeConfig): Promise<void> {
  const url = new URL(baseUrl);
  // The guard speaks http(s); the address check is the same for the WebSocket upgrade.
  if (url.protocol === "ws:") url.protocol = "http:";
  if (url.protocol === "wss:") url.protocol = "https:";
  try {
    await checkOutboundUrl(url, { allowPrivate: config.allowPrivateUrls });
  } catch (error) {
    if (error instanceof UnsafeUrlError)
      throw new ProviderError(provider, `base_url refused: ${error.message}`, false);
    throw error;
  }
}

export async function connectRealtime(options: {
  config: RealtimeConfig;
  agent: Agent;
  settings: RealtimeSettings;
  session: RealtimeSessionConfig;
  listener: RealtimeListener;
  logger?: Logger | null;
  signal?: AbortSignal;
}): Promise<RealtimeSession> {
  const { config, settings } = options;
  const operator =
    settings.provider === "gemini"
      ? { baseUrl: config.geminiBaseUrl, apiKey: config.geminiApiKey }
      : { baseUrl: config.openaiBaseUrl, apiKey: config.openaiApiKey };
  const credential = settings.credential_id
    ? runtimeOf(options.agent)?.credentials[REALTIME_CREDENTIAL_KEY]
    : undefined;
  const connection = connectionFor(settings.provider, operator, credential, config);
  if (connection.tenantUrl) await guardTenantUrl(settings.provider, connection.baseUrl, config);
  const common = {
    baseUrl: connection.baseUrl,
    apiKey: connection.apiKey,
    session: options.session,
    listener: options.listener,
    logger: options.logger ?? null,
    signal: options.signal,
  };
  return settings.provider === "gemini" ? connectGeminiLive(common) : connectOpenAiRealtime(common);
}
