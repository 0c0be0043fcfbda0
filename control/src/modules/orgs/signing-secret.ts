// Each org has a `whsec_` secret that signs the platform's requests to the org's own servers
// (custom LLM, HTTP tools) as Standard Webhooks. Stored encrypted; gateways receive the
// ciphertexts with the agent snapshots. After a rotation the previous secret keeps signing
// (a second signature) until it expires, so receivers can switch without dropping requests.
import type { Config } from "@switchboard/shared/config";
import { notFound } from "@switchboard/shared/errors";
import { encryptSecret } from "@switchboard/shared/secrets/secret-box";
import { generateWebhookSecret } from "@switchboard/shared/secrets/webhook-signature";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgs } from "../../db/schema.ts";

type SecretConfig = Pick<Config, "secretKey" | "dataDir">;

const SIGNING_SECRET_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
const VISIBLE_PREFIX_CHARS = 12;

interface SigningSecretState {
  prefix: string;
  previous_expires_at: string | null;
}

async function orgRow(db: Database, orgId: string) {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!row) throw notFound("Organization");
  return row;
}

/** The org's signing secrets, current first, as ciphertexts; the first use creates one. */
export async function signingSecretCiphertexts(
  db: Database,
  config: SecretConfig,
  orgId: string,
  nowMs = Date.now(),
): Promise<string[]> {
  let row = await orgRow(db, orgId);
  if (!row.signingSecretCiphertext) {
    const secret = generateWebhookSecret();
    // Only the first writer wins; a concurrent creator's secret is the one everybody reads back.
    await db
      .update(orgs)
      .set({
        signingSecretCiphertext: encryptSecret(config, secret),
        signingSecretPrefix: secret.slice(0, VISIBLE_PREFIX_CHARS),
      })
      .where(and(eq(orgs.id, orgId), isNull(orgs.signingSecretCiphertext)));
    row = await orgRow(db, orgId);
  }
  const ciphertexts = [row.signingSecretCiphertext!];
  const previousLive =
    row.previousSigningSecretCiphertext !== null &&
    row.previousSigningSecretExpiresAt !== null &&
    row.previousSigningSecretExpiresAt.getTime() > nowMs;
  if (previousLive) ciphertexts.push(row.previousSigningSecretCiphertext!);
  return ciphertexts;
}

/** A new secret, returned once; the current one keeps signing for the grace period. */
export async function rotateSigningSecret(
  db: Database,
  config: SecretConfig,
  orgId: string,
  nowMs = Date.now(),
): Promise<{ secret: string } & SigningSecretState> {
  const current = await orgRow(db, orgId);
  const secret = generateWebhookSecret();
  const previousExpiresAt = current.signingSecretCiphertext
    ? new Date(nowMs + SIGNING_SECRET_ROTATION_GRACE_MS)
    : null;
  await db
    .update(orgs)
    .set({
      signingSecretCiphertext: encryptSecret(config, secret),
      signingSecretPrefix: secret.slice(0, VISIBLE_PREFIX_CHARS),
      previousSigningSecretCiphertext: current.signingSecretCiphertext,
      previousSigningSecretExpiresAt: previousExpiresAt,
      updatedAt: new Date(nowMs),
    })
    .where(eq(orgs.id, orgId));
  return {
    secret,
    prefix: secret.slice(0, VISIBLE_PREFIX_CHARS),
    previous_expires_at: previousExpiresAt?.toISOString() ?? null,
  };
}

/** What GET /org shows: never the secret itself. */
export function signingSecretState(row: typeof orgs.$inferSelect): SigningSecretState | null {
  if (!row.signingSecretPrefix) return null;
  return {
    prefix: row.signingSecretPrefix,
    previous_expires_at: row.previousSigningSecretExpiresAt?.toISOString() ?? null,
  };
}
