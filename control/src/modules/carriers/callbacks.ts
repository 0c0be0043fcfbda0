// The carriers' callbacks: /api/v1/carriers/twilio/sms, /api/v1/carriers/twilio/status and
// /api/v1/carriers/telnyx/webhook. They carry no API key: each is trusted only when its
// carrier's signature verifies (signatures.ts) and refused with 403 when it does not, when it
// is stale, or when its message or event id was already taken (receipts.ts): then nothing
// happens. Twilio signs the URL it was given, so that is PUBLIC_URL plus the path and query.
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import { ApiError, problemResponse } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import { eq } from "drizzle-orm";
import type { ControlContext } from "../../context.ts";
import { phoneNumbers, type SmsStatus } from "../../db/schema.ts";
import { applyCarrierOrder, type CarrierOrder } from "../phone-numbers/carrier-orders.ts";
import { applyDeliveryStatus } from "../sms/service.ts";
import { type InboundResult, type InboundSms, receiveSms } from "./inbound-sms.ts";
import { orgCarriers } from "./org-carriers.ts";
import { claimCallback } from "./receipts.ts";
import { validTwilioSignature, verifyTelnyxSignature } from "./signatures.ts";
import { CALLBACK_PATHS } from "./sms-carrier.ts";

/** Called after an inbound message committed (the agent's reply, for one). */
export type InboundListener = (result: InboundResult) => void | Promise<void>;

const refused = (detail: string) => problemResponse(new ApiError(403, "invalid_signature", detail));
const EMPTY_TWIML = () =>
  new Response('<?xml version="1.0" encoding="UTF-8"?><Response/>', {
    headers: { "content-type": "text/xml" },
  });

class Replayed extends Error {}

const TWILIO_STATUSES: Record<string, SmsStatus> = {
  sent: "sent",
  delivered: "delivered",
  undelivered: "undelivered",
  failed: "failed",
};
const TELNYX_STATUSES: Record<string, SmsStatus> = {
  sent: "sent",
  delivered: "delivered",
  delivery_failed: "undelivered",
  sending_failed: "failed",
  delivery_unconfirmed: "sent",
};

export function isCarrierCallbackPath(pathname: string): boolean {
  return (Object.values(CALLBACK_PATHS) as string[]).includes(pathname);
}

export class CarrierCallbacks {
  private readonly listeners: InboundListener[] = [];

  constructor(private readonly ctx: Pick<ControlContext, "db" | "bus" | "config" | "log">) {}

  onInbound(listener: InboundListener): void {
    this.listeners.push(listener);
  }

  async handle(request: Request): Promise<Response> {
    if (request.method !== "POST")
      return problemResponse(new ApiError(405, "method_not_allowed", "POST only."));
    const url = new URL(request.url);
    try {
      if (url.pathname === CALLBACK_PATHS.telnyx) return await this.telnyx(request);
      return await this.twilio(request, url);
    } catch (error) {
      if (error instanceof Replayed) return refused("This callback was already received.");
      throw error;
    }
  }

  /** The carriers configuration of the org holding `e164`, or the platform's. */
  private async carriersOf(e164: string): Promise<CarriersConfig> {
    const { config, db } = this.ctx;
    if (!config.carriers.orgCarrierCredentials) return config.carriers;
    const [number] = await db
      .select({ orgId: phoneNumbers.orgId })
      .from(phoneNumbers)
      .where(eq(phoneNumbers.phoneNumber, e164));
    return number ? orgCarriers(db, config, number.orgId) : config.carriers;
  }

  private async twilio(request: Request, url: URL): Promise<Response> {
    const { publicUrl } = this.ctx.config.carriers;
    const params = Object.fromEntries(new URLSearchParams(await request.text()));
    // Our number is To on an inbound message and From on a status callback; an org that
    // brought its own Twilio account has its callbacks signed with its own auth token.
    const ourNumber = url.pathname === CALLBACK_PATHS.twilioSms ? params.To : params.From;
    const { twilioAuthToken } = await this.carriersOf(ourNumber ?? "");
    if (publicUrl === null || twilioAuthToken === null)
      return refused("Twilio callbacks are not configured.");
    const signedUrl = publicUrl + url.pathname + url.search;
    if (
      !validTwilioSignature(twilioAuthToken, signedUrl, params, request.headers.get("x-twilio-signature"))
    ) {
      return refused("The X-Twilio-Signature does not match.");
    }
    const messageSid = params.MessageSid ?? params.SmsSid;
    if (!messageSid) return problemResponse(new ApiError(400, "malformed_body", "No MessageSid."));
    if (url.pathname === CALLBACK_PATHS.twilioSms) {
      await this.inbound(`twilio:${messageSid}`, {
        carrier: "twilio",
        carrierMessageId: messageSid,
        from: params.From ?? "",
        to: params.To ?? "",
        body: params.Body ?? "",
      });
      return EMPTY_TWIML();
    }
    const status = TWILIO_STATUSES[params.MessageStatus ?? ""];
    const smsId = url.searchParams.get("sms_id");
    await this.status(
      `twilio-status:${messageSid}:${params.MessageStatus}`,
      smsId,
      "twilio",
      status,
      params.ErrorCode ?? null,
    );
    return new Response(null, { status: 204 });
  }

