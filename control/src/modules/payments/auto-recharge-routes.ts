// `/credits/auto-recharge`: the org's auto-recharge settings (docs/PAYMENTS.md).
import { ApiError } from "@switchboard/shared/errors";
import { eq } from "drizzle-orm";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { autoRecharges } from "../../db/schema.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { requireBillingRole } from "../credits/service.ts";
import type { AutoRechargeRow } from "./auto-recharge.ts";

const settingsSchema = t.Object({
  enabled: t.Boolean(),
  threshold_cents: t.Integer({ description: "A debit taking the balance below this buys credits." }),
  amount_cents: t.Integer({ description: "Credits bought each time." }),
  card_saved: t.Boolean({
    description: "A card was saved at a Checkout purchase (POST /credits/purchase with Stripe).",
  }),
  last_error: t.Nullable(
    t.String({ description: "Why the last charge failed (auto-recharge was turned off)." }),
  ),
});

const settingsBody = t.Object(
  {
    enabled: t.Boolean(),
    threshold_cents: t.Integer({ minimum: 0, maximum: 10_000_000 }),
    amount_cents: t.Integer({ minimum: 100, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
);

function present(row: AutoRechargeRow | undefined) {
  return {
    enabled: row?.enabled ?? false,
    threshold_cents: row?.thresholdCents ?? 0,
    amount_cents: row?.amountCents ?? 0,
    card_saved: Boolean(row?.stripePaymentMethodId),
    last_error: row?.lastError ?? null,
  };
}

export function autoRechargeModule(ctx: ControlContext) {
  const rowOf = async (orgId: string) =>
    (await ctx.db.select().from(autoRecharges).where(eq(autoRecharges.orgId, orgId)))[0];
  return new Elysia({ prefix: "/credits/auto-recharge", detail: { tags: ["Credits"] } })
    .get("", async ({ request }) => present(await rowOf(requestAuth(request).orgId)), {
      response: settingsSchema,
      detail: {
        operationId: "getAutoRecharge",
        summary: "Get auto-recharge settings",
        description:
          "Whether credits are bought automatically when the balance runs low, and with which card.",
      },
    })
    .put(
      "",
      async ({ request, body }) => {
        const auth = requestAuth(request);
        requireBillingRole(auth.role);
        if (body.enabled && ctx.config.payments.provider !== "stripe") {
          throw new ApiError(
            402,
            "payment_provider_not_configured",
            "Auto-recharge needs a payment provider (PAYMENT_PROVIDER=stripe).",
          );
        }
        const existing = await rowOf(auth.orgId);
        if (body.enabled && !existing?.stripePaymentMethodId) {
          throw new ApiError(
            409,
            "conflict",
            "No card is saved yet: buy credits once with POST /credits/purchase and the card paid with is kept for auto-recharge.",
          );
        }
        const values = {
          enabled: body.enabled,
          thresholdCents: body.threshold_cents,
          amountCents: body.amount_cents,
          lastError: body.enabled ? null : (existing?.lastError ?? null),
          updatedAt: new Date(),
        };
        const [row] = await ctx.db
          .insert(autoRecharges)
          .values({ orgId: auth.orgId, ...values })
          .onConflictDoUpdate({ target: autoRecharges.orgId, set: values })
          .returning();
        return present(row);
      },
      {
        body: settingsBody,
        response: settingsSchema,
        detail: {
          operationId: "setAutoRecharge",
          summary: "Set auto-recharge",
          description:
            "Owner or admin. When enabled, a debit that takes the balance below `threshold_cents` charges the card saved at the last Checkout purchase for `amount_cents`, off-session, once per crossing. A declined charge turns it off and sends `credits.auto_recharge_failed`.",
          ...problems("payment_provider_not_configured", "conflict", "forbidden"),
        },
      },
    );
}
