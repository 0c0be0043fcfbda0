// Purchases of credits go through a payment provider. A card processor implements this
// interface and answers `pending` until its own webhook confirms the charge. Without one, the
// operator grants credits (POST /admin/orgs/{org_id}/credits) and a tenant's purchase is
// refused; only with SELF_SERVE_CREDITS (the embedded single-org default) does the
// self-hosted provider grant a purchase at once, for free.
import type { Config } from "@switchboard/shared/config";
import type { Database } from "../../db/client.ts";
import { StripeCheckout } from "../payments/stripe-checkout.ts";

export interface PaymentRequest {
  orgId: string;
  amountCents: number;
  /** Ours: the ledger reference the credits will be recorded under. */
  reference: string;
}

export type PaymentOutcome =
  | { status: "succeeded"; provider: string; providerReference: string }
  /** `checkoutUrl`: where the payer completes the payment (a card processor's hosted page). */
  | { status: "pending"; provider: string; providerReference: string; checkoutUrl?: string }
  | { status: "failed"; provider: string; reason: string };

export interface PaymentProvider {
  readonly name: string;
  charge(request: PaymentRequest): Promise<PaymentOutcome>;
}

class SelfHostedPaymentProvider implements PaymentProvider {
  readonly name = "self_hosted";

  async charge(request: PaymentRequest): Promise<PaymentOutcome> {
    return { status: "succeeded", provider: this.name, providerReference: request.reference };
  }
}

/** The provider purchases go through, or null when the tenant cannot buy credits. */
export function paymentProviderFor(
  config: Pick<Config, "selfServeCredits" | "payments" | "carriers">,
  db: Database,
): PaymentProvider | null {
  if (config.payments.provider === "stripe") return new StripeCheckout(config, db);
  return config.selfServeCredits ? new SelfHostedPaymentProvider() : null;
}
