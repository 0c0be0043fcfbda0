// The analytics overview: calls that started in [from, to), by status and direction, their
// minutes and spend, and the total latency of their agent turns, overall and per agent.
import { validationFailed } from "@switchboard/shared/errors";
import { and, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { calls, callTurns } from "../../db/schema.ts";
import type { Overview, OverviewTotals } from "./model.ts";

const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

function instant(value: string | undefined, field: string): Date | null {
  if (value === undefined || value === "") return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw validationFailed([{ field, message: "must be an ISO 8601 datetime" }]);
  return parsed;
}

export function overviewWindow(
  query: { from?: string; to?: string },
  now = new Date(),
): { from: Date; to: Date } {
  const to = instant(query.to, "to") ?? now;
  const from = instant(query.from, "from") ?? new Date(to.getTime() - DEFAULT_WINDOW_MS);
  if (from.getTime() >= to.getTime())
    throw validationFailed([{ field: "from", message: "must be before to" }]);
  return { from, to };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function emptyTotals(): OverviewTotals {
  return {
    calls: 0,
    by_status: {},
    by_direction: {},
    minutes: 0,
    spend_cents: 0,
    turn_latency: { agent_turns: 0, average_ms: null, p95_ms: null },
  };
}

export async function analyticsOverview(
  db: Database,
  orgId: string,
  from: Date,
  to: Date,
): Promise<Overview> {
  const inWindow = and(eq(calls.orgId, orgId), gte(calls.startedAt, from), lt(calls.startedAt, to));
  const groups = await db
    .select({
      agentId: calls.agentId,
      status: calls.status,
      direction: calls.direction,
      count: sql<number>`count(*)::int`,
      seconds: sql<number>`coalesce(sum(${calls.durationS}), 0)::float8`,
      spend: sql<number>`coalesce(sum(${calls.costCents}), 0)::int`,
    })
    .from(calls)
    .where(inWindow)
    .groupBy(calls.agentId, calls.status, calls.direction);

  const latencyColumns = {
    turns: sql<number>`count(*)::int`,
    average: sql<number | null>`avg(${callTurns.totalMs})::float8`,
    p95: sql<number | null>`percentile_disc(0.95) within group (order by ${callTurns.totalMs})::float8`,
  };
  const turnWhere = and(inWindow, eq(callTurns.role, "agent"), isNotNull(callTurns.totalMs));
  const [overallLatency] = await db
    .select(latencyColumns)
    .from(callTurns)
    .innerJoin(calls, eq(calls.id, callTurns.callId))
    .where(turnWhere);
  const agentLatency = await db
    .select({ agentId: calls.agentId, ...latencyColumns })
    .from(callTurns)
    .innerJoin(calls, eq(calls.id, callTurns.callId))
    .where(turnWhere)
    .groupBy(calls.agentId);

  const overall = emptyTotals();
  const perAgent = new Map<string | null, OverviewTotals>();
  const secondsByAgent = new Map<string | null, number>();
  let totalSeconds = 0;
  for (const group of groups) {
    const agent = perAgent.get(group.agentId) ?? emptyTotals();
    perAgent.set(group.agentId, agent);
    for (const totals of [overall, agent]) {
      totals.calls += group.count;
      totals.by_status[group.status] = (totals.by_status[group.status] ?? 0) + group.count;
      totals.by_direction[group.direction] = (totals.by_direction[group.direction] ?? 0) + group.count;
      totals.spend_cents += group.spend;
    }
    totalSeconds += group.seconds;
    secondsByAgent.set(group.agentId, (secondsByAgent.get(group.agentId) ?? 0) + group.seconds);
  }
  overall.minutes = round2(totalSeconds / 60);
  for (const [agentId, seconds] of secondsByAgent) perAgent.get(agentId)!.minutes = round2(seconds / 60);

  const latencyOf = (row: { turns: number; average: number | null; p95: number | null } | undefined) => ({
    agent_turns: row?.turns ?? 0,
    average_ms: row?.average === null || row?.average === undefined ? null : round2(Number(row.average)),
    p95_ms: row?.p95 === null || row?.p95 === undefined ? null : Number(row.p95),
  });
  overall.turn_latency = latencyOf(overallLatency);
  for (const row of agentLatency) {
    const agent = perAgent.get(row.agentId);
    if (agent) agent.turn_latency = latencyOf(row);
  }

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    ...overall,
    agents: [...perAgent.entries()]
      .sort((a, b) => b[1].calls - a[1].calls || String(a[0]).localeCompare(String(b[0])))
      .map(([agentId, totals]) => ({ agent_id: agentId, ...totals })),
  };
}
