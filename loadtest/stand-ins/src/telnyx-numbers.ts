// The Telnyx stand-in's phone numbers (API v2): GET /v2/available_phone_numbers to search,
// POST /v2/number_orders to buy (completed at once, or left `pending` when scripted: the order
// completes or fails later with a number_order.complete event),
// GET /v2/phone_numbers?filter[phone_number]= to find one, PATCH /v2/phone_numbers/{id} for its
// connection_id, PATCH /v2/phone_numbers/{id}/messaging for its messaging_profile_id and
// DELETE /v2/phone_numbers/{id} to release it.
import { randomUUID } from "node:crypto";

export interface TelnyxOwnedNumber {
  id: string;
  phoneNumber: string;
  connectionId: string | null;
  messagingProfileId: string | null;
}

export interface TelnyxNumbers {
  /** Numbers for sale (push to it). */
  readonly available: string[];
  owned: Map<string, TelnyxOwnedNumber>;
  bought: string[];
  released: string[];
  /** The next number order answers this error. */
  failNextPurchase(error: { status: number; code: string; title: string }): void;
  /** The next number order stays `pending` (its id is pushed to `pendingOrders`). */
  pendNextOrder(): void;
  pendingOrders: string[];
  /** Completes a pending order (the numbers become owned) or fails it; answers the order. */
  finishOrder(orderId: string, status: "success" | "failure"): TelnyxOrder;
}

export interface TelnyxOrder {
  record_type: "number_order";
  id: string;
  status: "pending" | "success" | "failure";
  phone_numbers_count: number;
  connection_id: unknown;
  messaging_profile_id: unknown;
  phone_numbers: Array<{ id: string; phone_number: string; status: string }>;
}

type TelnyxError = (status: number, code: string, title: string) => Response;

const ONE_PATH = /^\/v2\/phone_numbers\/([0-9a-f-]{36})(\/messaging)?$/;

