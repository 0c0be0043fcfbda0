// One interface for sending SMS, implemented per carrier (twilio-sms.ts, telnyx-sms.ts).
import type { Config } from "@switchboard/shared/config";
import type { SmsCarrier } from "@switchboard/shared/config-carriers";
import { ApiError } from "@switchboard/shared/errors";
import { TelnyxSms } from "./telnyx-sms.ts";
import { TwilioSms } from "./twilio-sms.ts";

export interface OutboundSms {
  from: string;
  to: string;
  body: string;
  /** Where the carrier reports delivery; null when PUBLIC_URL is unset. */
  statusCallbackUrl: string | null;
}

export type SendOutcome =
  | { ok: true; carrierMessageId: string }
  /** The carrier refused the message; `code` is the carrier's own error code. */
  | { ok: false; code: string; message: string; retryable: boolean };

export interface SmsCarrierClient {
  readonly name: SmsCarrier;
  send(sms: OutboundSms): Promise<SendOutcome>;
}

/** Callback paths below PUBLIC_URL, fixed by the API (docs/SMS.md). */
export const CALLBACK_PATHS = {
  twilioSms: "/api/v1/carriers/twilio/sms",
  twilioStatus: "/api/v1/carriers/twilio/status",
  telnyx: "/api/v1/carriers/telnyx/webhook",
} as const;

export function statusCallbackUrl(config: Pick<Config, "carriers">, carrier: SmsCarrier): string | null {
  const base = config.carriers.publicUrl;
  if (base === null) return null;
  return base + (carrier === "twilio" ? CALLBACK_PATHS.twilioStatus : CALLBACK_PATHS.telnyx);
}

/** The carrier that carries SMS for a number bought from `provider` (its own, else SMS_CARRIER). */
export function carrierFor(config: Pick<Config, "carriers">, provider: string): SmsCarrier {
  if (provider === "twilio" || provider === "telnyx") return provider;
  const carrier = config.carriers.smsCarrier;
  if (carrier === null) {
    throw new ApiError(
      422,
      "sms_not_available",
      "This number cannot send SMS: the platform has no SMS carrier (SMS_CARRIER) for numbers of its inventory.",
    );
  }
  return carrier;
}

const clients = new WeakMap<object, Map<SmsCarrier, SmsCarrierClient>>();

/** One client per carrier and configuration. */
export function smsClient(config: Pick<Config, "carriers">, carrier: SmsCarrier): SmsCarrierClient {
  let byCarrier = clients.get(config.carriers);
  if (!byCarrier) {
    byCarrier = new Map();
    clients.set(config.carriers, byCarrier);
  }
  let client = byCarrier.get(carrier);
  if (!client) {
    client = carrier === "twilio" ? new TwilioSms(config.carriers) : new TelnyxSms(config.carriers);
    byCarrier.set(carrier, client);
  }
  return client;
}
