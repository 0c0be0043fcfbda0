// The phone number, written once: the API's schemas and the phone_numbers column types derive
// from these.
import { type Static, Type } from "@sinclair/typebox";
import { FORWARDING_MODES } from "../events.ts";
import { DateTime, Nullable, STRICT, StringEnum } from "./kit.ts";

/** `pending`: a carrier order not complete yet (docs/NUMBERS.md); it takes no calls or texts. */
export const NUMBER_STATUSES = ["active", "suspended", "pending"] as const;

const forwardingMode = StringEnum(FORWARDING_MODES, {
  description:
    "`no_agent`: forward when no agent is attached. `no_credits`: forward when the org is out of " +
    "credits or the number is suspended. `always`: forward every call.",
});

export const ForwardingSchema = Type.Object({
  forward_to: Type.String({ description: "E.164 number calls are forwarded to." }),
  mode: forwardingMode,
});

export const PhoneNumberSchema = Type.Object({
  id: Type.String(),
  phone_number: Type.String({ description: "E.164" }),
  country: Type.String(),
  region: Nullable(Type.String()),
  status: StringEnum(NUMBER_STATUSES),
  agent_id: Nullable(Type.String()),
  forwarding: Nullable(ForwardingSchema),
  monthly_cost_cents: Type.Integer(),
  renews_at: DateTime(),
  created_at: DateTime(),
});

/** A number search offers. */
export const AvailableNumberSchema = Type.Object({
  phone_number: Type.String(),
  country: Type.String(),
  region: Nullable(Type.String()),
  monthly_cost_cents: Type.Integer(),
});

/** POST /phone-numbers: `phone_number` (one search returned) or `area_code` (any available there). */
export const BuyPhoneNumberBodySchema = Type.Object(
  {
    phone_number: Type.Optional(
      Type.String({ maxLength: 32, description: "A number search returned (E.164)." }),
    ),
    area_code: Type.Optional(
      Type.String({ pattern: "^[0-9]{1,6}$", description: "Any available number there." }),
    ),
    country: Type.Optional(Type.String({ pattern: "^[A-Za-z]{2}$" })),
    agent_id: Type.Optional(Type.String({ maxLength: 100, description: "Attach to this agent right away." })),
  },
  STRICT,
);

/** POST /phone-numbers/{id}/attach: attach an agent, or detach with null. */
export const AttachAgentBodySchema = Type.Object(
  { agent_id: Nullable(Type.String({ maxLength: 100, description: "null detaches." })) },
  STRICT,
);

/** PATCH /phone-numbers/{id}/forwarding. */
export const ForwardingBodySchema = Type.Object(
  {
    forward_to: Nullable(Type.String({ maxLength: 32, description: "E.164; null turns forwarding off." })),
    mode: Type.Optional(forwardingMode),
  },
  STRICT,
);

export type Forwarding = Static<typeof ForwardingSchema>;
export type PhoneNumber = Static<typeof PhoneNumberSchema>;
export type AvailableNumber = Static<typeof AvailableNumberSchema>;
export type BuyPhoneNumberBody = Static<typeof BuyPhoneNumberBodySchema>;
export type AttachAgentBody = Static<typeof AttachAgentBodySchema>;
export type ForwardingBody = Static<typeof ForwardingBodySchema>;
