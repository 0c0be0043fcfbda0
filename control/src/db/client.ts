import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema.ts";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

/** Calls `onNotify` on each NOTIFY on `channel`; resolves to the function that stops listening. */
type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

const listeners = new WeakMap<Database, Listen>();

/**
 * LISTEN on `channel` of the database `db` was opened on (PostgreSQL: one dedicated connection
 * that reconnects by itself; PGlite: the same instance). A NOTIFY arrives only after the
 * transaction that sent it commits. Null for a database not opened by openDatabase.
 */
export function listenToDatabase(
  db: Database,
  channel: string,
  onNotify: () => void,
): Promise<() => Promise<void>> | null {
  return listeners.get(db)?.(channel, onNotify) ?? null;
}

const migrationsFolder = join(import.meta.dir, "..", "..", "drizzle");

/**
 * Postgres when a URL is given, else PGlite (embedded Postgres) under `dataDir`, or in
 * memory when `dataDir` is null. The same drizzle migrations are applied to both.
 */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string | null;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    await migratePostgres(db, { migrationsFolder });
    listeners.set(db as unknown as Database, async (channel, onNotify) => {
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    });
    return { db: db as unknown as Database, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  let pgliteDir: string | undefined;
  if (options.dataDir) {
    pgliteDir = join(options.dataDir, "pglite");
    mkdirSync(pgliteDir, { recursive: true });
  }
  const client = new PGlite(pgliteDir);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  listeners.set(db as unknown as Database, (channel, onNotify) => client.listen(channel, onNotify));
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}