  private async telnyx(request: Request): Promise<Response> {
    const { telnyxPublicKey, telnyxWebhookToleranceS } = this.ctx.config.carriers;
    if (telnyxPublicKey === null) return refused("Telnyx callbacks are not configured.");
    const body = await request.text();
    const verdict = verifyTelnyxSignature(
      telnyxPublicKey,
      body,
      request.headers.get("telnyx-timestamp"),
      request.headers.get("telnyx-signature-ed25519"),
      telnyxWebhookToleranceS,
    );
    if (verdict === "stale") return refused("The telnyx-timestamp is outside the accepted window.");
    if (verdict !== "valid") return refused("The telnyx-signature-ed25519 does not verify.");
    let event: TelnyxEvent;
    try {
      event = JSON.parse(body) as TelnyxEvent;
    } catch {
      return problemResponse(new ApiError(400, "malformed_body", "The request body is not valid JSON."));
    }
    const data = event.data;
    if (!data?.id || !data.event_type)
      return problemResponse(new ApiError(400, "malformed_body", "No event."));
    const payload = data.payload ?? {};
    const receipt = `telnyx:${data.id}`;
    if (data.event_type === "message.received") {
      await this.inbound(receipt, {
        carrier: "telnyx",
        carrierMessageId: payload.id ?? data.id,
        from: payload.from?.phone_number ?? "",
        to: payload.to?.[0]?.phone_number ?? "",
        body: payload.text ?? "",
      });
    } else if (data.event_type === "message.sent" || data.event_type === "message.finalized") {
      const status = TELNYX_STATUSES[payload.to?.[0]?.status ?? ""];
      const smsId = new URL(request.url).searchParams.get("sms_id");
      await this.status(receipt, smsId, "telnyx", status, payload.errors?.[0]?.code ?? null);
    } else {
      await this.ctx.db.transaction(async (tx) => {
        if (!(await claimCallback(tx, "carrier", receipt))) throw new Replayed();
      });
      // A number order answered `pending` at purchase completes or fails now.
      if (data.event_type === "number_order.complete")
        await applyCarrierOrder(this.ctx, payload as unknown as CarrierOrder);
    }
    return new Response(null, { status: 204 });
  }

  private async inbound(receipt: string, sms: InboundSms): Promise<void> {
    const result = await this.ctx.db.transaction(async (tx) => {
      if (!(await claimCallback(tx, "carrier", receipt))) throw new Replayed();
      return receiveSms(tx, sms);
    });
    if (result.kind !== "stored") return;
    for (const listener of this.listeners) {
      try {
        await listener(result);
      } catch (error) {
        logFailure(this.ctx.log, error, result.row.id);
      }
    }
  }

  private async status(
    receipt: string,
    smsId: string | null,
    carrier: string,
    status: SmsStatus | undefined,
    errorCode: string | null,
  ): Promise<void> {
    await this.ctx.db.transaction(async (tx) => {
      if (!(await claimCallback(tx, "carrier", receipt))) throw new Replayed();
      if (smsId === null || status === undefined) return;
      await applyDeliveryStatus(tx, smsId, carrier, status, errorCode);
    });
  }
}

function logFailure(log: Logger, error: unknown, smsId: string): void {
  log.error({ err: error, sms_id: smsId }, "inbound SMS listener failed");
}

interface TelnyxEvent {
  data?: {
    id?: string;
    event_type?: string;
    payload?: {
      id?: string;
      text?: string;
      from?: { phone_number?: string };
      to?: Array<{ phone_number?: string; status?: string }>;
      errors?: Array<{ code?: string }>;
    };
  };
}
