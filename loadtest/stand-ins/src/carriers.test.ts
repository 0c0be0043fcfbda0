// The carrier and payment stand-ins sign their callbacks exactly as the real services do, and
// answer their REST calls in the documented shapes.
import { afterAll, expect, test } from "bun:test";
import { createHmac, createPublicKey, verify } from "node:crypto";
import { twilioSignature } from "./carrier-signing.ts";
import { startStripeStandIn } from "./stripe.ts";
import { startTelnyxStandIn } from "./telnyx.ts";
import { startTwilioStandIn } from "./twilio.ts";

const twilio = startTwilioStandIn();
const telnyx = startTelnyxStandIn();
const stripe = startStripeStandIn();
afterAll(() => Promise.all([twilio.stop(), telnyx.stop(), stripe.stop()]));

test("Twilio's signature matches the worked example of Twilio's request-validation guide", () => {
  const signature = twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", {
    CallSid: "CA1234567890ABCDE",
    Caller: "+14158675310",
    Digits: "1234",
    From: "+14158675310",
    To: "+18005551212",
  });
  expect(signature).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
});

test("Twilio Messages API: Basic auth, 201 with a SM sid, then signed sent and delivered callbacks", async () => {
  const callbacks: Array<{ signature: string | null; params: Record<string, string> }> = [];
  const { promise: bothArrived, resolve } = Promise.withResolvers<void>();
  const receiver = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const params = Object.fromEntries(new URLSearchParams(await request.text()));
      callbacks.push({ signature: request.headers.get("x-twilio-signature"), params });
      if (callbacks.length === 2) resolve();
      return new Response("");
    },
  });
  try {
    const callbackUrl = `http://127.0.0.1:${receiver.port}/status`;
    const send = (authorization: string) =>
      fetch(`${twilio.url}/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`, {
        method: "POST",
        headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          To: "+14155550100",
          From: "+14155550199",
          Body: "hi",
          StatusCallback: callbackUrl,
        }),
      });
    expect((await send("Basic bm9ib2R5Om5vdGhpbmc=")).status).toBe(401);
    const response = await send(`Basic ${btoa(`${twilio.accountSid}:${twilio.authToken}`)}`);
    expect(response.status).toBe(201);
    const message = (await response.json()) as { sid: string; status: string };
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe("queued");
    await bothArrived;
    expect(callbacks.map((c) => c.params.MessageStatus)).toEqual(["sent", "delivered"]);
    for (const callback of callbacks) {
      expect(callback.params.MessageSid).toBe(message.sid);
      expect(callback.signature).toBe(twilioSignature(twilio.authToken, callbackUrl, callback.params));
    }
  } finally {
    receiver.stop(true);
  }
});

test("Telnyx events verify with the account's public key over `timestamp|body`", async () => {
  const event = telnyx.inboundSms("http://127.0.0.1:1/hook", {
    from: "+14155550100",
    to: "+14155550199",
    text: "hi",
  });
  const raw = Buffer.from(telnyx.publicKey, "base64");
  expect(raw.length).toBe(32);
  const key = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
    format: "jwk",
  });
  const signed = Buffer.from(`${event.timestampS}|${event.body}`);
  expect(verify(null, signed, key, Buffer.from(event.signature, "base64"))).toBe(true);
  expect(
    verify(
      null,
      Buffer.from(`${event.timestampS + 1}|${event.body}`),
      key,
      Buffer.from(event.signature, "base64"),
    ),
  ).toBe(false);
  const parsed = JSON.parse(event.body);
  expect(parsed.data.event_type).toBe("message.received");
  expect(parsed.data.payload.text).toBe("hi");
  const send = await fetch(`${telnyx.url}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${telnyx.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ from: "+14155550199", to: "+14155550100", text: "hello" }),
  });
  expect(send.status).toBe(200);
  expect(((await send.json()) as { data: { to: Array<{ status: string }> } }).data.to[0]!.status).toBe(
    "queued",
  );
});

test("Stripe: a Checkout Session, then a checkout.session.completed signed t=,v1=", async () => {
  const response = await fetch(`${stripe.url}/v1/checkout/sessions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${stripe.secretKey}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      mode: "payment",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "1000",
      "line_items[0][price_data][product_data][name]": "Credits",
      "line_items[0][quantity]": "1",
      "metadata[org_id]": "org_1",
    }),
  });
  const session = (await response.json()) as { id: string; url: string; amount_total: number };
  expect(session.id).toStartWith("cs_test_");
  expect(session.amount_total).toBe(1000);
  const request = stripe.completed(session.id).request("http://127.0.0.1:1/hook");
  const header = request.headers.get("stripe-signature")!;
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)!;
  const body = await request.text();
  expect(createHmac("sha256", stripe.webhookSecret).update(`${t}.${body}`).digest("hex")).toBe(v1!);
  expect(JSON.parse(body).data.object.payment_status).toBe("paid");
});
