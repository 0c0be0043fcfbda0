import { ratesView } from "@switchboard/shared/rates";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { orgRates } from "../orgs/service.ts";
import { getBalanceCents } from "./ledger.ts";
import {
  balanceSchema,
  purchaseBody,
  purchaseSchema,
  settingsBody,
  settingsSchema,
  transactionSchema,
} from "./model.ts";
import { type PaymentProvider, paymentProviderFor } from "./payments.ts";
import {
  getThresholdCents,
  listTransactions,
  presentTransaction,
  purchaseCredits,
  requireBillingRole,
  setThresholdCents,
} from "./service.ts";

export function creditsModule(
  ctx: ControlContext,
  payments: PaymentProvider | null = paymentProviderFor(ctx.config, ctx.db),
) {
  return new Elysia({ prefix: "/credits", detail: { tags: ["Credits"] } })
    .get(
      "/balance",
      async ({ request }) => {
        const { orgId } = requestAuth(request);
        return {
          balance_cents: await getBalanceCents(ctx.db, orgId),
          currency: "usd" as const,
          low_balance_threshold_cents: await getThresholdCents(ctx, orgId),
          rates: ratesView(await orgRates(ctx.db, ctx.config, orgId)),
        };
      },
      {
        response: balanceSchema,
        detail: {
          operationId: "getCreditBalance",
          summary: "Get the credit balance and rates",
          description: "The balance in cents, the low-balance threshold and the rates the org pays.",
        },
      },
    )
    .get(
      "/transactions",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(
          await listTransactions(ctx.db, requestAuth(request).orgId, page),
          page,
          presentTransaction,
        );
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(transactionSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listCreditTransactions",
          summary: "List ledger entries, newest first",
          description:
            "Purchases, grants, corrections, call and number charges, each with the balance after it.",
        },
      },
    )
    .post(
      "/purchase",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        requireBillingRole(auth.role);
        const result = await purchaseCredits(ctx, payments, auth.orgId, body.amount_cents);
        set.status = result.status === "succeeded" ? 201 : 202;
        return {
          status: result.status,
          provider: result.provider,
          transaction: result.entry ? presentTransaction(result.entry) : null,
          balance_cents: result.balanceCents,
          checkout_url: result.checkoutUrl,
        };
      },
      {
        body: purchaseBody,
        response: { 201: purchaseSchema, 202: purchaseSchema },
        detail: {
          operationId: "purchaseCredits",
          summary: "Buy credits",
          description:
            "Owner or admin, through the platform's payment provider. Send `Idempotency-Key` so a retried " +
            "purchase is not charged twice. Without a payment provider the operator grants credits instead, " +
            "and a purchase is a 402 `payment_provider_not_configured`. With Stripe (PAYMENT_PROVIDER=stripe) the " +
            "answer is 202 `pending` with a Checkout `checkout_url`; the credits arrive when Stripe reports the " +
            "payment completed.",
          ...problems("payment_provider_not_configured", "payment_failed"),
        },
      },
    )
    .get(
      "/settings",
      async ({ request }) => ({
        low_balance_threshold_cents: await getThresholdCents(ctx, requestAuth(request).orgId),
      }),
      {
        response: settingsSchema,
        detail: {
          operationId: "getCreditSettings",
          summary: "Get credit settings",
          description: "The balance below which a `credits.low` webhook event is sent.",
        },
      },
    )
    .patch(
      "/settings",
      async ({ request, body }) => {
        const auth = requestAuth(request);
        requireBillingRole(auth.role);
        return {
          low_balance_threshold_cents: await setThresholdCents(
            ctx,
            auth.orgId,
            body.low_balance_threshold_cents,
          ),
        };
      },
      {
        body: settingsBody,
        response: settingsSchema,
        detail: {
          operationId: "updateCreditSettings",
          summary: "Set the low-balance threshold",
          description: "Owner or admin. A `credits.low` event is sent when the balance falls below it.",
        },
      },
    );
}
