import { CALL_DIRECTIONS, CALL_STATUSES } from "@switchboard/shared/events";
import { t } from "elysia";
import { paginationQuery } from "../../http/pagination.ts";

const nullableInt = t.Nullable(t.Number());

const latencySchema = t.Object({
  endpointing_ms: nullableInt,
  stt_ms: nullableInt,
  llm_first_token_ms: nullableInt,
  tts_first_byte_ms: nullableInt,
  first_packet_ms: nullableInt,
  total_ms: nullableInt,
});

const turnSchema = t.Object({
  role: t.UnionEnum(["agent", "user"]),
  text: t.String({ description: "For agent turns: what the caller actually heard." }),
  started_at: t.String({ format: "date-time" }),
  ended_at: t.String({ format: "date-time" }),
  interrupted: t.Boolean(),
  latency: t.Nullable(latencySchema),
});

const callFields = {
  id: t.String(),
  direction: t.UnionEnum([...CALL_DIRECTIONS]),
  status: t.UnionEnum([...CALL_STATUSES]),
  agent_id: t.Nullable(t.String()),
  from_number: t.Nullable(t.String()),
  to_number: t.Nullable(t.String()),
  phone_number_id: t.Nullable(t.String()),
  objective: t.Nullable(t.String()),
  started_at: t.String({ format: "date-time" }),
  answered_at: t.Nullable(t.String({ format: "date-time" })),
  ended_at: t.Nullable(t.String({ format: "date-time" })),
  duration_s: t.Nullable(t.Number()),
  cost_cents: t.Nullable(t.Integer()),
  hangup_cause: t.Nullable(t.String()),
  recording_url: t.Nullable(t.String()),
  metadata: t.Record(t.String(), t.Unknown()),
};

export const callSchema = t.Object(callFields);
export const callDetailSchema = t.Object({ ...callFields, transcript: t.Array(turnSchema) });

const outboundFields = {
  agent_id: t.String({ minLength: 1, maxLength: 100 }),
  to_number: t.String({ minLength: 1, maxLength: 32, description: "E.164, e.g. +14155550142." }),
  from_number: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 32,
      description: "One of your active numbers; default: the number attached to the agent.",
    }),
  ),
  objective: t.Optional(
    t.String({ maxLength: 5000, description: "The goal of this call, added to the prompt." }),
  ),
  metadata: t.Optional(t.Record(t.String(), t.Unknown())),
};
export const outboundBody = t.Object(outboundFields, {
  description:
    "The camelCase spelling other platforms' clients send (`agentId`, `toNumber`, `fromNumber`, with " +
    "`objective` and `metadata`) is accepted too, deprecated: the same fields under other names. A body " +
    "mixing both spellings, or with a field neither has, is a 422 naming the field.",
});
export type OutboundInput = typeof outboundBody.static;

const stringOrList = t.Union([
  t.String({ maxLength: 100 }),
  t.Array(t.String({ maxLength: 100 }), { maxItems: 20 }),
]);

const listCallsQuery = {
  status: t.Optional(stringOrList),
  direction: t.Optional(t.String({ maxLength: 20 })),
  from: t.Optional(t.String({ maxLength: 40, description: "ISO datetime: started at or after." })),
  to: t.Optional(t.String({ maxLength: 40, description: "ISO datetime: started before." })),
  agent_id: t.Optional(t.String({ maxLength: 100 })),
  agentId: t.Optional(t.String({ maxLength: 100, description: "Alias of agent_id." })),
};

export const listCallsQuerySchema = t.Object({ ...paginationQuery, ...listCallsQuery });
export const callPageSchema = t.Object({
  data: t.Array(callSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

export type CallResponse = typeof callSchema.static;
export type CallDetailResponse = typeof callDetailSchema.static;
export type TurnResponse = typeof turnSchema.static;
