import type { CredentialBlock, PublishedCredential } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { ApiError, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { checkOutboundUrl, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import { encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, type ProviderCredentialKind, providerCredentials } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { secretHeaderUsers } from "../tools/secret-headers.ts";
import type { CreateCredentialInput, CredentialResponse } from "./model.ts";

type CredentialRow = typeof providerCredentials.$inferSelect;
type CredentialConfig = Pick<Config, "secretKey" | "dataDir" | "allowPrivateUrls"> & {
  carriers?: Pick<Config["carriers"], "orgCarrierCredentials">;
};

/** Carrier accounts an org may bring when the operator allows it (ORG_CARRIER_CREDENTIALS). */
const CARRIER_KINDS: readonly ProviderCredentialKind[] = ["twilio", "telnyx"];

/** Kinds that speak the OpenAI REST API and so may name their own base URL. */
const BASE_URL_KINDS: readonly ProviderCredentialKind[] = ["openai", "openai_compatible", "twilio", "telnyx"];

/** Which credential kinds each agent provider can use. */
const CREDENTIAL_KINDS_FOR: Record<string, readonly ProviderCredentialKind[]> = {
  "llm:openai": ["openai", "openai_compatible"],
  "stt:openai": ["openai", "openai_compatible"],
  "stt:deepgram": ["deepgram"],
  "voice:openai": ["openai", "openai_compatible"],
  "voice:elevenlabs": ["elevenlabs"],
  "realtime:openai": ["openai"],
  "realtime:gemini": ["gemini"],
};

function invalid(field: string, detail: string, code = "validation_failed"): ApiError {
  return new ApiError(422, code, detail, [{ field, message: detail }]);
}

/** A tenant-supplied URL checked by the outbound URL guard; a refusal is a 422 naming the field. */
export async function checkTenantUrl(
  config: Pick<Config, "allowPrivateUrls">,
  field: string,
  raw: string,
): Promise<string> {
  try {
    return (await checkOutboundUrl(raw, { allowPrivate: config.allowPrivateUrls })).toString();
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    throw invalid(field, `${field} ${error.message}`, "invalid_url");
  }
}

/** At most a quarter of the key, and no more than 8 characters: enough to tell keys apart. */
function keyPrefix(apiKey: string): string | null {
  if (!apiKey) return null;
  return apiKey.slice(0, Math.min(8, Math.floor(apiKey.length / 4)));
}

export function presentCredential(row: CredentialRow): CredentialResponse {
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    base_url: row.baseUrl,
    api_key_prefix: row.apiKeyPrefix,
    created_at: row.createdAt.toISOString(),
  };
}

export async function createCredential(
  db: Database,
  config: CredentialConfig,
  orgId: string,
  input: CreateCredentialInput,
): Promise<CredentialRow> {
  const baseUrlInput = input.base_url?.trim() || null;
  if (baseUrlInput && !BASE_URL_KINDS.includes(input.provider)) {
    throw invalid(
      "base_url",
      `A ${input.provider} credential takes no base_url: it is used with the platform's ${input.provider} endpoint.`,
    );
  }
  if (!baseUrlInput && input.provider === "openai_compatible") {
    throw invalid("base_url", "An openai_compatible credential needs the endpoint's base_url.");
  }
  const baseUrl = baseUrlInput ? await checkTenantUrl(config, "base_url", baseUrlInput) : null;
  const apiKey = input.api_key.trim();
  if (CARRIER_KINDS.includes(input.provider) && !config.carriers?.orgCarrierCredentials) {
    throw invalid(
      "provider",
      "This platform does not take your own carrier account (ORG_CARRIER_CREDENTIALS).",
    );
  }
  if (input.provider === "twilio" && !/^AC[0-9a-zA-Z]{8,}:\S+$/.test(apiKey)) {
    throw invalid("api_key", "A twilio credential is ACCOUNT_SID:AUTH_TOKEN (the SID starts with AC).");
  }
  const [row] = await db
    .insert(providerCredentials)
    .values({
      id: newId("cred"),
      orgId,
      provider: input.provider,
      name: input.name ?? input.provider,
      baseUrl: baseUrl?.replace(/\/+$/, "") ?? null,
      apiKeyCiphertext: apiKey ? encryptSecret(config, apiKey) : null,
      apiKeyPrefix: keyPrefix(apiKey),
    })
    .returning();
  return row!;
}

export async function listCredentials(
  db: Database,
  orgId: string,
  page: PageRequest,
): Promise<CredentialRow[]> {
  return selectPage(
    db.select().from(providerCredentials).$dynamic(),
    providerCredentials.id,
    eq(providerCredentials.orgId, orgId),
    page,
  );
}

async function getCredentialRow(db: Database, orgId: string, id: string): Promise<CredentialRow> {
  const [row] = await db
    .select()
    .from(providerCredentials)
    .where(and(eq(providerCredentials.orgId, orgId), eq(providerCredentials.id, id)));
  if (!row) throw notFound("Provider credential");
  return row;
}

/** Refused with 409 while an agent names the credential: its calls would lose their key. */
export async function deleteCredential(db: Database, orgId: string, id: string): Promise<void> {
  await getCredentialRow(db, orgId, id);
  const users = await db
    .select({ id: agents.id })
    .from(agents)
    .where(
      and(
        eq(agents.orgId, orgId),
        or(
          sql`${agents.llm}->>'credential_id' = ${id}`,
          sql`${agents.stt}->>'credential_id' = ${id}`,
          sql`${agents.voice}->>'credential_id' = ${id}`,
          sql`${agents.realtime}->>'credential_id' = ${id}`,
          sql`${agents.llm}->'fallbacks' @> ${JSON.stringify([{ credential_id: id }])}::jsonb`,
          sql`${agents.stt}->'fallbacks' @> ${JSON.stringify([{ credential_id: id }])}::jsonb`,
        ),
      ),
    );
  if (users.length > 0) {
    throw new ApiError(
      409,
      "credential_in_use",
      `The credential is used by ${users.length === 1 ? "agent" : "agents"} ${users.map((user) => user.id).join(", ")}; point them elsewhere first.`,
    );
  }
  const headerUsers = await secretHeaderUsers(db, orgId, id);
  if (headerUsers.length > 0) {
    throw new ApiError(
      409,
      "credential_in_use",
      `The credential fills secret_headers of ${headerUsers.join(", ")}; change them first.`,
    );
  }
  await db
    .delete(providerCredentials)
    .where(and(eq(providerCredentials.orgId, orgId), eq(providerCredentials.id, id)));
}

/** The org's credentials with these ids. */
export async function credentialsById(
  db: Database,
  orgId: string,
  ids: string[],
): Promise<Map<string, CredentialRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(providerCredentials)
    .where(and(eq(providerCredentials.orgId, orgId), inArray(providerCredentials.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** What a gateway receives: the key stays encrypted until the call uses it. */
export function publishedCredential(row: CredentialRow): PublishedCredential {
  return {
    id: row.id,
    provider: row.provider,
    base_url: row.baseUrl,
    api_key_ciphertext: row.apiKeyCiphertext,
  };
}

/** Checks that a provider block's credential exists in the org and fits its provider. */
export function checkCredentialFits(
  block: CredentialBlock,
  provider: string,
  credential: CredentialRow | undefined,
  credentialId: string,
  /** Where the block sits, for the error: the block, or one of its fallbacks (`llm.fallbacks.0`). */
  path: string = block,
): void {
  const field = `${path}.credential_id`;
  if (!credential)
    throw invalid(field, `${field}: no provider credential ${credentialId} in this organization.`);
  const kinds = CREDENTIAL_KINDS_FOR[`${block}:${provider}`];
  if (!kinds) throw invalid(field, `${field}: the ${block} provider ${provider} takes no credential.`);
  if (!kinds.includes(credential.provider)) {
    throw invalid(
      field,
      `${field}: a ${credential.provider} credential does not fit the ${block} provider ${provider} (use ${kinds.join(" or ")}).`,
    );
  }
}
