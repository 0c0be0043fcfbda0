import { StringEnum } from "@switchboard/shared/schemas/kit";
import { t } from "elysia";
import { paginationQuery } from "../../http/pagination.ts";

export const SMS_STATUSES = ["queued", "sent", "delivered", "undelivered", "failed", "received"] as const;

export const smsSchema = t.Object({
  id: t.String(),
  direction: t.UnionEnum(["inbound", "outbound"]),
  from: t.String({ description: "E.164." }),
  to: t.String({ description: "E.164." }),
  body: t.String(),
  status: t.UnionEnum([...SMS_STATUSES], {
    description:
      "Outbound: queued, sent (the carrier took it), delivered, undelivered or failed; inbound: received.",
  }),
  phone_number_id: t.Nullable(t.String({ description: "The org's number that sent or received it." })),
  segments: t.Integer({
    description: "Billed parts: GSM-7 160 characters (153 each when longer), UCS-2 70 (67).",
  }),
  encoding: t.UnionEnum(["GSM-7", "UCS-2"]),
  cost_cents: t.Integer(),
  error_code: t.Nullable(t.String({ description: "The carrier's error code when it was not delivered." })),
  metadata: t.Record(t.String(), t.Unknown()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});
export type SmsResponse = typeof smsSchema.static;

export const sendSmsBody = t.Object(
  {
    from: t.String({
      minLength: 1,
      maxLength: 100,
      description: "One of the org's numbers: its id (`pn_...`) or its E.164 number.",
    }),
    to: t.String({ minLength: 1, maxLength: 20, description: "E.164 destination." }),
    body: t.String({ minLength: 1, maxLength: 1600, description: "The text; up to 1600 characters." }),
    metadata: t.Optional(
      t.Record(t.String(), t.Unknown(), { description: "Yours; shown back on the message." }),
    ),
  },
  { additionalProperties: false },
);
export type SendSmsInput = typeof sendSmsBody.static;

export const listSmsQuery = t.Object({
  ...paginationQuery,
  number: t.Optional(
    t.String({ maxLength: 100, description: "A number of the org (id or E.164) that sent or received it." }),
  ),
  // StringEnum: Elysia would give an optional UnionEnum query parameter its first value.
  direction: t.Optional(StringEnum(["inbound", "outbound"])),
  status: t.Optional(StringEnum(SMS_STATUSES)),
  from: t.Optional(t.String({ maxLength: 40, description: "ISO datetime: created at or after." })),
  to: t.Optional(t.String({ maxLength: 40, description: "ISO datetime: created before." })),
});
export type ListSmsQuery = typeof listSmsQuery.static;

export const smsPageSchema = t.Object({
  data: t.Array(smsSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});