function present(n: TelnyxOwnedNumber) {
  return {
    record_type: "phone_number",
    id: n.id,
    phone_number: n.phoneNumber,
    status: "active",
    connection_id: n.connectionId,
    messaging_profile_id: n.messagingProfileId,
  };
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    return (await request.json()) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The number endpoints' state; `handle` answers null for a path that is not one of them. */
export function telnyxNumbers(error: TelnyxError): TelnyxNumbers & {
  handle(request: Request): Promise<Response> | null;
} {
  const failures: Array<{ status: number; code: string; title: string }> = [];
  let pendNext = false;
  const orders = new Map<string, { order: TelnyxOrder; body: Record<string, unknown> }>();
  const state = {
    available: [] as string[],
    owned: new Map<string, TelnyxOwnedNumber>(),
    bought: [] as string[],
    released: [] as string[],
    failNextPurchase: (e: { status: number; code: string; title: string }) => void failures.push(e),
    pendNextOrder: () => {
      pendNext = true;
    },
    pendingOrders: [] as string[],
    finishOrder(orderId: string, status: "success" | "failure"): TelnyxOrder {
      const held = orders.get(orderId);
      if (!held) throw new Error(`no order ${orderId}`);
      if (held.order.status !== "pending") throw new Error(`order ${orderId} is not pending`);
      if (status === "success") for (const n of held.order.phone_numbers) own(n.phone_number, held.body);
      held.order.status = status;
      for (const n of held.order.phone_numbers) n.status = status;
      return structuredClone(held.order);
    },
  };
  function own(phoneNumber: string, body: Record<string, unknown>): TelnyxOwnedNumber {
    const owned: TelnyxOwnedNumber = {
      id: randomUUID(),
      phoneNumber,
      connectionId: typeof body.connection_id === "string" ? body.connection_id : null,
      messagingProfileId: typeof body.messaging_profile_id === "string" ? body.messaging_profile_id : null,
    };
    state.owned.set(owned.id, owned);
    state.bought.push(owned.phoneNumber);
    return owned;
  }
  const held = () => new Set([...state.owned.values()].map((n) => n.phoneNumber));

  function search(url: URL): Response {
    const q = url.searchParams;
    const ndc = q.get("filter[national_destination_code]") ?? "";
    const contains = q.get("filter[phone_number][contains]") ?? "";
    const limit = Number(q.get("filter[limit]") ?? "50");
    const taken = held();
    const data = state.available
      .filter((n) => !taken.has(n) && n.startsWith(`+1${ndc}`) && n.includes(contains))
      .slice(0, limit)
      .map((n) => ({
        record_type: "available_phone_number",
        phone_number: n,
        region_information: [{ region_type: "state", region_name: "CA" }],
        features: [{ name: "sms" }, { name: "voice" }],
      }));
    return Response.json({ data, metadata: { total_results: data.length } });
  }

  async function order(request: Request): Promise<Response> {
    const body = await jsonBody(request);
    if (body === null) return error(400, "10015", "Invalid JSON");
    const failure = failures.shift();
    if (failure) return error(failure.status, failure.code, failure.title);
    const wanted = (body.phone_numbers as Array<{ phone_number?: string }> | undefined) ?? [];
    const taken = held();
    if (
      wanted.length === 0 ||
      wanted.some(
        (w) => !w.phone_number || !state.available.includes(w.phone_number) || taken.has(w.phone_number),
      )
    ) {
      return error(422, "10007", "Phone number is not available");
    }
    const pending = pendNext;
    pendNext = false;
    const ordered = wanted.map((w) => (pending ? w.phone_number! : own(w.phone_number!, body).phoneNumber));
    const order: TelnyxOrder = {
      record_type: "number_order",
      id: randomUUID(),
      status: pending ? "pending" : "success",
      phone_numbers_count: ordered.length,
      connection_id: body.connection_id ?? null,
      messaging_profile_id: body.messaging_profile_id ?? null,
      phone_numbers: ordered.map((phoneNumber) => ({
        id: randomUUID(),
        phone_number: phoneNumber,
        status: pending ? "pending" : "success",
      })),
    };
    orders.set(order.id, { order, body });
    if (pending) state.pendingOrders.push(order.id);
    return Response.json({ data: structuredClone(order) });
  }

  function list(url: URL): Response {
    const wanted = url.searchParams.get("filter[phone_number]");
    const data = [...state.owned.values()].filter((n) => wanted === null || n.phoneNumber === wanted);
    return Response.json({ data: data.map(present), meta: { total_results: data.length } });
  }

  async function one(request: Request, id: string, messaging: boolean): Promise<Response> {
    const owned = state.owned.get(id);
    if (!owned) return error(404, "10005", "Resource not found");
    if (request.method === "DELETE" && !messaging) {
      state.owned.delete(id);
      state.released.push(owned.phoneNumber);
      return Response.json({ data: present(owned) });
    }
    if (request.method === "PATCH") {
      const body = await jsonBody(request);
      if (body === null) return error(400, "10015", "Invalid JSON");
      if (messaging && "messaging_profile_id" in body)
        owned.messagingProfileId = (body.messaging_profile_id as string) ?? null;
      if (!messaging && "connection_id" in body) owned.connectionId = (body.connection_id as string) ?? null;
    }
    return Response.json({ data: present(owned) });
  }

  return {
    ...state,
    handle(request) {
      const url = new URL(request.url);
      if (url.pathname === "/v2/available_phone_numbers" && request.method === "GET") {
        return Promise.resolve(search(url));
      }
      if (url.pathname === "/v2/number_orders" && request.method === "POST") return order(request);
      if (url.pathname === "/v2/phone_numbers" && request.method === "GET") return Promise.resolve(list(url));
      const match = ONE_PATH.exec(url.pathname);
      if (match) return one(request, match[1]!, match[2] !== undefined);
      return null;
    },
  };
}
