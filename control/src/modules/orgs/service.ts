import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import { notFound } from "@switchboard/shared/errors";
import { hasPrefix, newId } from "@switchboard/shared/ids";
import { effectiveRates, type Rates, ratesView } from "@switchboard/shared/rates";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgs } from "../../db/schema.ts";
import { countKeys, insertKey } from "../api-keys/service.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { type OrgResponse, presentOrg } from "./model.ts";

export type OrgRow = typeof orgs.$inferSelect;

/** A new org; `maxConcurrentCalls` is ORG_DEFAULT_MAX_CONCURRENT_CALLS unless its creator chose one. */
export async function createOrg(db: Database, name: string, maxConcurrentCalls?: number): Promise<OrgRow> {
  const [row] = await db
    .insert(orgs)
    .values({ id: newId("org"), name, ...(maxConcurrentCalls !== undefined ? { maxConcurrentCalls } : {}) })
    .returning();
  return row!;
}

/** The org, or 404 (also for an id that is not an org id at all). */
export async function getOrgRow(db: Database, orgId: string): Promise<OrgRow> {
  if (!hasPrefix(orgId, "org")) throw notFound("Org");
  const [row] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!row) throw notFound("Org");
  return row;
}

/** The org in its API shape, with its current balance. */
export async function loadOrg(db: Database, defaults: Rates, orgId: string): Promise<OrgResponse> {
  const row = await getOrgRow(db, orgId);
  return presentOrg(row, defaults, await getBalanceCents(db, orgId));
}

/** The prices the org pays now (works inside a transaction). */
export async function orgRates(db: Database, defaults: Rates, orgId: string): Promise<Rates> {
  const [row] = await db.select({ rates: orgs.rates }).from(orgs).where(eq(orgs.id, orgId));
  return effectiveRates(defaults, row?.rates ?? null);
}

/**
 * On a platform with no API key yet, makes the default org's owner key: the operator's
 * INIT_API_KEY when set, else a new one that is returned so it can be shown once.
 */
export async function ensureInitialOwnerKey(
  db: Database,
  initApiKey: string | null,
  maxConcurrentCalls?: number,
): Promise<{ orgId: string; generatedSecret: string | null } | null> {
  if ((await countKeys(db)) > 0) return null;
  const [existing] = await db.select().from(orgs).orderBy(asc(orgs.createdAt)).limit(1);
  const org = existing ?? (await createOrg(db, "Default", maxConcurrentCalls));
  const { secret } = await insertKey(db, {
    orgId: org.id,
    name: "Initial owner key",
    role: "owner",
    expiresAt: null,
    ...(initApiKey ? { secret: initApiKey } : {}),
  });
  return { orgId: org.id, generatedSecret: initApiKey ? null : secret };
}

/** The org's entry in Hashes.orgCallLimits (gateways never read the database). */
export const callLimitValue = (row: Pick<OrgRow, "maxConcurrentCalls">): string =>
  String(row.maxConcurrentCalls);

/** The org's entry in Hashes.orgRates: its effective prices, so gateways cap calls at what control bills. */
export const ratesValue = (defaults: Rates, row: Pick<OrgRow, "rates">): string =>
  JSON.stringify(ratesView(effectiveRates(defaults, row.rates)));

const publishing = new Map<string, Promise<void>>();

/**
 * Republishes one org's cap and rates after a change committed, or withdraws them when the org
 * is gone. Publishes for one org run one after another and each reads the row at its turn, so
 * an older value never overtakes a newer one from this process.
 */
export function publishOrg(db: Database, bus: Bus, defaults: Rates, orgId: string): Promise<void> {
  const next = (publishing.get(orgId) ?? Promise.resolve())
    .catch(() => {})
    .then(async () => {
      const [row] = await db
        .select({ id: orgs.id, maxConcurrentCalls: orgs.maxConcurrentCalls, rates: orgs.rates })
        .from(orgs)
        .where(eq(orgs.id, orgId));
      if (!row) {
        await bus.hashDelete(Hashes.orgCallLimits, orgId);
        await bus.hashDelete(Hashes.orgRates, orgId);
        return;
      }
      await bus.hashSet(Hashes.orgCallLimits, row.id, callLimitValue(row));
      await bus.hashSet(Hashes.orgRates, row.id, ratesValue(defaults, row));
    });
  publishing.set(orgId, next);
  void next
    .finally(() => {
      if (publishing.get(orgId) === next) publishing.delete(orgId);
    })
    .catch(() => {});
  return next;
}
