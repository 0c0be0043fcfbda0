// Card purchases through Stripe Checkout: a purchase opens a Checkout Session for the amount and
// answers `pending` with its URL; the credits arrive only with Stripe's signed
// checkout.session.completed (stripe-webhook.ts). The session is recorded first, so the webhook
// credits exactly the amount and org we asked for, whatever the event says.
import type { Config } from "@switchboard/shared/config";
import { newId } from "@switchboard/shared/ids";
import type { Database } from "../../db/client.ts";
import { paymentSessions } from "../../db/schema.ts";
import type { PaymentOutcome, PaymentProvider, PaymentRequest } from "../credits/payments.ts";
import { savedCustomer } from "./auto-recharge.ts";
import { stripeClient } from "./stripe-client.ts";

export class StripeCheckout implements PaymentProvider {
  readonly name = "stripe";

  constructor(
    private readonly config: Pick<Config, "payments" | "carriers">,
    private readonly db: Database,
  ) {}

  async charge(request: PaymentRequest): Promise<PaymentOutcome> {
    const returnBase = this.config.carriers.publicUrl ?? "http://localhost";
    let session: { id: string; url: string | null };
    // The card paid with is kept on the org's customer, for auto-recharge (auto-recharge.ts).
    const customer = await savedCustomer(this.db, request.orgId);
    try {
      session = await stripeClient(this.config.payments).checkout.sessions.create(
        {
          mode: "payment",
          ...(customer ? { customer } : { customer_creation: "always" as const }),
          payment_intent_data: { setup_future_usage: "off_session" },
          client_reference_id: request.orgId,
          metadata: { org_id: request.orgId, reference: request.reference },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: "usd",
                unit_amount: request.amountCents,
                product_data: { name: "Switchboard credits" },
              },
            },
          ],
          success_url: `${returnBase}/?checkout=success`,
          cancel_url: `${returnBase}/?checkout=canceled`,
        },
        { idempotencyKey: request.reference },
      );
    } catch (error) {
      return { status: "failed", provider: this.name, reason: (error as Error).message };
    }
    await this.db.insert(paymentSessions).values({
      id: newId("pay"),
      orgId: request.orgId,
      provider: this.name,
      providerSessionId: session.id,
      amountCents: request.amountCents,
    });
    return {
      status: "pending",
      provider: this.name,
      providerReference: session.id,
      ...(session.url ? { checkoutUrl: session.url } : {}),
    };
  }
}
