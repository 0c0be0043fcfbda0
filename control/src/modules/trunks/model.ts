import { t } from "elysia";

const cidr = t.String({ minLength: 2, maxLength: 64, description: "IPv4 or IPv6 address or CIDR range." });
const username = t.String({ pattern: "^[A-Za-z0-9._~-]{3,64}$" });
const password = t.String({ minLength: 8, maxLength: 200 });

const callerId = t.Object({
  default_caller_id: t.Optional(
    t.Nullable(t.String({ pattern: "^\\+[1-9][0-9]{1,14}$", description: "E.164 caller id to present." })),
  ),
  allow_from_number: t.Optional(
    t.Boolean({ description: "Whether an outbound call's from_number is presented as is." }),
  ),
});

const fields = {
  name: t.String({ minLength: 1, maxLength: 200 }),
  inbound_cidrs: t.Array(cidr, { maxItems: 100, description: "Source addresses trusted for inbound calls." }),
  inbound_username: t.Nullable(username),
  inbound_password: t.Nullable(password),
  outbound_uri: t.Nullable(
    t.String({
      maxLength: 500,
      description: "Where outbound calls go, e.g. `sip:sip.example.net:5060;transport=udp` (udp or tcp).",
    }),
  ),
  outbound_username: t.Nullable(username),
  outbound_password: t.Nullable(password),
  caller_id: callerId,
  destination_countries: t.Array(t.String({ pattern: "^[A-Z]{2}$" }), {
    maxItems: 300,
    description: "ISO 3166-1 countries outbound calls may reach (toll-fraud guard).",
  }),
  destination_prefixes: t.Array(t.String({ pattern: "^\\+[0-9]{1,15}$" }), {
    maxItems: 500,
    description: "E.164 prefixes outbound calls may reach, e.g. `+1415`.",
  }),
};

export const createTrunkBody = t.Object({
  name: fields.name,
  inbound_cidrs: t.Optional(fields.inbound_cidrs),
  inbound_username: t.Optional(fields.inbound_username),
  inbound_password: t.Optional(fields.inbound_password),
  outbound_uri: t.Optional(fields.outbound_uri),
  outbound_username: t.Optional(fields.outbound_username),
  outbound_password: t.Optional(fields.outbound_password),
  caller_id: t.Optional(fields.caller_id),
  destination_countries: t.Optional(fields.destination_countries),
  destination_prefixes: t.Optional(fields.destination_prefixes),
});

export const updateTrunkBody = t.Partial(createTrunkBody);

export type CreateTrunkInput = typeof createTrunkBody.static;
export type UpdateTrunkInput = typeof updateTrunkBody.static;

export const trunkSchema = t.Object({
  id: t.String(),
  name: t.String(),
  inbound_cidrs: t.Array(t.String()),
  inbound_username: t.Nullable(t.String()),
  has_inbound_password: t.Boolean(),
  outbound_uri: t.Nullable(t.String()),
  outbound_username: t.Nullable(t.String()),
  has_outbound_password: t.Boolean(),
  caller_id: t.Object({ default_caller_id: t.Nullable(t.String()), allow_from_number: t.Boolean() }),
  destination_countries: t.Array(t.String()),
  destination_prefixes: t.Array(t.String()),
  created_at: t.String(),
  updated_at: t.String(),
});

export type TrunkResponse = typeof trunkSchema.static;
