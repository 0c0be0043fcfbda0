import { ApiError } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import type { ApiKeyRole } from "@switchboard/shared/schemas/api-key";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type UserLinkKind, userLinks } from "../../db/schema.ts";
import { randomBase62, sha256Hex } from "../../http/crypto.ts";

export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;
const TOKEN_CHARS = 43; // about 256 bits of base62

export type UserLinkRow = typeof userLinks.$inferSelect;

/** The page a link opens: the dashboard reads the token from the fragment, which no server or proxy logs. */
export const linkUrl = (origin: string, token: string): string => `${origin}/#/accept/${token}`;

export async function createLink(
  db: Database,
  input: {
    orgId: string;
    kind: UserLinkKind;
    email?: string | null;
    role?: ApiKeyRole | null;
    userId?: string | null;
    ttlMs: number;
  },
  nowMs = Date.now(),
): Promise<{ row: UserLinkRow; token: string }> {
  const token = `sbl_${randomBase62(TOKEN_CHARS)}`;
  const [row] = await db
    .insert(userLinks)
    .values({
      id: newId("lnk"),
      orgId: input.orgId,
      kind: input.kind,
      tokenHash: sha256Hex(token),
      email: input.email ?? null,
      role: input.role ?? null,
      userId: input.userId ?? null,
      expiresAt: new Date(nowMs + input.ttlMs),
    })
    .returning();
  return { row: row!, token };
}

const invalidLink = () =>
  new ApiError(404, "invalid_link", "This link is unknown, already used or expired. Ask for a new one.");

/** The link if it can still be used; it is consumed by `consumeLink` in the same transaction that uses it. */
export async function findUsableLink(db: Database, token: string, nowMs = Date.now()): Promise<UserLinkRow> {
  const [row] = await db
    .select()
    .from(userLinks)
    .where(
      and(
        eq(userLinks.tokenHash, sha256Hex(token)),
        isNull(userLinks.usedAt),
        gt(userLinks.expiresAt, new Date(nowMs)),
      ),
    );
  if (!row) throw invalidLink();
  return row;
}

/** Marks the link used; a 404 when another request used it first. */
export async function consumeLink(db: Database, linkId: string, nowMs = Date.now()): Promise<void> {
  const used = await db
    .update(userLinks)
    .set({ usedAt: new Date(nowMs) })
    .where(and(eq(userLinks.id, linkId), isNull(userLinks.usedAt)))
    .returning({ id: userLinks.id });
  if (used.length === 0) throw invalidLink();
}
