import type { Rates } from "@switchboard/shared/rates";
import { effectiveRates, rateOverrides, ratesView } from "@switchboard/shared/rates";
import { t } from "elysia";
import { redactionOf, redactionSchema } from "../redaction/policy.ts";
import { retentionOf, retentionSchema } from "../retention/policy.ts";
import type { OrgRow } from "./service.ts";
import { signingSecretState } from "./signing-secret.ts";

const ratesSchema = t.Object({
  number_monthly_cents: t.Integer({ description: "Monthly price of one phone number." }),
  outbound_cents_per_minute: t.Integer(),
  inbound_cents_per_minute: t.Integer(),
  web_cents_per_minute: t.Integer({ description: "Browser (WebRTC) calls." }),
});

export const orgSchema = t.Object({
  id: t.String(),
  name: t.String(),
  max_concurrent_calls: t.Integer({ description: "Calls the org may have in progress at once." }),
  rates: t.Composite([ratesSchema], {
    description: "The prices that apply: the org's own where set, else the platform's defaults.",
  }),
  rate_overrides: t.Partial(ratesSchema, {
    description: "Only the prices set for this org by the operator.",
  }),
  balance_cents: t.Integer(),
  retention: retentionSchema,
  redaction: redactionSchema,
  signing_secret: t.Nullable(
    t.Object(
      {
        prefix: t.String(),
        previous_expires_at: t.Nullable(t.String({ format: "date-time" })),
      },
      {
        description:
          "The secret that signs requests to your custom LLM and HTTP tools (null until first used). " +
          "POST /org/signing-secret/rotate shows a new one once.",
      },
    ),
  ),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

export type OrgResponse = typeof orgSchema.static;

/** The org as both the operator and the tenant see it. */
export function presentOrg(row: OrgRow, defaults: Rates, balanceCents: number): OrgResponse {
  return {
    id: row.id,
    name: row.name,
    max_concurrent_calls: row.maxConcurrentCalls,
    rates: ratesView(effectiveRates(defaults, row.rates)),
    rate_overrides: rateOverrides(row.rates),
    balance_cents: balanceCents,
    retention: retentionOf(row.retention),
    redaction: redactionOf(row.redaction),
    signing_secret: signingSecretState(row),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
