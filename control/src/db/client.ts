import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { SQL } from "bun";
import { drizzle as drizzleBunSql } from "drizzle-orm/bun-sql";
import { migrate as migrateBunSql } from "drizzle-orm/bun-sql/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { PgliteThread } from "./pglite-thread.ts";
import { databaseProcedure, runProcedure, runProceduresWith } from "./procedure.ts";
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

/** The migrations applied on PGlite's thread in one message, not a round trip per statement. */
export const migrateEmbedded = databaseProcedure(import.meta.url, "migrateEmbedded", (db, _input: null) =>
  migratePglite(db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder }),
);

/**
 * Postgres when a URL is given, else PGlite (embedded Postgres, on a worker thread) under
 * `dataDir`, or in memory when `dataDir` is null. The same drizzle migrations are applied to both.
 */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string | null;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // Queries go through Bun's native client: it costs the process about half the CPU per
    // statement of postgres.js on Bun's node:net (docs/BENCHMARKS.md). Bun's client has no
    // LISTEN, so notifications come over one postgres.js connection, opened on the first listen.
    const client = new SQL(options.databaseUrl, { max: 10, prepare: false });
    const db = drizzleBunSql(client, { schema });
    await migrateBunSql(db, { migrationsFolder });
    let notifications: ReturnType<typeof postgres> | null = null;
    const databaseUrl = options.databaseUrl;
    listeners.set(db as unknown as Database, async (channel, onNotify) => {
      notifications ??= postgres(databaseUrl, { max: 1, onnotice: () => {} });
      const { unlisten } = await notifications.listen(channel, onNotify);
      return unlisten;
    });
    const close = async () => {
      await Promise.all([client.close({ timeout: 5 }), notifications?.end({ timeout: 5 })]);
    };
    return { db: db as unknown as Database, kind: "postgres", close };
  }
  let pgliteDir: string | undefined;
  if (options.dataDir) {
    pgliteDir = join(options.dataDir, "pglite");
    mkdirSync(pgliteDir, { recursive: true });
  }
  // On a thread of its own, so queries never hold up the event loop (SIP and media on `npm start`).
  const client = await PgliteThread.open(pgliteDir ?? null);
  const db = drizzlePglite(client as unknown as PGlite, { schema });
  runProceduresWith(db as unknown as Database, (module, name, input) =>
    client.procedure(module, name, input),
  );
  await runProcedure(db as unknown as Database, migrateEmbedded, null);
  listeners.set(db as unknown as Database, (channel, onNotify) => client.listen(channel, onNotify));
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}
