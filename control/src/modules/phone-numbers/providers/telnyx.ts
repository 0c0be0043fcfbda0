// Telnyx numbers through its API v2: GET /available_phone_numbers to search, POST
// /number_orders to buy (with the SIP connection and messaging profile), GET /phone_numbers to
// find the number's id, PATCH /phone_numbers/{id} and /phone_numbers/{id}/messaging to assign
// them, DELETE /phone_numbers/{id} to release. TELNYX_BASE_URL ends in /v2.
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import { carrierRequest } from "./carrier-http.ts";
import {
  type AvailableNumber,
  CarrierError,
  type CarrierNumberProvider,
  type NumberSearch,
  type PurchaseOutcome,
} from "./types.ts";

interface TelnyxAvailable {
  phone_number: string;
  region_information?: Array<{ region_type?: string; region_name?: string }>;
}

export class TelnyxNumberProvider implements CarrierNumberProvider {
  readonly kind = "carrier" as const;
  readonly name = "telnyx" as const;

  constructor(private readonly config: CarriersConfig) {}

  private request<T>(path: string, method: string, body?: object): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.telnyxApiKey ?? ""}` };
    if (body) headers["content-type"] = "application/json";
    return carrierRequest<T>("telnyx", this.config.telnyxBaseUrl + path, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }

  async search(_db: unknown, query: NumberSearch): Promise<AvailableNumber[]> {
    const country = (query.country ?? "US").toUpperCase();
    const params = new URLSearchParams({
      "filter[country_code]": country,
      "filter[limit]": String(query.limit),
    });
    if (query.areaCode) params.set("filter[national_destination_code]", query.areaCode);
    if (query.contains) params.set("filter[phone_number][contains]", query.contains);
    const body = await this.request<{ data?: TelnyxAvailable[] }>(
      `/available_phone_numbers?${params}`,
      "GET",
    );
    return (body.data ?? []).map((n) => ({
      phone_number: n.phone_number,
      country,
      region: n.region_information?.find((r) => r.region_type === "state")?.region_name ?? null,
    }));
  }

  async purchase(e164: string): Promise<PurchaseOutcome> {
    const { telnyxConnectionId, telnyxMessagingProfileId } = this.config;
    const order = await this.request<{ data?: { id?: string; status?: string } }>("/number_orders", "POST", {
      phone_numbers: [{ phone_number: e164 }],
      ...(telnyxConnectionId !== null ? { connection_id: telnyxConnectionId } : {}),
      ...(telnyxMessagingProfileId !== null ? { messaging_profile_id: telnyxMessagingProfileId } : {}),
    });
    // An order still pending has no phone number resource yet: number_order.complete follows.
    if (order.data?.status === "pending" && order.data.id) return { pendingOrderId: order.data.id };
    const id = await this.carrierIdOf(e164);
    if (id === null)
      throw new CarrierError("telnyx", 202, "order_pending", `The order for ${e164} is not complete.`);
    return { carrierId: id };
  }

  async configure(carrierId: string): Promise<void> {
    const { telnyxConnectionId, telnyxMessagingProfileId } = this.config;
    const id = encodeURIComponent(carrierId);
    if (telnyxConnectionId !== null) {
      await this.request(`/phone_numbers/${id}`, "PATCH", { connection_id: telnyxConnectionId });
    }
    if (telnyxMessagingProfileId !== null) {
      await this.request(`/phone_numbers/${id}/messaging`, "PATCH", {
        messaging_profile_id: telnyxMessagingProfileId,
      });
    }
  }

  async carrierIdOf(e164: string): Promise<string | null> {
    const params = new URLSearchParams({ "filter[phone_number]": e164 });
    const body = await this.request<{ data?: Array<{ id: string; phone_number: string }> }>(
      `/phone_numbers?${params}`,
      "GET",
    );
    return body.data?.find((n) => n.phone_number === e164)?.id ?? null;
  }

  async release(carrierId: string): Promise<void> {
    await this.request(`/phone_numbers/${encodeURIComponent(carrierId)}`, "DELETE");
  }
}
