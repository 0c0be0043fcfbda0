import type { Bus } from "@switchboard/shared/bus/contract";
import { ApiError, forbidden, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import type { ApiKeyRole } from "@switchboard/shared/schemas/api-key";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgs, users } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { roleAtLeast } from "../api-keys/service.ts";
import { revokeUserSessions } from "../sessions/service.ts";
import { consumeLink, createLink, findUsableLink, INVITE_TTL_MS, RESET_TTL_MS } from "./links.ts";
import { checkPasswordStrength, hashPassword, verifyDecoy, verifyPassword } from "./passwords.ts";

export type UserRow = typeof users.$inferSelect;

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60_000;
/** Sign-in attempts per email address per minute, across instances (the bus counts). */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const badCredentials = () => new ApiError(401, "invalid_credentials", "Wrong email or password.");

function locked(untilMs: number, nowMs: number): ApiError {
  const retryS = Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
  return new ApiError(
    429,
    "sign_in_locked",
    `Too many failed sign-ins. Try again in ${Math.ceil(retryS / 60)} min, or reset the password.`,
    undefined,
    { "retry-after": String(retryS) },
  );
}

/**
 * Checks an email and password. Rate-limited per address; after MAX_FAILED_SIGN_INS failures in
 * a row the account refuses even the right password for LOCK_MS.
 */
export async function signIn(
  db: Database,
  bus: Bus,
  input: { email: string; password: string },
  nowMs = Date.now(),
): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  const window = await bus.incrementWindow(`signin:${email}`, 60_000);
  if (window.count > SIGN_IN_ATTEMPTS_PER_MINUTE) throw locked(window.resetAtMs, nowMs);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    await verifyDecoy(input.password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > nowMs) throw locked(user.lockedUntil.getTime(), nowMs);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const failures = user.failedSignIns + 1;
    const lockNow = failures >= MAX_FAILED_SIGN_INS;
    await db
      .update(users)
      .set({ failedSignIns: lockNow ? 0 : failures, lockedUntil: lockNow ? new Date(nowMs + LOCK_MS) : null })
      .where(eq(users.id, user.id));
    if (lockNow) throw locked(nowMs + LOCK_MS, nowMs);
    throw badCredentials();
  }
  const [signedIn] = await db
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date(nowMs) })
    .where(eq(users.id, user.id))
    .returning();
  return signedIn!;
}

export async function listUsers(db: Database, orgId: string, page: PageRequest): Promise<UserRow[]> {
  return selectPage(db.select().from(users).$dynamic(), users.id, eq(users.orgId, orgId), page);
}

/** An invitation link into the actor's org; nobody invites above their own role. */
export async function invite(
  db: Database,
  actor: { orgId: string; role: ApiKeyRole },
  input: { email: string; role: ApiKeyRole },
) {
  if (!roleAtLeast(actor.role, input.role))
    throw forbidden(`A ${actor.role} cannot invite an ${input.role}.`);
  const email = normalizeEmail(input.email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing)
    throw new ApiError(409, "conflict", "A user with this email already exists.", [
      { field: "email", message: "is taken" },
    ]);
  return createLink(db, {
    orgId: actor.orgId,
    kind: "invite",
    email,
    role: input.role,
    ttlMs: INVITE_TTL_MS,
  });
}

/** The org's name, as mails name it. */
export async function orgName(db: Database, orgId: string): Promise<string> {
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return org?.name ?? "your organization";
}

/** The first owner's set-up link: an owner invitation for whichever address they choose. */
export function ownerSetupLink(db: Database, orgId: string) {
  return createLink(db, { orgId, kind: "invite", email: null, role: "owner", ttlMs: INVITE_TTL_MS });
}

/** A password-reset link for a user of the actor's org, shown to the actor to hand over. */
export async function resetLink(db: Database, actor: { orgId: string; role: ApiKeyRole }, userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, userId)));
  if (!user) throw notFound("User not found.");
  if (!roleAtLeast(actor.role, user.role))
    throw forbidden(`A ${actor.role} cannot reset an ${user.role}'s password.`);
  return {
    user,
    ...(await createLink(db, { orgId: actor.orgId, kind: "reset", userId, ttlMs: RESET_TTL_MS })),
  };
}

/**
 * Uses a link: an invitation creates the user with the password, a reset replaces the password,
 * lifts a lock and ends the user's other sessions. Either way the link is spent.
 */
export async function acceptLink(
  db: Database,
  input: { token: string; password: string; email?: string; name?: string },
  nowMs = Date.now(),
): Promise<UserRow> {
  const link = await findUsableLink(db, input.token, nowMs);
  checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  if (link.kind === "reset") {
    const user = await db.transaction(async (tx) => {
      await consumeLink(tx, link.id, nowMs);
      const [row] = await tx
        .update(users)
        .set({ passwordHash, failedSignIns: 0, lockedUntil: null })
        .where(eq(users.id, link.userId!))
        .returning();
      return row;
    });
    if (!user) throw notFound("User not found.");
    await revokeUserSessions(db, user.id);
    return user;
  }
  const email = link.email ?? normalizeEmail(input.email ?? "");
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new ApiError(422, "validation_failed", "Give the email address to sign in with.", [
      { field: "email", message: "is required" },
    ]);
  try {
    return await db.transaction(async (tx) => {
      await consumeLink(tx, link.id, nowMs);
      const [row] = await tx
        .insert(users)
        .values({
          id: newId("usr"),
          orgId: link.orgId,
          email,
          name: input.name?.trim() ?? "",
          role: link.role ?? "member",
          passwordHash,
        })
        .returning();
      return row!;
    });
  } catch (error) {
    if (/unique|duplicate key/i.test(String((error as { cause?: unknown })?.cause ?? error)))
      throw new ApiError(409, "conflict", "A user with this email already exists.", [
        { field: "email", message: "is taken" },
      ]);
    throw error;
  }
}
