// The Stripe stand-in's PaymentIntents: the one a completed Checkout Session created (its card
// saved on the session's customer with setup_future_usage) and off-session charges of that card
// (POST /v1/payment_intents with customer, payment_method, off_session and confirm), replayed
// for a repeated Idempotency-Key as Stripe does. A scripted decline answers 402 card_error.
import { randomBytes } from "node:crypto";

export interface StripeIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  currency: string;
  customer: string | null;
  payment_method: string | null;
  status: "succeeded" | "requires_payment_method";
  off_session: boolean;
  metadata: Record<string, string>;
}

export interface StripeDecline {
  code: string;
  decline_code?: string;
  message: string;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

export class StripeIntents {
  readonly byId = new Map<string, StripeIntent>();
  /** Off-session charges created, oldest first (idempotent replays not repeated). */
  readonly offSession: StripeIntent[] = [];
  private readonly replies = new Map<string, { status: number; body: unknown }>();
  private readonly declines: StripeDecline[] = [];

  /** The next off-session charge is declined with this card error. */
  failNext(decline: StripeDecline): void {
    this.declines.push(decline);
  }

  /** The PaymentIntent of a completed session: paid with a card saved on `customer`. */
  forSession(amount: number, currency: string, customer: string): StripeIntent {
    const intent: StripeIntent = {
      id: id("pi"),
      object: "payment_intent",
      amount,
      currency,
      customer,
      payment_method: id("pm"),
      status: "succeeded",
      off_session: false,
      metadata: {},
    };
    this.byId.set(intent.id, intent);
    return intent;
  }

  retrieve(intentId: string): Response {
    const intent = this.byId.get(intentId);
    if (!intent) return error(404, "invalid_request_error", `No such payment_intent: '${intentId}'`);
    return Response.json(intent);
  }

  async create(request: Request): Promise<Response> {
    const key = request.headers.get("idempotency-key");
    const replay = key ? this.replies.get(key) : undefined;
    if (replay) return Response.json(replay.body, { status: replay.status });
    const form = new URLSearchParams(await request.text());
    const amount = Number(form.get("amount"));
    const customer = form.get("customer");
    const paymentMethod = form.get("payment_method");
    let reply: { status: number; body: unknown };
    const saved = [...this.byId.values()].some(
      (intent) => intent.customer === customer && intent.payment_method === paymentMethod,
    );
    if (!Number.isInteger(amount) || amount < 50) {
      reply = errorBody(400, "invalid_request_error", "Missing or invalid amount.");
    } else if (!customer || !paymentMethod || !saved) {
      reply = errorBody(400, "invalid_request_error", "No such payment_method attached to the customer.");
    } else {
      const metadata: Record<string, string> = {};
      for (const [name, value] of form) {
        const match = /^metadata\[(.+)\]$/.exec(name);
        if (match) metadata[match[1]!] = value;
      }
      const decline = this.declines.shift();
      const intent: StripeIntent = {
        id: id("pi"),
        object: "payment_intent",
        amount,
        currency: form.get("currency") ?? "usd",
        customer,
        payment_method: paymentMethod,
        status: decline ? "requires_payment_method" : "succeeded",
        off_session: form.get("off_session") === "true",
        metadata,
      };
      this.byId.set(intent.id, intent);
      this.offSession.push(intent);
      reply = decline
        ? {
            status: 402,
            body: { error: { type: "card_error", ...decline, payment_intent: intent } },
          }
        : { status: 200, body: intent };
    }
    if (key) this.replies.set(key, reply);
    return Response.json(reply.body, { status: reply.status });
  }
}

function errorBody(status: number, type: string, message: string) {
  return { status, body: { error: { type, message } } };
}

function error(status: number, type: string, message: string): Response {
  const { body } = errorBody(status, type, message);
  return Response.json(body, { status });
}
