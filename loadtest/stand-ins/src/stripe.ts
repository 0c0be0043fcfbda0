// The Stripe stand-in: Checkout Sessions (POST /v1/checkout/sessions, form-encoded, Bearer
// secret key) and the events Stripe sends, signed as Stripe signs them (Stripe-Signature,
// carrier-signing.ts): checkout.session.completed, charge.refunded, charge.dispute.created.
import { randomBytes } from "node:crypto";
import { stripeSignature, unixSeconds } from "./carrier-signing.ts";
import { StripeIntents } from "./stripe-intents.ts";

export interface StripeSession {
  id: string;
  object: "checkout.session";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  mode: string;
  payment_intent: string | null;
  /** The customer given, or one created (`customer_creation=always`); the paid card is saved on it. */
  customer: string | null;
  payment_status: "unpaid" | "paid";
  status: "open" | "complete";
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
}

export interface StripeStandIn {
  /** For STRIPE_BASE_URL. */
  url: string;
  secretKey: string;
  /** For STRIPE_WEBHOOK_SECRET. */
  webhookSecret: string;
  sessions: Map<string, StripeSession>;
  /** PaymentIntents: the sessions' and off-session charges of their saved cards. */
  intents: StripeIntents;
  /** checkout.session.completed for a session (paid), signed. Send it as often as you like. */
  completed(sessionId: string): SignedStripeEvent;
  /** charge.refunded for a completed session's charge, `amountRefunded` in total so far. */
  refunded(sessionId: string, amountRefunded: number): SignedStripeEvent;
  disputed(sessionId: string, amount: number): SignedStripeEvent;
  stop(): Promise<void>;
}

export interface SignedStripeEvent {
  eventId: string;
  payload: string;
  /** A POST of the event to `url`, signed now (or with the given header). */
  request(url: string, overrides?: { signature?: string | null; payload?: string }): Request;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

function stripeError(status: number, message: string, type = "invalid_request_error"): Response {
  return Response.json({ error: { type, message } }, { status });
}

export function startStripeStandIn(
  options: { secretKey?: string; webhookSecret?: string } = {},
): StripeStandIn {
  const secretKey = options.secretKey ?? `sk_test_${randomBytes(12).toString("hex")}`;
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString("base64url")}`;
  const sessions = new Map<string, StripeSession>();
  const charges = new Map<string, string>();
  const intents = new StripeIntents();
  let base = "";

  function event(type: string, object: object): SignedStripeEvent {
    const eventId = id("evt");
    const payload = JSON.stringify(
      {
        id: eventId,
        object: "event",
        api_version: "2025-10-29.clover",
        created: unixSeconds(),
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      },
      null,
      2,
    );
    return {
      eventId,
      payload,
      request(url, overrides = {}) {
        const body = overrides.payload ?? payload;
        const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
        const signature =
          overrides.signature === undefined
            ? stripeSignature(webhookSecret, unixSeconds(), body)
            : overrides.signature;
        if (signature !== null) headers["stripe-signature"] = signature;
        return new Request(url, { method: "POST", headers, body });
      },
    };
  }

  function sessionOf(sessionId: string): StripeSession {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no such checkout session ${sessionId}`);
    return session;
  }

  function charge(session: StripeSession, amountRefunded: number) {
    let chargeId = charges.get(session.id);
    if (!chargeId) {
      chargeId = id("ch");
      charges.set(session.id, chargeId);
    }
    return {
      id: chargeId,
      object: "charge",
      amount: session.amount_total,
      amount_refunded: amountRefunded,
      currency: session.currency,
      payment_intent: session.payment_intent,
      refunded: amountRefunded >= session.amount_total,
      status: "succeeded",
    };
  }

  async function createSession(request: Request): Promise<Response> {
    if (request.headers.get("authorization") !== `Bearer ${secretKey}`) {
      return stripeError(401, "Invalid API Key provided", "invalid_request_error");
    }
    const form = new URLSearchParams(await request.text());
    const unitAmount = Number(form.get("line_items[0][price_data][unit_amount]"));
    const quantity = Number(form.get("line_items[0][quantity]") ?? "1");
    if (!Number.isInteger(unitAmount) || unitAmount < 50) {
      return stripeError(400, "Missing or invalid line_items[0][price_data][unit_amount].");
    }
    const metadata: Record<string, string> = {};
    for (const [key, value] of form) {
      const match = /^metadata\[(.+)\]$/.exec(key);
      if (match) metadata[match[1]!] = value;
    }
    const sessionId = id("cs_test");
    const session: StripeSession = {
      id: sessionId,
      object: "checkout.session",
      amount_total: unitAmount * quantity,
      currency: form.get("line_items[0][price_data][currency]") ?? "usd",
      client_reference_id: form.get("client_reference_id"),
      metadata,
      mode: form.get("mode") ?? "payment",
      payment_intent: null,
      customer: form.get("customer") ?? (form.get("customer_creation") === "always" ? id("cus") : null),
      payment_status: "unpaid",
      status: "open",
      success_url: form.get("success_url"),
      cancel_url: form.get("cancel_url"),
      url: `${base}/c/pay/${sessionId}`,
    };
    sessions.set(sessionId, session);
    return Response.json(session);
  }

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === "/v1/checkout/sessions" && request.method === "POST") return createSession(request);
      if (request.headers.get("authorization") !== `Bearer ${secretKey}`)
        return stripeError(401, "Invalid API Key provided");
      if (pathname === "/v1/payment_intents" && request.method === "POST") return intents.create(request);
      const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(pathname);
      if (intent && request.method === "GET") return intents.retrieve(intent[1]!);
      return stripeError(404, `Unrecognized request URL (${request.method}: ${pathname}).`);
    },
  });
  base = `http://127.0.0.1:${server.port}`;

  return {
    url: base,
    secretKey,
    webhookSecret,
    sessions,
    intents,
    completed(sessionId) {
      const session = sessionOf(sessionId);
      session.status = "complete";
      session.payment_status = "paid";
      session.payment_intent ??= session.customer
        ? intents.forSession(session.amount_total, session.currency, session.customer).id
        : id("pi");
      session.url = null;
      return event("checkout.session.completed", { ...session });
    },
    refunded(sessionId, amountRefunded) {
      return event("charge.refunded", charge(sessionOf(sessionId), amountRefunded));
    },
    disputed(sessionId, amount) {
      const session = sessionOf(sessionId);
      return event("charge.dispute.created", {
        id: id("dp"),
        object: "dispute",
        amount,
        currency: session.currency,
        charge: charge(session, 0).id,
        payment_intent: session.payment_intent,
        reason: "fraudulent",
        status: "needs_response",
      });
    },
    stop: () => server.stop(true),
  };
}
