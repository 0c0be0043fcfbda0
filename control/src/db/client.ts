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
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}
