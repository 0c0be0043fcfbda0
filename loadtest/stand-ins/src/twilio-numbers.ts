// The Twilio stand-in's phone numbers (REST API 2010-04-01): AvailablePhoneNumbers/{Country}/
// Local.json to search, IncomingPhoneNumbers.json to buy (and to list by PhoneNumber),
// IncomingPhoneNumbers/{Sid}.json to update (SmsUrl, VoiceUrl, TrunkSid) and DELETE to release.
import { randomBytes } from "node:crypto";

export interface TwilioOwnedNumber {
  sid: string;
  phoneNumber: string;
  smsUrl: string | null;
  voiceUrl: string | null;
  trunkSid: string | null;
}

export interface TwilioNumbers {
  /** Numbers for sale (push to it); a search returns those matching AreaCode / Contains. */
  readonly available: string[];
  /** Numbers the account holds, by sid. */
  owned: Map<string, TwilioOwnedNumber>;
  /** Numbers bought, then those released, in order. */
  bought: string[];
  released: string[];
  /** The next purchase answers this Twilio error (e.g. 21422: the number is no longer available). */
  failNextPurchase(error: { status: number; code: number; message: string }): void;
}

type TwilioError = (status: number, code: number, message: string) => Response;

const SEARCH_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/AvailablePhoneNumbers\/([A-Z]{2})\/Local\.json$/;
const LIST_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\.json$/;
const ONE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\/(PN[0-9a-f]+)\.json$/;

function present(accountSid: string, n: TwilioOwnedNumber) {
  return {
    sid: n.sid,
    account_sid: accountSid,
    phone_number: n.phoneNumber,
    friendly_name: n.phoneNumber,
    sms_url: n.smsUrl,
    sms_method: "POST",
    voice_url: n.voiceUrl,
    trunk_sid: n.trunkSid,
    api_version: "2010-04-01",
    uri: `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers/${n.sid}.json`,
  };
}

function applyForm(n: TwilioOwnedNumber, form: URLSearchParams): void {
  if (form.has("SmsUrl")) n.smsUrl = form.get("SmsUrl");
  if (form.has("VoiceUrl")) n.voiceUrl = form.get("VoiceUrl");
  if (form.has("TrunkSid")) n.trunkSid = form.get("TrunkSid");
}

/** The number endpoints' state; `handle` answers null for a path that is not one of them. */
export function twilioNumbers(
  accountSid: string,
  error: TwilioError,
): TwilioNumbers & { handle(request: Request): Promise<Response> | null } {
  const failures: Array<{ status: number; code: number; message: string }> = [];
  const state = {
    available: [] as string[],
    owned: new Map<string, TwilioOwnedNumber>(),
    bought: [] as string[],
    released: [] as string[],
    failNextPurchase: (e: { status: number; code: number; message: string }) => void failures.push(e),
  };

  function search(url: URL, country: string): Response {
    const areaCode = url.searchParams.get("AreaCode") ?? "";
    const contains = url.searchParams.get("Contains") ?? "";
    const size = Number(url.searchParams.get("PageSize") ?? "50");
    const held = new Set([...state.owned.values()].map((n) => n.phoneNumber));
    const found = state.available
      .filter((n) => !held.has(n) && n.startsWith(`+1${areaCode}`) && n.includes(contains))
      .slice(0, size)
      .map((n) => ({
        phone_number: n,
        friendly_name: n,
        iso_country: country,
        region: "CA",
        locality: null,
      }));
    return Response.json({ available_phone_numbers: found, uri: url.pathname });
  }

  async function buy(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    const failure = failures.shift();
    if (failure) return error(failure.status, failure.code, failure.message);
    const phoneNumber = form.get("PhoneNumber") ?? "";
    const held = [...state.owned.values()].some((n) => n.phoneNumber === phoneNumber);
    if (!state.available.includes(phoneNumber) || held) {
      return error(400, 21422, `PhoneNumber ${phoneNumber} is not available.`);
    }
    const owned: TwilioOwnedNumber = {
      sid: `PN${randomBytes(16).toString("hex")}`,
      phoneNumber,
      smsUrl: null,
      voiceUrl: null,
      trunkSid: null,
    };
    applyForm(owned, form);
    state.owned.set(owned.sid, owned);
    state.bought.push(phoneNumber);
    return Response.json(present(accountSid, owned), { status: 201 });
  }

  function list(url: URL): Response {
    const wanted = url.searchParams.get("PhoneNumber");
    const rows = [...state.owned.values()].filter((n) => wanted === null || n.phoneNumber === wanted);
    return Response.json({ incoming_phone_numbers: rows.map((n) => present(accountSid, n)) });
  }

  async function one(request: Request, sid: string): Promise<Response> {
    const owned = state.owned.get(sid);
    if (!owned) return error(404, 20404, "The requested resource was not found");
    if (request.method === "DELETE") {
      state.owned.delete(sid);
      state.released.push(owned.phoneNumber);
      return new Response(null, { status: 204 });
    }
    if (request.method === "POST") applyForm(owned, new URLSearchParams(await request.text()));
    return Response.json(present(accountSid, owned));
  }

  return {
    ...state,
    handle(request) {
      const url = new URL(request.url);
      const searchMatch = SEARCH_PATH.exec(url.pathname);
      if (searchMatch && request.method === "GET") return Promise.resolve(search(url, searchMatch[2]!));
      if (LIST_PATH.test(url.pathname)) {
        if (request.method === "POST") return buy(request);
        if (request.method === "GET") return Promise.resolve(list(url));
      }
      const oneMatch = ONE_PATH.exec(url.pathname);
      if (oneMatch) return one(request, oneMatch[2]!);
      return null;
    },
  };
}
