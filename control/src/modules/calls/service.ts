import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import { ApiError, insufficientCredits, notFound, validationFailed } from "@switchboard/shared/errors";
import {
  CALL_DIRECTIONS,
  CALL_STATUSES,
  type CallDirection,
  type CallStatus,
} from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import type { Logger } from "@switchboard/shared/logger";
import { and, asc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, calls, callTurns, phoneNumbers } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import { type Page, type PageRequest, pageRequest, toPage } from "../../http/pagination.ts";
import { analysisOfCall } from "../analysis/present.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { assertCallable } from "../do-not-call/service.ts";
import { parseE164 } from "../phone-numbers/e164.ts";
import { claimAndDispatch } from "./dispatch.ts";
import type { CallDetailResponse, CallResponse, OutboundInput } from "./model.ts";
import { type CallRow, presentCall, presentTurn } from "./present.ts";
import { outboundSipHeaders } from "./sip-headers.ts";
import { chooseOutboundTrunk } from "./trunk-choice.ts";

export interface CallsDeps {
  db: Database;
  bus: Bus;
  config: Pick<Config, "outboundAllowedPrefixes" | "publicBaseUrl">;
}

export interface CallFilters {
  statuses: CallStatus[];
  direction: CallDirection | null;
  startedFrom: Date | null;
  startedTo: Date | null;
  agentId: string | null;
  /** E.164, matched against either end of the call. */
  number: string | null;
}

function parseInstant(value: string | undefined, field: string): Date | null {
  if (value === undefined || value === "") return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw validationFailed([{ field, message: "must be an ISO 8601 datetime" }]);
  return parsed;
}

/** Query parameters of GET /calls; values are case-insensitive (`?status=NO_ANSWER` works). */
export function parseCallFilters(query: {
  status?: string | string[];
  direction?: string;
  from?: string;
  to?: string;
  agent_id?: string;
  agentId?: string;
  number?: string;
}): CallFilters {
  const rawStatuses =
    query.status === undefined ? [] : Array.isArray(query.status) ? query.status : [query.status];
  const statuses = rawStatuses
    .flatMap((value) => value.split(","))
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  for (const status of statuses) {
    if (!CALL_STATUSES.includes(status as CallStatus)) {
      throw validationFailed([{ field: "status", message: `must be one of ${CALL_STATUSES.join(", ")}` }]);
    }
  }
  const direction = query.direction?.trim().toLowerCase() || null;
  if (direction !== null && !CALL_DIRECTIONS.includes(direction as CallDirection)) {
    throw validationFailed([{ field: "direction", message: `must be one of ${CALL_DIRECTIONS.join(", ")}` }]);
  }
  const number = query.number?.trim() || null;
  if (number !== null && !/^\+[1-9]\d{1,14}$/.test(number)) {
    throw validationFailed([{ field: "number", message: "must be an E.164 number, e.g. +14155550142" }]);
  }
  return {
    statuses: statuses as CallStatus[],
    direction: direction as CallDirection | null,
    startedFrom: parseInstant(query.from, "from"),
    startedTo: parseInstant(query.to, "to"),
    agentId: query.agent_id ?? query.agentId ?? null,
    number,
  };
}

export async function listCalls(
  db: Database,
  orgId: string,
  filters: CallFilters,
  page: PageRequest,
): Promise<CallRow[]> {
  const where: SQL[] = [eq(calls.orgId, orgId)];
  if (filters.statuses.length > 0) where.push(inArray(calls.status, filters.statuses));
  if (filters.direction) where.push(eq(calls.direction, filters.direction));
  if (filters.startedFrom) where.push(gte(calls.startedAt, filters.startedFrom));
  if (filters.startedTo) where.push(lt(calls.startedAt, filters.startedTo));
  if (filters.agentId) where.push(eq(calls.agentId, filters.agentId));
  if (filters.number)
    where.push(or(eq(calls.fromNumber, filters.number), eq(calls.toNumber, filters.number))!);
  return selectPage(db.select().from(calls).$dynamic(), calls.id, and(...where), page);
}

/** A page of GET /calls from its query (pagination and filters), newest first. */
export async function listCallsPage(
  db: Database,
  orgId: string,
  query: Parameters<typeof pageRequest>[0] & Parameters<typeof parseCallFilters>[0],
  publicBaseUrl: string | null,
): Promise<Page<CallResponse>> {
  const page = pageRequest(query);
  const rows = await listCalls(db, orgId, parseCallFilters(query), page);
  return toPage(rows, page, (row) => presentCall(row, publicBaseUrl));
}

