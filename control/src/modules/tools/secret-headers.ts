// Tool headers filled from the org's provider credentials (`secret_headers`): control checks
// that each names a credential of the org and publishes the credentials, still encrypted, in
// the agent's snapshot; gateways decrypt them only when a tool is called. The API shows only
// the reference.
import type { AgentTool, PublishedCredential } from "@switchboard/shared/agent";
import { validationFailed } from "@switchboard/shared/errors";
import type { SecretHeaders } from "@switchboard/shared/schemas/agent";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, tools } from "../../db/schema.ts";
import { credentialsById, publishedCredential } from "../provider-credentials/service.ts";

/** RFC 9110 §5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export function secretCredentialIds(tools: readonly Pick<AgentTool, "secret_headers">[]): string[] {
  const ids = tools.flatMap((tool) =>
    Object.values(tool.secret_headers ?? {}).map((header) => header.credential_id),
  );
  return [...new Set(ids)];
}

/** 422 unless every header name is a token and every credential is the org's. */
export async function checkSecretHeaders(
  db: Database,
  orgId: string,
  secretHeaders: SecretHeaders | undefined,
  field: string,
): Promise<void> {
  if (!secretHeaders) return;
  const entries = Object.entries(secretHeaders);
  const found = await credentialsById(
    db,
    orgId,
    entries.map(([, header]) => header.credential_id),
  );
  const errors: Array<{ field: string; message: string }> = [];
  for (const [name, header] of entries) {
    if (!HEADER_NAME.test(name)) errors.push({ field: `${field}.${name}`, message: "Not a header name." });
    else if (!found.has(header.credential_id))
      errors.push({
        field: `${field}.${name}.credential_id`,
        message: `No provider credential ${header.credential_id} in this org.`,
      });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

/** The credentials the tools' secret headers name, for the agent's snapshot (still encrypted). */
export async function toolCredentials(
  db: Database,
  orgId: string,
  tools: readonly AgentTool[],
): Promise<Record<string, PublishedCredential>> {
  const rows = await credentialsById(db, orgId, secretCredentialIds(tools));
  return Object.fromEntries([...rows].map(([id, row]) => [id, publishedCredential(row)]));
}

/** The org's catalogue tools and agents (inline tools) whose `secret_headers` name the credential. */
export async function secretHeaderUsers(
  db: Database,
  orgId: string,
  credentialId: string,
): Promise<string[]> {
  const toolRows = await db
    .select({ id: tools.id })
    .from(tools)
    .where(
      and(
        eq(tools.orgId, orgId),
        sql`exists (select 1 from jsonb_each(coalesce(${tools.config}->'secret_headers', '{}'::jsonb)) as header
          where header.value->>'credential_id' = ${credentialId})`,
      ),
    );
  const agentRows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(
      and(
        eq(agents.orgId, orgId),
        sql`exists (select 1 from jsonb_array_elements(${agents.tools}) as tool,
          jsonb_each(coalesce(tool->'secret_headers', '{}'::jsonb)) as header
          where header.value->>'credential_id' = ${credentialId})`,
      ),
    );
  return [...toolRows, ...agentRows].map((row) => row.id);
}
