// Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form
// encoded, HTTP Basic auth with the Account SID and Auth Token. The `twilio` SDK has no base URL
// setting for TWILIO_BASE_URL, so this is its documented REST call with fetch.
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import type { OutboundSms, SendOutcome, SmsCarrierClient } from "./sms-carrier.ts";

const SEND_TIMEOUT_MS = 15_000;

export class TwilioSms implements SmsCarrierClient {
  readonly name = "twilio" as const;

  constructor(private readonly config: CarriersConfig) {}

  async send(sms: OutboundSms): Promise<SendOutcome> {
    const { twilioAccountSid: sid, twilioAuthToken: token, twilioBaseUrl } = this.config;
    if (sid === null || token === null) {
      return { ok: false, code: "not_configured", message: "Twilio is not configured.", retryable: false };
    }
    const form = new URLSearchParams({ To: sms.to, From: sms.from, Body: sms.body });
    if (sms.statusCallbackUrl !== null) form.set("StatusCallback", sms.statusCallbackUrl);
    let response: Response;
    try {
      response = await fetch(
        `${twilioBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`,
        {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: form,
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        },
      );
    } catch (error) {
      return { ok: false, code: "unreachable", message: (error as Error).message, retryable: true };
    }
    const body = (await response.json().catch(() => ({}))) as {
      sid?: string;
      code?: number;
      message?: string;
    };
    if (response.ok && typeof body.sid === "string") return { ok: true, carrierMessageId: body.sid };
    return {
      ok: false,
      code: String(body.code ?? response.status),
      message: body.message ?? `Twilio answered ${response.status}`,
      retryable: response.status >= 500 || response.status === 429,
    };
  }
}
