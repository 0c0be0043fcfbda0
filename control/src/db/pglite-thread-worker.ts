// The thread that owns PGlite (see pglite-thread.ts): runs each request in the order it comes
// and answers with its result. PGlite's own locks order queries against open transactions.
declare const self: Worker;

import { PGlite, type Transaction, types } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Database } from "./client.ts";
import type { ThreadError, ThreadReply, ThreadRequest } from "./pglite-protocol.ts";
import { runImportedProcedure } from "./procedure.ts";
import * as schema from "./schema.ts";

// drizzle's PGlite driver keeps dates, times and numeric arrays as PostgreSQL's text.
const keepText = (value: string) => value;
const PARSERS = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(
    (oid) => [oid, keepText],
  ),
);

/** Thrown into a transaction's callback to roll it back. */
const ROLLBACK = Symbol("rollback");

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  settled: Promise<unknown>;
}

let pg: PGlite | null = null;
/** The same PGlite through drizzle, for procedures (procedure.ts), which run here whole. */
let db: Database | null = null;
let nextTxId = 1;
const transactions = new Map<number, OpenTransaction>();
const unlistens = new Map<string, () => Promise<void>>();

function database(): PGlite {
  if (!pg) throw new Error("PGlite is not open");
  return pg;
}

function begin(): Promise<number> {
  const txId = nextTxId++;
  return new Promise<number>((opened, failed) => {
    const settled = database()
      .transaction(async (tx) => {
        const commit = await new Promise<boolean>((end) => {
          transactions.set(txId, { tx, end, settled });
          opened(txId);
        });
        if (!commit) throw ROLLBACK;
      })
      .catch((error) => {
        if (error !== ROLLBACK) throw error;
      })
      .finally(() => transactions.delete(txId));
    settled.catch(failed);
  });
}

async function end(txId: number, commit: boolean): Promise<void> {
  const open = transactions.get(txId);
  if (!open) throw new Error(`no open transaction ${txId}`);
  open.end(commit);
  await open.settled;
}

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case "open":
      pg = new PGlite(request.dataDir ?? undefined);
      await pg.waitReady;
      db = drizzle(pg, { schema }) as unknown as Database;
      return null;
    case "query": {
      const target = request.txId === null ? database() : transactions.get(request.txId)?.tx;
      if (!target) throw new Error(`no open transaction ${request.txId}`);
      return target.query(request.sql, request.params, { rowMode: request.rowMode, parsers: PARSERS });
    }
    case "begin":
      return begin();
    case "end":
      return end(request.txId, request.commit);
    case "listen": {
      if (!unlistens.has(request.channel)) {
        const channel = request.channel;
        unlistens.set(channel, await database().listen(channel, () => self.postMessage({ notify: channel })));
      }
      return null;
    }
    case "unlisten":
      await unlistens.get(request.channel)?.();
      unlistens.delete(request.channel);
      return null;
    case "procedure":
      database();
      return runImportedProcedure(db!, request.module, request.name, request.input);
    case "close":
      await pg?.close();
      pg = null;
      db = null;
      return null;
  }
}

function threadError(error: unknown, depth = 0): ThreadError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {}, cause: null };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  const cause = depth < 3 && error.cause !== undefined ? threadError(error.cause, depth + 1) : null;
  return { name: error.name, message: error.message, fields, cause };
}

self.onmessage = (event: MessageEvent<ThreadRequest>) => {
  const request = event.data;
  handle(request).then(
    (value) => self.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error) =>
      self.postMessage({ id: request.id, ok: false, error: threadError(error) } satisfies ThreadReply),
  );
};
