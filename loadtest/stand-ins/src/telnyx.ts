// The Telnyx stand-in: the v2 Messaging API (POST /v2/messages, Bearer API key) and the API v2
// webhooks Telnyx sends, signed as Telnyx signs them (Ed25519 over `timestamp|body`,
// carrier-signing.ts): message.sent and message.finalized to a sent message's webhook_url, and
// message.received to a number's messaging profile URL.
import { randomBytes, randomUUID } from "node:crypto";
import { type Ed25519Keys, ed25519Keys, telnyxSignature, unixSeconds } from "./carrier-signing.ts";
import { type TelnyxNumbers, telnyxNumbers } from "./telnyx-numbers.ts";

export interface TelnyxSentMessage {
  id: string;
  from: string;
  to: string;
  text: string;
  webhookUrl: string | null;
}

export interface TelnyxStandIn {
  /** For TELNYX_BASE_URL (the SDK's baseURL, ending in /v2). */
  url: string;
  apiKey: string;
  /** For TELNYX_PUBLIC_KEY. */
  publicKey: string;
  sent: TelnyxSentMessage[];
  /** Phone numbers for sale, bought and released (telnyx-numbers.ts). */
  numbers: TelnyxNumbers;
  failNextSend(error: { status: number; code: string; title: string }): void;
  /** Final status of the next messages' message.finalized: `delivered` unless set. */
  nextFinalStatus: string[];
  /** A signed message.received event. */
  inboundSms(url: string, message: { from: string; to: string; text: string }, atMs?: number): SignedEvent;
  /** Completes (success) or fails a pending number order; its signed number_order.complete event. */
  orderEvent(url: string, orderId: string, status: "success" | "failure"): SignedEvent;
  /** A signed message.sent / message.finalized event for one of `sent`. */
  statusEvent(url: string, message: TelnyxSentMessage, status: string, atMs?: number): SignedEvent;
  stop(): Promise<void>;
}

export interface SignedEvent {
  url: string;
  eventId: string;
  body: string;
  timestampS: number;
  signature: string;
  request(overrides?: { signature?: string | null; timestampS?: number; body?: string }): Request;
}

function signedEvent(
  keys: Ed25519Keys,
  url: string,
  eventType: string,
  payload: object,
  atMs: number,
): SignedEvent {
  const eventId = randomUUID();
  const body = JSON.stringify({
    data: {
      event_type: eventType,
      id: eventId,
      occurred_at: new Date(atMs).toISOString(),
      payload,
      record_type: "event",
    },
    meta: { attempt: 1, delivered_to: url },
  });
  const timestampS = unixSeconds(atMs);
  const signature = telnyxSignature(keys.privateKey, timestampS, body);
  return {
    url,
    eventId,
    body,
    timestampS,
    signature,
    request(overrides = {}) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "telnyx-timestamp": String(overrides.timestampS ?? timestampS),
      };
      const sig = overrides.signature === undefined ? signature : overrides.signature;
      if (sig !== null) headers["telnyx-signature-ed25519"] = sig;
      return new Request(url, { method: "POST", headers, body: overrides.body ?? body });
    },
  };
}

function telnyxError(status: number, code: string, title: string, detail = title): Response {
  return Response.json({ errors: [{ code, title, detail }] }, { status });
}

function messagePayload(message: TelnyxSentMessage, direction: "inbound" | "outbound", status: string) {
  return {
    record_type: "message",
    id: message.id,
    direction,
    type: "SMS",
    from: { phone_number: message.from, carrier: "Telnyx", line_type: "Wireless" },
    to: [{ phone_number: message.to, status, carrier: "Telnyx", line_type: "Wireless" }],
    text: message.text,
    parts: 1,
    encoding: "GSM-7",
    errors: status === "delivery_failed" ? [{ code: "40300", title: "Blocked as spam" }] : [],
    messaging_profile_id: "40017f9c-0000-4000-8000-000000000000",
  };
}

export function startTelnyxStandIn(options: { apiKey?: string } = {}): TelnyxStandIn {
  const apiKey = options.apiKey ?? `KEY${randomBytes(16).toString("hex").toUpperCase()}`;
  const keys = ed25519Keys();
  const sent: TelnyxSentMessage[] = [];
  const failures: Array<{ status: number; code: string; title: string }> = [];
  const nextFinalStatus: string[] = [];

  const statusEvent = (url: string, message: TelnyxSentMessage, status: string, atMs = Date.now()) =>
    signedEvent(
      keys,
      url,
      status === "sent" ? "message.sent" : "message.finalized",
      messagePayload(message, "outbound", status),
      atMs,
    );

  async function reportStatus(message: TelnyxSentMessage): Promise<void> {
    if (message.webhookUrl === null) return;
    const final = nextFinalStatus.shift() ?? "delivered";
    for (const status of ["sent", final]) {
      await fetch(statusEvent(message.webhookUrl, message, status).request()).catch(() => {});
    }
  }

  async function sendMessage(request: Request): Promise<Response> {
    if (request.headers.get("authorization") !== `Bearer ${apiKey}`) {
      return telnyxError(401, "10009", "Authentication failed");
    }
    let body: { from?: string; to?: string; text?: string; webhook_url?: string };
    try {
      body = await request.json();
    } catch {
      return telnyxError(400, "10015", "Invalid JSON");
    }
    const failure = failures.shift();
    if (failure) return telnyxError(failure.status, failure.code, failure.title);
    if (!body.to || !/^\+[1-9]\d{6,14}$/.test(body.to)) {
      return telnyxError(422, "40310", "Invalid 'to' address");
    }
    if (!body.from) return telnyxError(422, "40305", "Invalid 'from' address");
    const message: TelnyxSentMessage = {
      id: randomUUID(),
      from: body.from,
      to: body.to,
      text: body.text ?? "",
      webhookUrl: body.webhook_url ?? null,
    };
    sent.push(message);
    setTimeout(() => void reportStatus(message), 0);
    return Response.json({ data: messagePayload(message, "outbound", "queued") });
  }

  const numbers = telnyxNumbers(telnyxError);

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === "/v2/messages" && request.method === "POST") return sendMessage(request);
      if (request.headers.get("authorization") !== `Bearer ${apiKey}`) {
        return telnyxError(401, "10009", "Authentication failed");
      }
      const answer = numbers.handle(request);
      if (answer) return answer;
      return telnyxError(404, "10005", "Resource not found");
    },
  });

  return {
    url: `http://127.0.0.1:${server.port}/v2`,
    apiKey,
    publicKey: keys.publicKeyBase64,
    sent,
    numbers,
    nextFinalStatus,
    failNextSend: (error) => failures.push(error),
    inboundSms(url, message, atMs = Date.now()) {
      const inbound = {
        id: randomUUID(),
        from: message.from,
        to: message.to,
        text: message.text,
        webhookUrl: null,
      };
      return signedEvent(
        keys,
        url,
        "message.received",
        messagePayload(inbound, "inbound", "webhook_delivered"),
        atMs,
      );
    },
    statusEvent,
    orderEvent: (url, orderId, status) =>
      signedEvent(keys, url, "number_order.complete", numbers.finishOrder(orderId, status), Date.now()),
    stop: () => server.stop(true),
  };
}
