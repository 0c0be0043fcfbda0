// Purchases of credits go through a payment provider. The self-hosted provider grants them at
// once (the operator is the one paying); a card processor implements the same interface and
// answers `pending` until its own webhook confirms the charge.

export interface PaymentRequest {
  orgId: string;
  amountCents: number;
  /** Ours: the ledger reference the credits will be recorded under. */
  reference: string;
}

export type PaymentOutcome =
  | { status: "succeeded"; provider: string; providerReference: string }
  | { status: "pending"; provider: string; providerReference: string }
  | { status: "failed"; provider: string; reason: string };

export interface PaymentProvider {
  readonly name: string;
  charge(request: PaymentRequest): Promise<PaymentOutcome>;
}

export class SelfHostedPaymentProvider implements PaymentProvider {
  readonly name = "self_hosted";

  async charge(request: PaymentRequest): Promise<PaymentOutcome> {
    return { status: "succeeded", provider: this.name, providerReference: request.reference };
  }
}
