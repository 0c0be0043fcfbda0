// The org's SIP trunk, written once: the API's schemas and the trunks column types derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { Nullable, STRICT } from "./kit.ts";

const cidr = Type.String({ minLength: 2, maxLength: 64, description: "IPv4 or IPv6 address or CIDR range." });
const username = Type.String({ pattern: "^[A-Za-z0-9._~-]{3,64}$" });
const password = Type.String({ minLength: 8, maxLength: 200 });

/** What caller id outbound calls present. */
export const CallerIdSchema = Type.Object({
  default_caller_id: Nullable(Type.String({ description: "E.164 caller id to present." })),
  allow_from_number: Type.Boolean({
    description: "Whether an outbound call's from_number is presented as is.",
  }),
});

const callerIdBody = Type.Object(
  {
    default_caller_id: Type.Optional(
      Nullable(Type.String({ pattern: "^\\+[1-9][0-9]{1,14}$", description: "E.164 caller id to present." })),
    ),
    allow_from_number: Type.Optional(CallerIdSchema.properties.allow_from_number),
  },
  STRICT,
);

const writable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  inbound_cidrs: Type.Array(cidr, {
    maxItems: 100,
    description: "Source addresses trusted for inbound calls.",
  }),
  inbound_username: Nullable(username),
  inbound_password: Nullable(password),
  outbound_uri: Nullable(
    Type.String({
      maxLength: 500,
      description: "Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp).",
    }),
  ),
  outbound_username: Nullable(username),
  outbound_password: Nullable(password),
  caller_id: callerIdBody,
  destination_countries: Type.Array(Type.String({ pattern: "^[A-Z]{2}$" }), {
    maxItems: 300,
    description: "ISO 3166-1 countries outbound calls may reach (toll-fraud guard).",
  }),
  destination_prefixes: Type.Array(Type.String({ pattern: "^\\+[0-9]{1,15}$" }), {
    maxItems: 500,
    description: "E.164 prefixes outbound calls may reach, e.g. `+1415`.",
  }),
};

/** POST /trunks: a name; the rest has defaults. */
export const CreateTrunkBodySchema = Type.Object(
  { name: writable.name, ...Type.Partial(Type.Omit(Type.Object(writable), ["name"])).properties },
  STRICT,
);

/** PATCH /trunks/{id}: any field. */
export const UpdateTrunkBodySchema = Type.Partial(CreateTrunkBodySchema);

/** The trunk as the API shows it: passwords only as whether they are set. */
export const TrunkSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  inbound_cidrs: Type.Array(Type.String()),
  inbound_username: Nullable(Type.String()),
  has_inbound_password: Type.Boolean(),
  outbound_uri: Nullable(Type.String()),
  outbound_username: Nullable(Type.String()),
  has_outbound_password: Type.Boolean(),
  caller_id: CallerIdSchema,
  destination_countries: Type.Array(Type.String()),
  destination_prefixes: Type.Array(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export type CallerId = Static<typeof CallerIdSchema>;
export type CreateTrunkBody = Static<typeof CreateTrunkBodySchema>;
export type UpdateTrunkBody = Static<typeof UpdateTrunkBodySchema>;
export type Trunk = Static<typeof TrunkSchema>;
