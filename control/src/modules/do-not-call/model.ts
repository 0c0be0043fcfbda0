import { t } from "elysia";
import { paginationQuery } from "../../http/pagination.ts";

const e164 = t.String({
  maxLength: 20,
  description: "E.164, e.g. `+14155550142`.",
  examples: ["+14155550142"],
});

export const doNotCallEntrySchema = t.Object({
  id: t.String(),
  phone_number: e164,
  reason: t.Nullable(t.String()),
  source: t.UnionEnum(["api", "call"], {
    description: "`call`: the callee asked during a call (the agent's `add_to_do_not_call` tool).",
  }),
  call_id: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
});

export const addDoNotCallBody = t.Object(
  {
    phone_number: e164,
    reason: t.Optional(t.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type AddDoNotCallInput = typeof addDoNotCallBody.static;

export const listDoNotCallQuery = t.Object({
  ...paginationQuery,
  phone_number: t.Optional(t.String({ maxLength: 20, description: "Only this number (E.164)." })),
});

export const doNotCallPageSchema = t.Object({
  data: t.Array(doNotCallEntrySchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

export const doNotCallParams = t.Object({
  phone_number: t.String({ maxLength: 40, description: "The E.164 number (`+` may be sent as `%2B`)." }),
});

export type DoNotCallEntry = typeof doNotCallEntrySchema.static;
