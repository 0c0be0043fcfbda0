// Which endpoint and key each provider block of an agent uses. The operator's keys (the
// environment's) go only to the operator's configured base URLs. A tenant's own credential
// brings its key and, for OpenAI-compatible providers, possibly its own endpoint: that one is
// tenant-supplied, so every request to it goes through the outbound URL guard.
import type { PublishedCredential } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { ProviderError } from "../providers/types.ts";

interface OperatorEndpoint {
  baseUrl: string;
  apiKey: string | null;
}

export interface ProviderConnection {
  baseUrl: string;
  apiKey: string | null;
  /** The base URL came from the tenant (agent or credential), not from the operator. */
  tenantUrl: boolean;
}

type SecretBoxConfig = Pick<Config, "secretKey" | "dataDir">;

/** A credential's key in clear; a key control encrypted with another SECRET_KEY is a final error. */
function credentialKey(
  provider: string,
  credential: PublishedCredential,
  secrets: SecretBoxConfig,
): string | null {
  if (!credential.api_key_ciphertext) return null;
  try {
    return decryptSecret(secrets, credential.api_key_ciphertext);
  } catch {
    throw new ProviderError(
      provider,
      `credential ${credential.id} cannot be decrypted: this gateway's SECRET_KEY differs from control's`,
      false,
    );
  }
}

export function connectionFor(
  provider: string,
  operator: OperatorEndpoint,
  credential: PublishedCredential | undefined,
  secrets: SecretBoxConfig,
  agentBaseUrl: string | null = null,
): ProviderConnection {
  if (!credential) {
    if (agentBaseUrl) {
      throw new ProviderError(
        provider,
        "the agent's base_url has no credential_id: the platform's key is never sent to an agent-chosen URL",
        false,
      );
    }
    return { ...operator, tenantUrl: false };
  }
  const apiKey = credentialKey(provider, credential, secrets);
  const tenantBaseUrl = agentBaseUrl || credential.base_url;
  if (tenantBaseUrl) return { baseUrl: tenantBaseUrl, apiKey, tenantUrl: true };
  return { baseUrl: operator.baseUrl, apiKey, tenantUrl: false };
}
