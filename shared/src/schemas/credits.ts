// Credits, written once: the API's schemas and the ledger's kind column derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { DateTime, Nullable, STRICT, StringEnum } from "./kit.ts";

export const LEDGER_KINDS = [
  "purchase",
  "number_purchase",
  "number_renewal",
  "call_usage",
  "sms_usage",
  "adjustment",
  "refund",
  /** The operator added credits (POST /admin/orgs/{org_id}/credits); the reason is the description. */
  "grant",
  /** The operator took credits back; never below a zero balance. */
  "correction",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

const MIN_PURCHASE_CENTS = 100;
const MAX_PURCHASE_CENTS = 10_000_000;

export const BalanceSchema = Type.Object({
  balance_cents: Type.Integer(),
  currency: Type.Literal("usd"),
  low_balance_threshold_cents: Type.Integer(),
  rates: Type.Object(
    {
      number_monthly_cents: Type.Integer(),
      outbound_cents_per_minute: Type.Integer(),
      inbound_cents_per_minute: Type.Integer(),
      web_cents_per_minute: Type.Integer(),
    },
    { description: "What the org pays: its own rates where the operator set them, else the platform's." },
  ),
});

export const TransactionSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(LEDGER_KINDS),
  amount_cents: Type.Integer({ description: "Signed: credits are positive, spending negative." }),
  balance_after_cents: Type.Integer(),
  reference: Nullable(Type.String()),
  description: Nullable(Type.String()),
  created_at: DateTime(),
});

/** POST /credits/purchase. */
export const PurchaseBodySchema = Type.Object(
  {
    amount_cents: Type.Integer({
      minimum: MIN_PURCHASE_CENTS,
      maximum: MAX_PURCHASE_CENTS,
      description: "Credits to buy, in cents ($1.00 to $100,000.00).",
    }),
  },
  STRICT,
);

export const PurchaseSchema = Type.Object({
  status: StringEnum(["succeeded", "pending"]),
  provider: Type.String(),
  transaction: Nullable(TransactionSchema),
  balance_cents: Type.Integer(),
  checkout_url: Nullable(
    Type.String({
      description:
        "Where to pay, when the payment provider takes the card on its own page (Stripe Checkout).",
    }),
  ),
});

export const CreditSettingsSchema = Type.Object({
  low_balance_threshold_cents: Type.Integer({
    description: "A `credits.low` webhook is sent when the balance falls below this.",
  }),
});

/** PATCH /credits/settings. */
export const CreditSettingsBodySchema = Type.Object(
  {
    low_balance_threshold_cents: Nullable(
      Type.Integer({ minimum: 0, maximum: 100_000_000, description: "null restores the platform default." }),
    ),
  },
  STRICT,
);

export type Balance = Static<typeof BalanceSchema>;
export type Transaction = Static<typeof TransactionSchema>;
export type PurchaseBody = Static<typeof PurchaseBodySchema>;
export type Purchase = Static<typeof PurchaseSchema>;
export type CreditSettingsBody = Static<typeof CreditSettingsBodySchema>;
