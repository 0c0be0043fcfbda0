import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";
import { ApiError, forbidden, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { and, count, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, apiKeys } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import { randomBase62, sha256Hex } from "../../http/crypto.ts";
import type { PageRequest } from "../../http/pagination.ts";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

const SECRET_RANDOM_CHARS = 40; // 40 base62 chars = 238 bits
const VISIBLE_PREFIX_CHARS = 12;

function generateSecret(): string {
  return `sk_live_${randomBase62(SECRET_RANDOM_CHARS)}`;
}

export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

const ROLE_RANK: Record<ApiKeyRole, number> = { member: 0, admin: 1, owner: 2 };

export function roleAtLeast(role: ApiKeyRole, needed: ApiKeyRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

export async function insertKey(
  db: Database,
  input: { orgId: string; name: string; role: ApiKeyRole; expiresAt: Date | null; secret?: string },
): Promise<{ row: ApiKeyRow; secret: string }> {
  const secret = input.secret ?? generateSecret();
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      orgId: input.orgId,
      name: input.name,
      role: input.role,
      prefix: secret.slice(0, VISIBLE_PREFIX_CHARS),
      secretHash: hashSecret(secret),
      expiresAt: input.expiresAt,
    })
    .returning();
  return { row: row!, secret };
}

export async function createKey(
  db: Database,
  actor: { orgId: string; role: ApiKeyRole },
  input: { name: string; role: ApiKeyRole; expiresAt: Date | null },
): Promise<{ row: ApiKeyRow; secret: string }> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only owner and admin keys can manage API keys.");
  if (!roleAtLeast(actor.role, input.role))
    throw forbidden(`A ${actor.role} key cannot create an ${input.role} key.`);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new ApiError(422, "validation_failed", "expires_at must be in the future.", [
      { field: "expires_at", message: "must be in the future" },
    ]);
  }
  return insertKey(db, { orgId: actor.orgId, ...input });
}

export async function listKeys(db: Database, orgId: string, page: PageRequest): Promise<ApiKeyRow[]> {
  return selectPage(db.select().from(apiKeys).$dynamic(), apiKeys.id, eq(apiKeys.orgId, orgId), page);
}

export async function countKeys(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(apiKeys);
  return row?.value ?? 0;
}

/**
 * Revokes a key and tells every instance to drop it from its auth cache. Resolves once this
 * instance's own subscriber has seen the invalidation, which Redis delivers to all
 * subscribers in the same pass, so the key fails on the very next request anywhere.
 */
export async function revokeKey(
  db: Database,
  bus: Bus,
  actor: { orgId: string; role: ApiKeyRole; keyId: string },
  keyId: string,
  awaitEcho: (nonce: string) => Promise<void>,
): Promise<void> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only owner and admin keys can manage API keys.");
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, actor.orgId), eq(apiKeys.id, keyId)));
  if (!row) throw notFound("API key");
  if (!roleAtLeast(actor.role, row.role))
    throw forbidden(`A ${actor.role} key cannot revoke an ${row.role} key.`);
  if (!row.revokedAt) {
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
  }
  const nonce = crypto.randomUUID();
  const echo = awaitEcho(nonce);
  await bus.publish(Channels.apiKeyInvalidated, JSON.stringify({ key_id: keyId, nonce }));
  await echo;
}
