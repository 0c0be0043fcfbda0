import { t } from "elysia";

export const overviewQuery = t.Object({
  from: t.Optional(t.String({ maxLength: 40, description: "ISO datetime; default 30 days before `to`." })),
  to: t.Optional(t.String({ maxLength: 40, description: "ISO datetime; default now." })),
});

const latency = t.Object({
  agent_turns: t.Integer({ description: "Agent turns with a measured total latency." }),
  average_ms: t.Nullable(t.Number()),
  p95_ms: t.Nullable(t.Number()),
});

const counts = t.Record(t.String(), t.Integer());

const totals = {
  calls: t.Integer(),
  by_status: counts,
  by_direction: counts,
  minutes: t.Number({ description: "Billed duration, in minutes (two decimals)." }),
  spend_cents: t.Integer(),
  turn_latency: latency,
};

export const overviewSchema = t.Object({
  from: t.String({ format: "date-time" }),
  to: t.String({ format: "date-time" }),
  ...totals,
  agents: t.Array(t.Object({ agent_id: t.Nullable(t.String()), ...totals })),
});

export type Overview = typeof overviewSchema.static;
export type OverviewTotals = Omit<Overview, "from" | "to" | "agents">;
