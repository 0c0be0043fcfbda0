import { and, asc, eq, isNull, like, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { numberInventory } from "../../../db/schema.ts";
import { callingPrefix } from "../e164.ts";
import type { AvailableNumber, NumberProvider, NumberSearch, NumberWanted, ReserveResult } from "./types.ts";

type InventoryRow = typeof numberInventory.$inferSelect;

function present(row: InventoryRow): AvailableNumber {
  return { phone_number: row.phoneNumber, country: row.country, region: row.region };
}

/** LIKE with the pattern's own wildcards escaped (inputs are digits, but stay safe). */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filters(query: { country?: string; areaCode?: string; contains?: string }): SQL[] {
  const where: SQL[] = [isNull(numberInventory.orgId), eq(numberInventory.provider, "inventory")];
  const country = query.country?.toUpperCase();
  if (country) where.push(eq(numberInventory.country, country));
  if (query.areaCode) {
    const prefix = callingPrefix(country ?? "US") ?? "+1";
    where.push(like(numberInventory.phoneNumber, `${escapeLike(prefix + query.areaCode)}%`));
  }
  if (query.contains) where.push(like(numberInventory.phoneNumber, `%${escapeLike(query.contains)}%`));
  return where;
}

/** The operator's own numbers on their SIP trunk (NUMBER_INVENTORY and the inventory command). */
export class InventoryNumberProvider implements NumberProvider {
  readonly kind = "inventory" as const;
  readonly name = "inventory";

  async search(db: Database, query: NumberSearch): Promise<AvailableNumber[]> {
    const rows = await db
      .select()
      .from(numberInventory)
      .where(and(...filters(query)))
      .orderBy(asc(numberInventory.phoneNumber))
      .limit(query.limit);
    return rows.map(present);
  }

  async reserve(tx: Database, orgId: string, wanted: NumberWanted): Promise<ReserveResult> {
    if ("phoneNumber" in wanted) {
      // The `org_id IS NULL` guard makes the claim atomic: a concurrent buyer waits on the row
      // lock, re-checks the condition and updates nothing.
      const [row] = await tx
        .update(numberInventory)
        .set({ orgId })
        .where(and(eq(numberInventory.phoneNumber, wanted.phoneNumber), isNull(numberInventory.orgId)))
        .returning();
      if (row) return { ok: true, number: present(row) };
      const [exists] = await tx
        .select({ phoneNumber: numberInventory.phoneNumber })
        .from(numberInventory)
        .where(eq(numberInventory.phoneNumber, wanted.phoneNumber));
      return { ok: false, reason: exists ? "taken" : "unknown" };
    }
    const candidate = tx
      .select({ phoneNumber: numberInventory.phoneNumber })
      .from(numberInventory)
      .where(and(...filters(wanted)))
      .orderBy(asc(numberInventory.phoneNumber))
      .limit(1)
      .for("update", { skipLocked: true });
    const [row] = await tx
      .update(numberInventory)
      .set({ orgId })
      .where(and(eq(numberInventory.phoneNumber, candidate), isNull(numberInventory.orgId)))
      .returning();
    return row ? { ok: true, number: present(row) } : { ok: false, reason: "none_available" };
  }

  async release(tx: Database, phoneNumber: string): Promise<void> {
    await tx.update(numberInventory).set({ orgId: null }).where(eq(numberInventory.phoneNumber, phoneNumber));
  }
}
