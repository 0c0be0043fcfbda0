import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import { newId } from "@switchboard/shared/ids";
import { asc } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgs } from "../../db/schema.ts";
import { countKeys, insertKey } from "../api-keys/service.ts";

export type OrgRow = typeof orgs.$inferSelect;

export async function createOrg(db: Database, name: string): Promise<OrgRow> {
  const [row] = await db
    .insert(orgs)
    .values({ id: newId("org"), name })
    .returning();
  return row!;
}

/**
 * On a platform with no API key yet, makes the default org's owner key: the operator's
 * INIT_API_KEY when set, else a new one that is returned so it can be shown once.
 */
export async function ensureInitialOwnerKey(
  db: Database,
  initApiKey: string | null,
): Promise<{ orgId: string; generatedSecret: string | null } | null> {
  if ((await countKeys(db)) > 0) return null;
  const [existing] = await db.select().from(orgs).orderBy(asc(orgs.createdAt)).limit(1);
  const org = existing ?? (await createOrg(db, "Default"));
  const { secret } = await insertKey(db, {
    orgId: org.id,
    name: "Initial owner key",
    role: "owner",
    expiresAt: null,
    ...(initApiKey ? { secret: initApiKey } : {}),
  });
  return { orgId: org.id, generatedSecret: initApiKey ? null : secret };
}

/** Publishes every org's concurrent-call cap for the gateways, which never read the database. */
export async function publishCallLimits(db: Database, bus: Bus): Promise<number> {
  const rows = await db.select({ id: orgs.id, maxConcurrentCalls: orgs.maxConcurrentCalls }).from(orgs);
  for (const row of rows) await bus.hashSet(Hashes.orgCallLimits, row.id, String(row.maxConcurrentCalls));
  return rows.length;
}
