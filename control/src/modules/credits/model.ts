import { t } from "elysia";
import { LEDGER_KINDS } from "./ledger.ts";

const MIN_PURCHASE_CENTS = 100;
const MAX_PURCHASE_CENTS = 10_000_000;

export const balanceSchema = t.Object({
  balance_cents: t.Integer(),
  currency: t.Literal("usd"),
  low_balance_threshold_cents: t.Integer(),
  rates: t.Object(
    {
      number_monthly_cents: t.Integer(),
      outbound_cents_per_minute: t.Integer(),
      inbound_cents_per_minute: t.Integer(),
      web_cents_per_minute: t.Integer(),
    },
    { description: "What the org pays: its own rates where the operator set them, else the platform's." },
  ),
});

export const transactionSchema = t.Object({
  id: t.String(),
  kind: t.UnionEnum([...LEDGER_KINDS]),
  amount_cents: t.Integer({ description: "Signed: credits are positive, spending negative." }),
  balance_after_cents: t.Integer(),
  reference: t.Nullable(t.String()),
  description: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
});

export const purchaseBody = t.Object({
  amount_cents: t.Integer({
    minimum: MIN_PURCHASE_CENTS,
    maximum: MAX_PURCHASE_CENTS,
    description: "Credits to buy, in cents ($1.00 to $100,000.00).",
  }),
});

export const purchaseSchema = t.Object({
  status: t.UnionEnum(["succeeded", "pending"]),
  provider: t.String(),
  transaction: t.Nullable(transactionSchema),
  balance_cents: t.Integer(),
});

export const settingsSchema = t.Object({
  low_balance_threshold_cents: t.Integer({
    description: "A `credits.low` webhook is sent when the balance falls below this.",
  }),
});

export const settingsBody = t.Object({
  low_balance_threshold_cents: t.Nullable(
    t.Integer({ minimum: 0, maximum: 100_000_000, description: "null restores the platform default." }),
  ),
});

export type TransactionResponse = typeof transactionSchema.static;
