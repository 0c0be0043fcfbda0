// Twilio numbers through its REST API (2010-04-01; the `twilio` SDK has no base URL setting for
// TWILIO_BASE_URL): AvailablePhoneNumbers/{Country}/Local.json to search,
// IncomingPhoneNumbers.json to buy, IncomingPhoneNumbers/{Sid}.json to point SmsUrl at our
// callback and the number at the Elastic SIP Trunk (TrunkSid), and DELETE on it to release.
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import { CALLBACK_PATHS } from "../../carriers/sms-carrier.ts";
import { carrierRequest } from "./carrier-http.ts";
import type { AvailableNumber, CarrierNumberProvider, NumberSearch, PurchaseOutcome } from "./types.ts";

interface TwilioAvailable {
  phone_number: string;
  iso_country: string;
  region: string | null;
}

interface TwilioIncoming {
  sid: string;
  phone_number: string;
}

export class TwilioNumberProvider implements CarrierNumberProvider {
  readonly kind = "carrier" as const;
  readonly name = "twilio" as const;

  constructor(private readonly config: CarriersConfig) {}

  private account(): string {
    const sid = this.config.twilioAccountSid ?? "";
    return `${this.config.twilioBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}`;
  }

  private request<T>(path: string, method: string, form?: URLSearchParams): Promise<T> {
    const { twilioAccountSid: sid, twilioAuthToken: token } = this.config;
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${sid ?? ""}:${token ?? ""}`).toString("base64")}`,
    };
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    return carrierRequest<T>("twilio", this.account() + path, {
      method,
      headers,
      ...(form ? { body: form } : {}),
    });
  }

  async search(_db: unknown, query: NumberSearch): Promise<AvailableNumber[]> {
    const country = (query.country ?? "US").toUpperCase();
    const params = new URLSearchParams({ PageSize: String(query.limit) });
    if (query.areaCode) params.set("AreaCode", query.areaCode);
    if (query.contains) params.set("Contains", query.contains);
    const body = await this.request<{ available_phone_numbers?: TwilioAvailable[] }>(
      `/AvailablePhoneNumbers/${encodeURIComponent(country)}/Local.json?${params}`,
      "GET",
    );
    return (body.available_phone_numbers ?? []).map((n) => ({
      phone_number: n.phone_number,
      country: n.iso_country ?? country,
      region: n.region ?? null,
    }));
  }

  async purchase(e164: string): Promise<PurchaseOutcome> {
    const bought = await this.request<TwilioIncoming>(
      "/IncomingPhoneNumbers.json",
      "POST",
      new URLSearchParams({ PhoneNumber: e164 }),
    );
    return { carrierId: bought.sid };
  }

  async configure(carrierId: string): Promise<void> {
    const form = new URLSearchParams();
    if (this.config.publicUrl !== null) {
      form.set("SmsUrl", this.config.publicUrl + CALLBACK_PATHS.twilioSms);
      form.set("SmsMethod", "POST");
    }
    if (this.config.twilioTrunkSid !== null) form.set("TrunkSid", this.config.twilioTrunkSid);
    if ([...form.keys()].length === 0) return;
    await this.request(`/IncomingPhoneNumbers/${encodeURIComponent(carrierId)}.json`, "POST", form);
  }

  async carrierIdOf(e164: string): Promise<string | null> {
    const body = await this.request<{ incoming_phone_numbers?: TwilioIncoming[] }>(
      `/IncomingPhoneNumbers.json?${new URLSearchParams({ PhoneNumber: e164 })}`,
      "GET",
    );
    return body.incoming_phone_numbers?.find((n) => n.phone_number === e164)?.sid ?? null;
  }

  async release(carrierId: string): Promise<void> {
    await this.request(`/IncomingPhoneNumbers/${encodeURIComponent(carrierId)}.json`, "DELETE");
  }
}