export async function getCallRow(db: Database, orgId: string, callId: string): Promise<CallRow> {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.orgId, orgId), eq(calls.id, callId)));
  if (!row) throw notFound("Call");
  return row;
}

export async function getCallDetail(
  db: Database,
  orgId: string,
  callId: string,
  publicBaseUrl: string | null,
): Promise<CallDetailResponse> {
  const row = await getCallRow(db, orgId, callId);
  const turns = await db
    .select()
    .from(callTurns)
    .where(eq(callTurns.callId, row.id))
    .orderBy(asc(callTurns.startedAt), asc(callTurns.ordinal));
  return {
    ...presentCall(row, publicBaseUrl),
    transcript: turns.map(presentTurn),
    analysis: await analysisOfCall(db, row.id),
  };
}

async function callerNumber(
  db: Database,
  orgId: string,
  agentId: string,
  fromNumber: string | undefined,
): Promise<{ id: string; phoneNumber: string }> {
  if (fromNumber !== undefined) {
    const e164 = parseE164(fromNumber, "from_number").e164;
    const [owned] = await db
      .select({ id: phoneNumbers.id, phoneNumber: phoneNumbers.phoneNumber, status: phoneNumbers.status })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.phoneNumber, e164)));
    if (!owned) {
      throw validationFailed(
        [{ field: "from_number", message: "is not a number of this organization" }],
        "from_number must be one of your phone numbers (GET /phone-numbers).",
      );
    }
    if (owned.status !== "active") {
      throw new ApiError(
        422,
        "number_suspended",
        "from_number is suspended; renew it before calling from it.",
        [{ field: "from_number", message: "is suspended" }],
      );
    }
    return owned;
  }
  const active = await db
    .select({ id: phoneNumbers.id, phoneNumber: phoneNumbers.phoneNumber, agentId: phoneNumbers.agentId })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.status, "active")))
    .orderBy(asc(phoneNumbers.id));
  const chosen = active.find((number) => number.agentId === agentId) ?? active[0];
  if (!chosen) {
    throw new ApiError(
      422,
      "no_caller_number",
      "This organization has no active phone number to call from. Buy one with POST /phone-numbers or send from_number.",
      [{ field: "from_number", message: "no active number to default to" }],
    );
  }
  return chosen;
}

/** Validates an outbound call and stores it as queued (dispatch follows the commit). */
export async function createOutboundCall(
  deps: CallsDeps,
  orgId: string,
  input: OutboundInput,
): Promise<CallRow> {
  const toNumber = parseE164(input.to_number, "to_number").e164;
  await assertCallable(deps.db, orgId, toNumber);
  await chooseOutboundTrunk(deps.db, orgId, toNumber, deps.config.outboundAllowedPrefixes);
  const [agent] = await deps.db
    .select({ id: agents.id, isActive: agents.isActive })
    .from(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, input.agent_id)));
  if (!agent) throw notFound("Agent");
  // 409, as for a web call token: the request is valid, the agent's state conflicts with it.
  if (!agent.isActive) {
    throw new ApiError(
      409,
      "agent_inactive",
      "The agent is not active; set is_active to true to place calls.",
    );
  }
  const from = await callerNumber(deps.db, orgId, agent.id, input.from_number);
  if ((await getBalanceCents(deps.db, orgId)) <= 0) {
    throw insufficientCredits(
      "The organization has no credits left. Add credits with POST /credits/purchase.",
    );
  }
  const now = new Date();
  const [row] = await deps.db
    .insert(calls)
    .values({
      id: newId("call"),
      orgId,
      direction: "outbound",
      status: "queued",
      agentId: agent.id,
      fromNumber: from.phoneNumber,
      toNumber,
      phoneNumberId: from.id,
      objective: input.objective ?? null,
      metadata: input.metadata ?? {},
      amd: input.amd ?? null,
      sipHeaders: outboundSipHeaders(input.sip_headers),
      startedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Places an outbound call: stored as queued, then handed to a gateway. A failed hand-off is
 * logged and left to the sweeper, which dispatches it later; the call is never dialled twice.
 */
export async function placeOutboundCall(
  deps: CallsDeps & { log: Logger },
  orgId: string,
  input: OutboundInput,
): Promise<CallResponse> {
  const row = await createOutboundCall(deps, orgId, input);
  try {
    await claimAndDispatch(deps, row.id);
  } catch (error) {
    deps.log.warn({ err: error, call_id: row.id }, "dispatch append failed; the sweeper retries");
  }
  return presentCall(await getCallRow(deps.db, orgId, row.id), deps.config.publicBaseUrl);
}
