// The operator's numbers: NUMBER_INVENTORY is either comma-separated E.164 numbers or the
// path of a CSV file with the columns number,country,region (a header line is optional).
import { existsSync, readFileSync } from "node:fs";
import { ConfigError } from "@switchboard/shared/config";
import { parse } from "csv-parse/sync";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { numberInventory } from "../../db/schema.ts";
import { e164Problem, parseE164 } from "./e164.ts";

export interface InventoryEntry {
  phoneNumber: string;
  country: string;
  region: string | null;
}

/** A ConfigError, so a bad NUMBER_INVENTORY stops the start with a one-line reason. */
export class InventoryError extends ConfigError {
  constructor(message: string) {
    super([message]);
  }
}

function entry(rawNumber: string, where: string, country?: string, region?: string): InventoryEntry {
  const number = rawNumber.trim();
  const problem = e164Problem(number);
  if (problem) throw new InventoryError(`${where}: ${JSON.stringify(number)} ${problem}`);
  const parsed = parseE164(number, "number");
  return {
    phoneNumber: parsed.e164,
    country: country?.trim().toUpperCase() || parsed.country,
    region: region?.trim() || null,
  };
}

export function parseInventoryCsv(text: string, source: string): InventoryEntry[] {
  const rows = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const entries: InventoryEntry[] = [];
  rows.forEach((row, index) => {
    const [number = "", country, region] = row;
    if (index === 0 && !number.startsWith("+") && /number/i.test(number)) return;
    entries.push(entry(number, `${source} line ${index + 1}`, country, region));
  });
  return entries;
}

/** Reads NUMBER_INVENTORY; throws InventoryError naming each bad entry's place. */
export function parseInventorySpec(spec: string): InventoryEntry[] {
  const trimmed = spec.trim();
  if (!trimmed.startsWith("+")) {
    if (!existsSync(trimmed)) throw new InventoryError(`NUMBER_INVENTORY: no such file ${trimmed}`);
    return parseInventoryCsv(readFileSync(trimmed, "utf8"), trimmed);
  }
  return trimmed
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((number, index) => entry(number, `NUMBER_INVENTORY item ${index + 1}`));
}

/** Adds numbers not yet in the inventory; existing ones (owned or not) are left as they are. */
export async function addToInventory(db: Database, entries: InventoryEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const inserted = await db
    .insert(numberInventory)
    .values(entries.map((e) => ({ ...e, provider: "inventory" })))
    .onConflictDoNothing()
    .returning({ phoneNumber: numberInventory.phoneNumber });
  return inserted.length;
}

/** Removes unowned numbers; a number an org owns stays until the org releases it. */
export async function removeFromInventory(
  db: Database,
  phoneNumbers: string[],
): Promise<{ removed: string[]; owned: string[] }> {
  const rows = await db
    .select()
    .from(numberInventory)
    .where(inArray(numberInventory.phoneNumber, phoneNumbers));
  const owned = rows.filter((row) => row.orgId !== null).map((row) => row.phoneNumber);
  const removed: string[] = [];
  for (const row of rows) {
    if (row.orgId !== null) continue;
    await db.delete(numberInventory).where(eq(numberInventory.phoneNumber, row.phoneNumber));
    removed.push(row.phoneNumber);
  }
  return { removed, owned };
}

export async function listInventory(db: Database) {
  return db.select().from(numberInventory).orderBy(numberInventory.phoneNumber);
}
