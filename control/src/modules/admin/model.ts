import { RATE_FIELDS } from "@switchboard/shared/rates";
import { STRICT } from "@switchboard/shared/schemas/kit";
import { t } from "elysia";
import { apiKeyRoles } from "../../db/schema.ts";
import { createdApiKeySchema } from "../api-keys/model.ts";
import { transactionSchema } from "../credits/model.ts";
import { redactionBody } from "../redaction/policy.ts";
import { retentionBody } from "../retention/policy.ts";

const MAX_CONCURRENT_CALLS = 100_000;
/** Largest single grant or correction: $10,000,000.00. */
const MAX_ADJUSTMENT_CENTS = 1_000_000_000;

const rate = (max: number, description: string) =>
  t.Optional(t.Nullable(t.Integer({ minimum: 0, maximum: max, description })));

const rateOverridesBody = t.Object(
  {
    number_monthly_cents: rate(RATE_FIELDS.number_monthly_cents.max, "Monthly price of one phone number."),
    outbound_cents_per_minute: rate(RATE_FIELDS.outbound_cents_per_minute.max, "Outbound calls."),
    inbound_cents_per_minute: rate(RATE_FIELDS.inbound_cents_per_minute.max, "Inbound calls."),
    web_cents_per_minute: rate(RATE_FIELDS.web_cents_per_minute.max, "Browser (WebRTC) calls."),
  },
  {
    ...STRICT,
    description:
      "The org's own prices, in cents. A missing field is left as it is; null restores the platform default.",
  },
);

const orgName = t.String({ minLength: 1, maxLength: 200 });
const maxConcurrentCalls = t.Integer({
  minimum: 1,
  maximum: MAX_CONCURRENT_CALLS,
  description: "Calls the org may have in progress at once, across every gateway.",
});

export const createOrgBody = t.Object(
  {
    name: orgName,
    max_concurrent_calls: t.Optional(maxConcurrentCalls),
    rates: t.Optional(rateOverridesBody),
  },
  STRICT,
);

export const updateOrgBody = t.Object(
  {
    name: t.Optional(orgName),
    max_concurrent_calls: t.Optional(maxConcurrentCalls),
    rates: t.Optional(rateOverridesBody),
    retention: t.Optional(retentionBody),
    redaction: t.Optional(redactionBody),
  },
  STRICT,
);

export const orgParams = t.Object({ org_id: t.String({ maxLength: 100 }) });

export const adminApiKeyBody = t.Object(
  {
    name: t.Optional(t.String({ minLength: 1, maxLength: 100 })),
    role: t.Optional(t.UnionEnum([...apiKeyRoles], { default: "owner", description: "Default owner." })),
    expires_at: t.Optional(t.Nullable(t.String({ format: "date-time" }))),
  },
  STRICT,
);

export const adminApiKeySchema = t.Composite([createdApiKeySchema, t.Object({ org_id: t.String() })]);

export const adjustmentBody = t.Object(
  {
    amount_cents: t.Integer({
      minimum: -MAX_ADJUSTMENT_CENTS,
      maximum: MAX_ADJUSTMENT_CENTS,
      description: "Positive: a grant. Negative: a correction, which may not take the balance below zero.",
    }),
    reason: t.String({
      minLength: 1,
      maxLength: 500,
      description: "Why; recorded as the ledger entry's description, which the tenant sees.",
    }),
  },
  STRICT,
);

export const adjustmentSchema = t.Object({
  transaction: transactionSchema,
  balance_cents: t.Integer(),
});

export type RateOverridesInput = typeof rateOverridesBody.static;
export type CreateOrgInput = typeof createOrgBody.static;
export type UpdateOrgInput = typeof updateOrgBody.static;
