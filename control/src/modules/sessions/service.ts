import { newId } from "@switchboard/shared/ids";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { sessions, users } from "../../db/schema.ts";
import { randomBase62, sha256Hex } from "../../http/crypto.ts";

export const SESSION_TTL_MS = 7 * 24 * 3600_000;
const TOKEN_CHARS = 43;

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  orgId: string;
  email: string;
  name: string;
  role: typeof users.$inferSelect.role;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export async function createSession(
  db: Database,
  userId: string,
  nowMs = Date.now(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = `sbs_${randomBase62(TOKEN_CHARS)}`;
  const csrfToken = randomBase62(TOKEN_CHARS);
  const expiresAt = new Date(nowMs + SESSION_TTL_MS);
  await db.insert(sessions).values({
    id: newId("ses"),
    userId,
    tokenHash: sha256Hex(token),
    csrfToken,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token with its user's current role, or null. */
export async function findSession(
  db: Database,
  token: string,
  nowMs = Date.now(),
): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      orgId: users.orgId,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256Hex(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date(nowMs)),
      ),
    );
  return row ?? null;
}

export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Every session of a user ends (after a password reset). */
export async function revokeUserSessions(db: Database, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
