// A campaign's leads: import from a JSON list or CSV with a per-row report, and listing.
import { ApiError, validationFailed } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { parse as parseCsv } from "csv-parse/sync";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { campaignLeads, type LeadState } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { numbersOnDoNotCall } from "../do-not-call/service.ts";
import { e164Problem } from "../phone-numbers/e164.ts";
import { type AddLeadsInput, LEAD_STATES, type LeadsReport } from "./model.ts";
import type { CampaignRow, LeadRow } from "./present.ts";
import { isTimeZone } from "./time-zones.ts";

const MAX_LEADS_PER_REQUEST = 10_000;

type RawLead = Record<string, string | number | boolean | undefined>;

function rowsOf(input: AddLeadsInput): RawLead[] {
  if ((input.leads === undefined) === (input.csv === undefined)) {
    throw validationFailed([{ field: "leads", message: "send exactly one of leads and csv" }]);
  }
  if (input.leads) return input.leads as RawLead[];
  let records: RawLead[];
  try {
    records = parseCsv(input.csv!, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw validationFailed([{ field: "csv", message: `is not valid CSV: ${(error as Error).message}` }]);
  }
  if (records.length > 0 && !("phone_number" in records[0]!)) {
    throw validationFailed([{ field: "csv", message: "has no phone_number column in its header row" }]);
  }
  if (records.length > MAX_LEADS_PER_REQUEST) {
    throw validationFailed([{ field: "csv", message: `has more than ${MAX_LEADS_PER_REQUEST} rows` }]);
  }
  return records;
}

function variablesOf(raw: RawLead): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === "phone_number" || name === "time_zone" || value === undefined || value === "") continue;
    variables[name] = String(value);
  }
  return variables;
}

/**
 * Adds leads; each row is accepted or rejected on its own (bad number, bad zone, a duplicate in
 * the request or the campaign, the org's do-not-call list). Accepted rows are inserted together.
 */
export async function addLeads(
  db: Database,
  campaign: CampaignRow,
  input: AddLeadsInput,
): Promise<LeadsReport> {
  if (campaign.status === "completed" || campaign.status === "canceled") {
    throw new ApiError(
      409,
      "campaign_state",
      `The campaign is ${campaign.status}; leads can no longer be added.`,
    );
  }
  const raws = rowsOf(input);
  const rows: LeadsReport["rows"] = raws.map((raw, index) => ({
    row: index + 1,
    phone_number: String(raw.phone_number ?? ""),
    status: "accepted" as const,
    lead_id: null,
    code: null,
    message: null,
  }));
  const reject = (index: number, code: string, message: string) => {
    Object.assign(rows[index]!, { status: "rejected", code, message });
  };
  const seen = new Set<string>();
  for (const [index, raw] of raws.entries()) {
    const number = rows[index]!.phone_number;
    const problem = e164Problem(number);
    const zone = raw.time_zone === undefined || raw.time_zone === "" ? null : String(raw.time_zone);
    if (problem) reject(index, "invalid_phone_number", `phone_number ${problem}`);
    else if (zone !== null && !isTimeZone(zone))
      reject(index, "invalid_time_zone", "time_zone is not an IANA zone");
    else if (seen.has(number)) reject(index, "duplicate", "the number appears earlier in this request");
    seen.add(number);
  }
  const candidates = rows.filter((row) => row.status === "accepted").map((row) => row.phone_number);
  const listed = await numbersOnDoNotCall(db, campaign.orgId, candidates);
  const existing = new Set<string>();
  for (let offset = 0; offset < candidates.length; offset += 1000) {
    const found = await db
      .select({ phoneNumber: campaignLeads.phoneNumber })
      .from(campaignLeads)
      .where(
        and(
          eq(campaignLeads.campaignId, campaign.id),
          inArray(campaignLeads.phoneNumber, candidates.slice(offset, offset + 1000)),
        ),
      );
    for (const row of found) existing.add(row.phoneNumber);
  }
  const values: (typeof campaignLeads.$inferInsert)[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.status !== "accepted") continue;
    if (listed.has(row.phone_number)) {
      reject(index, "do_not_call", "the number is on the do-not-call list");
      continue;
    }
    if (existing.has(row.phone_number)) {
      reject(index, "duplicate", "the number is already a lead of this campaign");
      continue;
    }
    const raw = raws[index]!;
    const id = newId("lead");
    row.lead_id = id;
    values.push({
      id,
      campaignId: campaign.id,
      orgId: campaign.orgId,
      phoneNumber: row.phone_number,
      variables: variablesOf(raw),
      timeZone: raw.time_zone ? String(raw.time_zone) : null,
      state: "pending",
    });
  }
  const inserted = new Set<string>();
  await db.transaction(async (tx) => {
    for (let offset = 0; offset < values.length; offset += 500) {
      // A concurrent import of the same number loses here and is reported as a duplicate.
      const batch = await tx
        .insert(campaignLeads)
        .values(values.slice(offset, offset + 500))
        .onConflictDoNothing({ target: [campaignLeads.campaignId, campaignLeads.phoneNumber] })
        .returning({ id: campaignLeads.id });
      for (const row of batch) inserted.add(row.id);
    }
  });
  for (const [index, row] of rows.entries()) {
    if (row.lead_id !== null && !inserted.has(row.lead_id)) {
      row.lead_id = null;
      reject(index, "duplicate", "the number is already a lead of this campaign");
    }
  }
  const accepted = inserted.size;
  return { accepted, rejected: rows.length - accepted, rows };
}

/** `state` and `outcome` of GET /campaigns/{id}/leads. */
export function leadFilters(query: { state?: string; outcome?: string }): {
  state?: LeadState;
  outcome?: string;
} {
  if (query.state !== undefined && !LEAD_STATES.includes(query.state as LeadState)) {
    throw validationFailed([{ field: "state", message: `must be one of ${LEAD_STATES.join(", ")}` }]);
  }
  return { state: query.state as LeadState | undefined, outcome: query.outcome };
}

export function listLeads(
  db: Database,
  campaignId: string,
  page: PageRequest,
  filters: { state?: LeadState; outcome?: string },
): Promise<LeadRow[]> {
  const where: SQL[] = [eq(campaignLeads.campaignId, campaignId)];
  if (filters.state) where.push(eq(campaignLeads.state, filters.state));
  if (filters.outcome) where.push(eq(campaignLeads.outcome, filters.outcome));
  return selectPage(db.select().from(campaignLeads).$dynamic(), campaignLeads.id, and(...where), page);
}
