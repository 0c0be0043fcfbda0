// Telnyx Messaging through the official SDK (POST /v2/messages), its baseURL set from
// TELNYX_BASE_URL.
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import Telnyx from "telnyx";
import type { OutboundSms, SendOutcome, SmsCarrierClient } from "./sms-carrier.ts";

const SEND_TIMEOUT_MS = 15_000;

export class TelnyxSms implements SmsCarrierClient {
  readonly name = "telnyx" as const;
  private readonly client: Telnyx | null;

  constructor(config: CarriersConfig) {
    this.client =
      config.telnyxApiKey === null
        ? null
        : new Telnyx({
            apiKey: config.telnyxApiKey,
            baseURL: config.telnyxBaseUrl,
            timeout: SEND_TIMEOUT_MS,
            maxRetries: 0,
          });
  }

  async send(sms: OutboundSms): Promise<SendOutcome> {
    if (this.client === null) {
      return { ok: false, code: "not_configured", message: "Telnyx is not configured.", retryable: false };
    }
    try {
      const response = await this.client.messages.send({
        from: sms.from,
        to: sms.to,
        text: sms.body,
        ...(sms.statusCallbackUrl !== null ? { webhook_url: sms.statusCallbackUrl } : {}),
      });
      const id = response.data?.id;
      if (!id)
        return { ok: false, code: "no_id", message: "Telnyx returned no message id.", retryable: false };
      return { ok: true, carrierMessageId: id };
    } catch (error) {
      if (error instanceof Telnyx.APIError) {
        const first = (error.error as { errors?: Array<{ code?: string; title?: string }> } | undefined)
          ?.errors?.[0];
        const status = error.status ?? 0;
        return {
          ok: false,
          code: first?.code ?? String(status),
          message: first?.title ?? error.message,
          retryable: status === 0 || status >= 500 || status === 429,
        };
      }
      return { ok: false, code: "unreachable", message: (error as Error).message, retryable: true };
    }
  }
}
