// Read from the platform's database once it has stopped (PGlite allows one process at a
// time): call events persisted per second while the calls ran, and what was still queued
// when the last call was billed: events persisted only later (the call-event stream's
// backlog) and webhook deliveries queued but not yet delivered (the outbox's backlog).
import { openDatabase } from "@switchboard/control/src/db/client";
import { sql } from "drizzle-orm";

export interface DatabaseFigures {
  eventsInWindow: number;
  eventsPerSecond: number;
  /** The busiest whole second of persisted events in the window. */
  peakEventsPerSecond: number;
  /** Call events persisted after the last call was billed (still in the stream then). */
  eventsAfterEnd: number;
  /** Webhook deliveries queued by the end and delivered only later (or never). */
  outboxAtEnd: number;
  /** Ledger entries of calls billed in the window (one per charged call). */
  callsCharged: number;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: unknown[] }).rows ?? []) as Record<string, unknown>[];
}

export async function databaseFigures(options: {
  databaseUrl: string | null;
  dataDir: string;
  fromEpochMs: number;
  toEpochMs: number;
}): Promise<DatabaseFigures> {
  const handle = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    const from = new Date(options.fromEpochMs).toISOString();
    const to = new Date(options.toEpochMs).toISOString();
    const number = (rows: Record<string, unknown>[], field: string) => Number(rows[0]?.[field] ?? 0);
    const inWindow = rowsOf(
      await handle.db.execute(sql`select count(*)::int as n from call_events_seen
        where created_at >= ${from}::timestamptz and created_at <= ${to}::timestamptz`),
    );
    const peak = rowsOf(
      await handle.db.execute(sql`select coalesce(max(n), 0)::int as n from (
        select date_trunc('second', created_at) as second, count(*) as n from call_events_seen
        where created_at >= ${from}::timestamptz and created_at <= ${to}::timestamptz group by 1) per_second`),
    );
    const after = rowsOf(
      await handle.db.execute(
        sql`select count(*)::int as n from call_events_seen where created_at > ${to}::timestamptz`,
      ),
    );
    const outbox = rowsOf(
      await handle.db.execute(sql`select count(*)::int as n from webhook_deliveries
        where created_at <= ${to}::timestamptz and (completed_at is null or completed_at > ${to}::timestamptz)`),
    );
    const charged = rowsOf(
      await handle.db.execute(sql`select count(*)::int as n from credit_ledger
        where kind = 'call_usage' and created_at >= ${from}::timestamptz and created_at <= ${to}::timestamptz`),
    );
    const eventsInWindow = number(inWindow, "n");
    return {
      eventsInWindow,
      eventsPerSecond: eventsInWindow / Math.max(0.001, (options.toEpochMs - options.fromEpochMs) / 1000),
      peakEventsPerSecond: number(peak, "n"),
      eventsAfterEnd: number(after, "n"),
      outboxAtEnd: number(outbox, "n"),
      callsCharged: number(charged, "n"),
    };
  } finally {
    await handle.close();
  }
}
