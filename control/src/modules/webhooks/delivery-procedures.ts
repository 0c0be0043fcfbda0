// The outbox's two writes as database procedures (db/procedure.ts): the claim of a pass (its
// rows and their endpoints) and the record of its attempts. On the embedded default each is one
// message to PGlite's thread instead of a round trip per statement, so neither waits behind the
// call events consumer's transactions more than once. This module is imported on that thread:
// it needs nothing but the schema.

import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { databaseProcedure } from "../../db/procedure.ts";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export interface ClaimInput {
  nowMs: number;
  leaseMs: number;
  batchSize: number;
}

export interface Claim {
  deliveries: DeliveryRow[];
  endpoints: EndpointRow[];
}

/**
 * Leases up to `batchSize` due rows of enabled endpoints until `nowMs + leaseMs` and reads
 * their endpoints. FOR UPDATE SKIP LOCKED lets several workers claim side by side; the lease
 * keeps a row from a second worker until it runs out, so a worker that dies mid-attempt only
 * delays its rows.
 */
export const claimDueDeliveries = databaseProcedure(
  import.meta.url,
  "claimDueDeliveries",
  async (db, input: ClaimInput): Promise<Claim> => {
    const now = new Date(input.nowMs);
    const due = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
          eq(webhookEndpoints.enabled, true),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(input.batchSize)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    const deliveries = await db
      .update(webhookDeliveries)
      .set({ lockedUntil: new Date(input.nowMs + input.leaseMs) })
      .where(inArray(webhookDeliveries.id, due))
      .returning();
    if (deliveries.length === 0) return { deliveries, endpoints: [] };
    const endpointIds = [...new Set(deliveries.map((row) => row.endpointId))];
    const endpoints = await db
      .select()
      .from(webhookEndpoints)
      .where(inArray(webhookEndpoints.id, endpointIds));
    return { deliveries, endpoints };
  },
);

/** What one attempt leaves on its outbox row (and, for 410 Gone, on its endpoint). */
export interface AttemptRecord {
  deliveryId: string;
  status: "succeeded" | "pending" | "failed";
  attempts: number;
  /** The next try of a pending row; null leaves the row's time as it is. */
  nextAttemptAt: Date | null;
  responseCode: number | null;
  latencyMs: number;
  error: string | null;
  responseBody: string | null;
  completedAt: Date | null;
  /** The endpoint answered 410 Gone: it is disabled (at `recordedAt`). */
  disableEndpointId: string | null;
  recordedAt: Date;
}

export const GONE_REASON = "The endpoint answered 410 Gone.";

/**
 * Writes the attempts of a pass: the endpoints that answered 410 disabled, then every outbox
 * row in one UPDATE from a JSON record set, its lease released. Each statement is atomic on
 * its own, as each write was when they were separate.
 */
export const recordDeliveryAttempts = databaseProcedure(
  import.meta.url,
  "recordDeliveryAttempts",
  async (db, records: AttemptRecord[]): Promise<void> => {
    if (records.length === 0) return;
    const gone = records.filter((record) => record.disableEndpointId !== null);
    if (gone.length > 0) {
      await db
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: GONE_REASON, updatedAt: gone[0]!.recordedAt })
        .where(
          inArray(
            webhookEndpoints.id,
            gone.map((record) => record.disableEndpointId!),
          ),
        );
    }
    const rows = JSON.stringify(
      records.map((record) => ({
        id: record.deliveryId,
        status: record.status,
        attempts: record.attempts,
        next_attempt_at: record.nextAttemptAt?.toISOString() ?? null,
        response_code: record.responseCode,
        latency_ms: record.latencyMs,
        error: record.error,
        response_body: record.responseBody,
        completed_at: record.completedAt?.toISOString() ?? null,
      })),
    );
    await db.execute(sql`
      update ${webhookDeliveries} as d set
        status = r.status,
        attempts = r.attempts,
        next_attempt_at = coalesce(r.next_attempt_at, d.next_attempt_at),
        locked_until = null,
        last_response_code = r.response_code,
        last_latency_ms = r.latency_ms,
        last_error = r.error,
        last_response_body = r.response_body,
        completed_at = r.completed_at
      from jsonb_to_recordset(${rows}::jsonb) as r(
        id text, status text, attempts integer, next_attempt_at timestamptz, response_code integer,
        latency_ms integer, error text, response_body text, completed_at timestamptz
      )
      where d.id = r.id`);
  },
);
