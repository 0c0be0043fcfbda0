// The Twilio stand-in: the Programmable Messaging REST API (2010-04-01) with HTTP Basic auth
// (Account SID : Auth Token), and the callbacks Twilio sends, signed as Twilio signs them
// (X-Twilio-Signature, carrier-signing.ts): status callbacks to a sent message's StatusCallback
// (sent, then delivered, or the scripted failure) and inbound messages to a number's SMS URL.
import { randomBytes } from "node:crypto";
import { twilioSignature } from "./carrier-signing.ts";
import { type TwilioNumbers, twilioNumbers } from "./twilio-numbers.ts";

export interface TwilioSentMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  statusCallback: string | null;
}

export interface TwilioStandInOptions {
  accountSid?: string;
  authToken?: string;
}

export interface TwilioStandIn {
  /** For TWILIO_BASE_URL. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Messages accepted by the Messages API, oldest first. */
  sent: TwilioSentMessage[];
  /** Phone numbers for sale, bought and released (twilio-numbers.ts). */
  numbers: TwilioNumbers;
  /** The next send answers this Twilio error (e.g. 21610: the recipient unsubscribed). */
  failNextSend(error: { status: number; code: number; message: string }): void;
  /** The final status callback of the next messages: `delivered` unless set (`undelivered`, `failed`). */
  nextFinalStatus: string[];
  /** A signed inbound message, as Twilio posts it to the number's SMS URL. */
  inboundSms(url: string, message: { from: string; to: string; body: string; sid?: string }): SignedForm;
  /** A signed status callback for one of `sent`. */
  statusCallback(url: string, message: TwilioSentMessage, status: string): SignedForm;
  stop(): Promise<void>;
}

/** An application/x-www-form-urlencoded POST and its signature; `request()` makes it sendable. */
export interface SignedForm {
  url: string;
  params: Record<string, string>;
  signature: string;
  request(overrides?: { signature?: string | null; params?: Record<string, string> }): Request;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

function sid(prefix: string): string {
  return prefix + randomBytes(16).toString("hex");
}

function formRequest(url: string, params: Record<string, string>, signature: string | null): Request {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (signature !== null) headers["x-twilio-signature"] = signature;
  return new Request(url, { method: "POST", headers, body: new URLSearchParams(params).toString() });
}

function signedForm(authToken: string, url: string, params: Record<string, string>): SignedForm {
  const signature = twilioSignature(authToken, url, params);
  return {
    url,
    params,
    signature,
    request: (overrides = {}) =>
      formRequest(
        url,
        overrides.params ?? params,
        overrides.signature === undefined ? signature : overrides.signature,
      ),
  };
}

function twilioError(status: number, code: number, message: string): Response {
  return Response.json(
    { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    { status },
  );
}

export function startTwilioStandIn(options: TwilioStandInOptions = {}): TwilioStandIn {
  const accountSid = options.accountSid ?? sid("AC");
  const authToken = options.authToken ?? randomBytes(16).toString("hex");
  const sent: TwilioSentMessage[] = [];
  const failures: Array<{ status: number; code: number; message: string }> = [];
  const nextFinalStatus: string[] = [];

  const statusCallback = (url: string, message: TwilioSentMessage, status: string) =>
    signedForm(authToken, url, {
      AccountSid: accountSid,
      ApiVersion: "2010-04-01",
      From: message.from,
      MessageSid: message.sid,
      MessageStatus: status,
      SmsSid: message.sid,
      SmsStatus: status,
      To: message.to,
      ...(status === "undelivered" || status === "failed" ? { ErrorCode: "30003" } : {}),
    });

  async function reportStatus(message: TwilioSentMessage): Promise<void> {
    if (message.statusCallback === null) return;
    const final = nextFinalStatus.shift() ?? "delivered";
    for (const status of ["sent", final]) {
      await fetch(statusCallback(message.statusCallback, message, status).request()).catch(() => {});
    }
  }

  const numbers = twilioNumbers(accountSid, twilioError);
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  async function createMessage(request: Request, account: string): Promise<Response> {
    if (account !== accountSid || request.headers.get("authorization") !== expectedAuth) {
      return twilioError(401, 20003, "Authenticate");
    }
    const form = new URLSearchParams(await request.text());
    const failure = failures.shift();
    if (failure) return twilioError(failure.status, failure.code, failure.message);
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? "";
    const body = form.get("Body") ?? "";
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    }
    if (!from) return twilioError(400, 21603, "The 'From' phone number is required.");
    const message: TwilioSentMessage = {
      sid: sid("SM"),
      from,
      to,
      body,
      statusCallback: form.get("StatusCallback"),
    };
    sent.push(message);
    setTimeout(() => void reportStatus(message), 0);
    const now = new Date().toUTCString();
    return Response.json(
      {
        sid: message.sid,
        account_sid: accountSid,
        from,
        to,
        body,
        status: "queued",
        direction: "outbound-api",
        num_segments: "1",
        num_media: "0",
        api_version: "2010-04-01",
        date_created: now,
        date_updated: now,
        date_sent: null,
        error_code: null,
        error_message: null,
        price: null,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
      },
      { status: 201 },
    );
  }

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      const messages = MESSAGES_PATH.exec(pathname);
      if (messages && request.method === "POST") return createMessage(request, messages[1]!);
      if (pathname.startsWith(`/2010-04-01/Accounts/${accountSid}/`)) {
        if (request.headers.get("authorization") !== expectedAuth)
          return twilioError(401, 20003, "Authenticate");
        const answer = numbers.handle(request);
        if (answer) return answer;
      }
      return twilioError(404, 20404, "The requested resource was not found");
    },
  });

  return {
    url: `http://127.0.0.1:${server.port}`,
    accountSid,
    authToken,
    sent,
    numbers,
    nextFinalStatus,
    failNextSend: (error) => failures.push(error),
    inboundSms(url, message) {
      const messageSid = message.sid ?? sid("SM");
      return signedForm(authToken, url, {
        AccountSid: accountSid,
        ApiVersion: "2010-04-01",
        Body: message.body,
        From: message.from,
        MessageSid: messageSid,
        NumMedia: "0",
        NumSegments: "1",
        SmsMessageSid: messageSid,
        SmsSid: messageSid,
        SmsStatus: "received",
        To: message.to,
      });
    },
    statusCallback,
    stop: () => server.stop(true),
  };
}
