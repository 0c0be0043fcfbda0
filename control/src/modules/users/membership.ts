import { ApiError, forbidden, notFound } from "@switchboard/shared/errors";
import type { ApiKeyRole } from "@switchboard/shared/schemas/api-key";
import { and, count, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import { roleAtLeast } from "../api-keys/service.ts";
import type { UserRow } from "./service.ts";

type Actor = { orgId: string; role: ApiKeyRole };

async function memberOf(db: Database, actor: Actor, userId: string): Promise<UserRow> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, userId)));
  if (!user) throw notFound("User not found.");
  if (!roleAtLeast(actor.role, user.role)) throw forbidden(`A ${actor.role} cannot change an ${user.role}.`);
  return user;
}

/** The org must keep a person who can sign in as owner. */
async function assertAnotherOwner(db: Database, orgId: string, userId: string): Promise<void> {
  const [row] = await db
    .select({ owners: count() })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, "owner"), ne(users.id, userId)));
  if ((row?.owners ?? 0) === 0)
    throw new ApiError(409, "conflict", "This is the org's only owner: make someone else owner first.");
}

/** A new role, never above the actor's own; it applies from the user's next request. */
export async function changeRole(
  db: Database,
  actor: Actor,
  userId: string,
  role: ApiKeyRole,
): Promise<UserRow> {
  const user = await memberOf(db, actor, userId);
  if (!roleAtLeast(actor.role, role)) throw forbidden(`A ${actor.role} cannot make an ${role}.`);
  if (user.role === "owner" && role !== "owner") await assertAnotherOwner(db, actor.orgId, userId);
  const [row] = await db.update(users).set({ role }).where(eq(users.id, userId)).returning();
  return row!;
}

/** Removes the person from the org; their sessions go with them. */
export async function removeUser(db: Database, actor: Actor, userId: string): Promise<void> {
  const user = await memberOf(db, actor, userId);
  if (user.role === "owner") await assertAnotherOwner(db, actor.orgId, userId);
  await db.delete(users).where(eq(users.id, userId));
}
