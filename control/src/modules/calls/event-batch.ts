// What one transaction of call events shares: which of its event ids are new, and what it reads
// once for all its events (each org's prices and redaction, each org's webhook endpoints). Call
// events only read those org rows and endpoints, never change them.
import type { CallEvent } from "@switchboard/shared/events";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { callEventsSeen, orgs } from "../../db/schema.ts";
import type { RedactionPolicy } from "../redaction/policy.ts";
import { type WebhookSubscriber, webhookSubscribers } from "../webhooks/emit.ts";

/** What applying events reads of an org. */
export interface OrgLookup {
  rates: unknown;
  redaction: Partial<RedactionPolicy>;
}

export class BatchLookups {
  private readonly orgRows = new Map<string, OrgLookup | null>();
  private readonly endpoints = new Map<string, WebhookSubscriber[]>();

  constructor(private readonly tx: Database) {}

  /** Null: no such org. */
  async org(orgId: string): Promise<OrgLookup | null> {
    if (!this.orgRows.has(orgId)) {
      const [row] = await this.tx
        .select({ rates: orgs.rates, redaction: orgs.redaction })
        .from(orgs)
        .where(eq(orgs.id, orgId));
      this.orgRows.set(orgId, row ?? null);
    }
    return this.orgRows.get(orgId)!;
  }

  async subscribers(orgId: string): Promise<WebhookSubscriber[]> {
    let endpoints = this.endpoints.get(orgId);
    if (!endpoints) {
      endpoints = await webhookSubscribers(this.tx, orgId);
      this.endpoints.set(orgId, endpoints);
    }
    return endpoints;
  }
}

/**
 * Records the ids of `events` as seen, in one statement; returns those not seen before. The
 * record commits with the events' effects, so a redelivered event finds its id and is skipped.
 */
export async function recordUnseen(tx: Database, events: CallEvent[]): Promise<Set<string>> {
  const byId = new Map(events.map((event) => [event.event_id, event.call_id]));
  // In id order, so consumers that claimed overlapping entries take the same locks in the same order.
  const rows = [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const inserted = await tx
    .insert(callEventsSeen)
    .values(rows.map(([eventId, callId]) => ({ eventId, callId })))
    .onConflictDoNothing()
    .returning({ eventId: callEventsSeen.eventId });
  return new Set(inserted.map((row) => row.eventId));
}
