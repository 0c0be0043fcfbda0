import {
  type Call,
  type CallDetail,
  CallDetailSchema,
  CallSchema,
  OutboundCallBodySchema,
  type TranscriptTurn,
} from "@switchboard/shared/schemas/call";
import { STRICT } from "@switchboard/shared/schemas/kit";
import { t } from "elysia";
import { paginationQuery } from "../../http/pagination.ts";

export const callSchema = CallSchema;
export const callDetailSchema = CallDetailSchema;

export const outboundBody = t.Object(OutboundCallBodySchema.properties, {
  ...STRICT,
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
  number: t.Optional(
    t.String({ maxLength: 32, description: "E.164: calls from or to this number, e.g. +14155550142." }),
  ),
};

export const listCallsQuerySchema = t.Object({ ...paginationQuery, ...listCallsQuery });
export const callPageSchema = t.Object({
  data: t.Array(callSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

export type CallResponse = Call;
export type CallDetailResponse = CallDetail;
export type TurnResponse = TranscriptTurn;
