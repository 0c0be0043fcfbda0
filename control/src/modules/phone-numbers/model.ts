import { FORWARDING_MODES } from "@switchboard/shared/events";
import { t } from "elysia";

const forwarding = t.Object({
  forward_to: t.String({ description: "E.164 number calls are forwarded to." }),
  mode: t.UnionEnum([...FORWARDING_MODES], {
    description:
      "`no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of " +
      "credits or the number is suspended. `always`: forward every call.",
  }),
});

export const phoneNumberSchema = t.Object({
  id: t.String(),
  phone_number: t.String({ description: "E.164" }),
  country: t.String(),
  region: t.Nullable(t.String()),
  status: t.UnionEnum(["active", "suspended"]),
  agent_id: t.Nullable(t.String()),
  forwarding: t.Nullable(forwarding),
  monthly_cost_cents: t.Integer(),
  renews_at: t.String({ format: "date-time" }),
  created_at: t.String({ format: "date-time" }),
});

export const availableNumberSchema = t.Object({
  phone_number: t.String(),
  country: t.String(),
  region: t.Nullable(t.String()),
  monthly_cost_cents: t.Integer(),
});

export const searchQuery = t.Object({
  country: t.Optional(t.String({ pattern: "^[A-Za-z]{2}$", description: "ISO 3166-1 alpha-2, e.g. US." })),
  area_code: t.Optional(t.String({ pattern: "^[0-9]{1,6}$" })),
  contains: t.Optional(t.String({ pattern: "^[0-9]{1,15}$", description: "Digits anywhere in the number." })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
});

export const buyBody = t.Object({
  phone_number: t.Optional(t.String({ maxLength: 32, description: "A number search returned (E.164)." })),
  area_code: t.Optional(t.String({ pattern: "^[0-9]{1,6}$", description: "Any available number there." })),
  country: t.Optional(t.String({ pattern: "^[A-Za-z]{2}$" })),
  agent_id: t.Optional(t.String({ maxLength: 100, description: "Attach to this agent right away." })),
});

export const attachBody = t.Object({
  agent_id: t.Nullable(t.String({ maxLength: 100, description: "null detaches." })),
});

export const forwardingBody = t.Object({
  forward_to: t.Nullable(t.String({ maxLength: 32, description: "E.164; null turns forwarding off." })),
  mode: t.Optional(forwarding.properties.mode),
});

export type PhoneNumberResponse = typeof phoneNumberSchema.static;
export type BuyInput = typeof buyBody.static;
export type ForwardingInput = typeof forwardingBody.static;
