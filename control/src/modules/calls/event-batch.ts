// What one transaction of call events shares: which of its event ids are new, and what it reads
// once for all its events (each org's prices and redaction, each org's enabled webhook
// endpoints), all in its first statement. Call events only read those org rows and endpoints,
// never change them.
import type { CallEvent } from "@switchboard/shared/events";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { rowsOf } from "../../db/rows-of.ts";
import { callEventsSeen, orgs, webhookEndpoints } from "../../db/schema.ts";
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

  /** An org read with the batch's event ids (recordUnseenReadingOrgs); null: no such org. */
  remember(orgId: string, row: OrgLookup | null): void {
    this.orgRows.set(orgId, row);
  }

  /** An org's enabled endpoints, read with the batch's event ids. */
  rememberSubscribers(orgId: string, endpoints: WebhookSubscriber[]): void {
    this.endpoints.set(orgId, endpoints);
  }

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

interface SeenOrOrgRow {
  event_id: string | null;
  org_id: string | null;
  rates: string | null;
  redaction: string | null;
  endpoint_id: string | null;
  event_types: string | null;
}

/**
 * Records the ids of `events` as seen and reads their orgs and the orgs' enabled webhook
 * endpoints into `lookups`, in one statement; returns the ids not seen before. The record
 * commits with the events' effects, so a redelivered event finds its id and is skipped. One
 * statement instead of three because each statement of a transaction costs a round trip, and
 * a calm stream gives transactions of a few events.
 */
export async function recordUnseenReadingOrgs(
  tx: Database,
  events: CallEvent[],
  lookups: BatchLookups,
): Promise<Set<string>> {
  const byId = new Map(events.map((event) => [event.event_id, event.call_id]));
  // In id order, so consumers that claimed overlapping entries take the same locks in the same order.
  const rows = [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const orgIds = [...new Set(events.map((event) => event.org_id))];
  const inOrgs = sql.join(
    orgIds.map((orgId) => sql`${orgId}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    with seen as (
      insert into ${callEventsSeen} (event_id, call_id)
      values ${sql.join(
        rows.map(([eventId, callId]) => sql`(${eventId}, ${callId})`),
        sql`, `,
      )}
      on conflict do nothing
      returning event_id
    )
    select event_id, null as org_id, null as rates, null as redaction, null as endpoint_id,
      null as event_types from seen
    union all
    select null, id, rates::text, redaction::text, null, null from ${orgs} where id in (${inOrgs})
    union all
    select null, org_id, null, null, id, event_types::text from ${webhookEndpoints}
    where org_id in (${inOrgs}) and enabled`);
  const unseen = new Set<string>();
  const found = new Set<string>();
  const endpoints = new Map(orgIds.map((orgId): [string, WebhookSubscriber[]] => [orgId, []]));
  for (const row of rowsOf<SeenOrOrgRow>(result)) {
    if (row.event_id !== null) unseen.add(row.event_id);
    else if (row.org_id === null) continue;
    else if (row.endpoint_id !== null)
      endpoints
        .get(row.org_id)
        ?.push({ id: row.endpoint_id, eventTypes: JSON.parse(row.event_types ?? "[]") });
    else {
      found.add(row.org_id);
      lookups.remember(row.org_id, {
        rates: JSON.parse(row.rates ?? "{}"),
        redaction: JSON.parse(row.redaction ?? "{}"),
      });
    }
  }
  for (const orgId of orgIds) {
    if (found.has(orgId)) lookups.rememberSubscribers(orgId, endpoints.get(orgId)!);
    else lookups.remember(orgId, null);
  }
  return unseen;
}
