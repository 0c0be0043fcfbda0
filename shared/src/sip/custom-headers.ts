// SIP headers that carry a call's business context between us and carriers or PBXs: which
// inbound ones reach the call record, and which outbound ones a tenant may ask us to send.
import { type Static, Type } from "@sinclair/typebox";

/** Inbound headers kept besides every `X-*` one (RFC 5806, RFC 3325, RFC 7433). */
export const INBOUND_CONTEXT_HEADERS = ["Diversion", "P-Asserted-Identity", "User-to-User"] as const;

/** Outbound headers a tenant may set besides `X-*` ones; the stack owns every other header. */
export const OUTBOUND_ALLOWED_HEADERS = ["User-to-User", "P-Asserted-Identity", "Diversion"] as const;

export const MAX_SIP_HEADERS = 20;
export const MAX_SIP_HEADER_VALUE_CHARS = 1024;
/** All names and values together: a UDP datagram stays well under the path MTU (RFC 3261 §18.1.1). */
export const MAX_SIP_HEADERS_TOTAL_CHARS = 4096;

/** RFC 3261 §25.1: `token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")`. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
/** Printable characters and horizontal tab; CR or LF would start a header of the sender's choosing. */
const SAFE_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;

export type SipHeaderMap = Record<string, string>;

export const SipHeadersSchema = Type.Record(
  Type.String({ pattern: "^[A-Za-z0-9\\-.!%*_+`'~]+$", maxLength: 64 }),
  Type.String({ maxLength: MAX_SIP_HEADER_VALUE_CHARS, pattern: "^[^\\r\\n\\x00]*$" }),
  {
    maxProperties: MAX_SIP_HEADERS,
    description:
      "SIP headers to send on the INVITE (or REFER): `X-*` names, or User-to-User, P-Asserted-Identity, " +
      "Diversion. Names are RFC 3261 tokens; values have no CR or LF.",
    examples: [{ "X-Customer-Id": "42" }],
  },
);
export type SipHeadersInput = Static<typeof SipHeadersSchema>;

/** `X-Customer-Id` for `x-customer-id`: the spelling the prompt's `{{sip.Name}}` uses. */
export function displayHeaderName(name: string): string {
  const lower = name.toLowerCase();
  const known = [...INBOUND_CONTEXT_HEADERS, ...OUTBOUND_ALLOWED_HEADERS].find(
    (candidate) => candidate.toLowerCase() === lower,
  );
  if (known) return known;
  return lower
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("-");
}

function isContextHeader(lowerName: string): boolean {
  return (
    lowerName.startsWith("x-") ||
    INBOUND_CONTEXT_HEADERS.some((candidate) => candidate.toLowerCase() === lowerName)
  );
}

/**
 * The context headers of an inbound request, by display name; repeated headers are joined
 * with ", " (RFC 3261 §7.3.1). Values are cut to the size limit, and the whole set stops
 * growing at the total limit: a caller cannot grow the call record without bound.
 */
export function pickInboundSipHeaders(entries: Iterable<readonly [string, string]>): SipHeaderMap {
  const picked: SipHeaderMap = {};
  let total = 0;
  for (const [name, rawValue] of entries) {
    const lower = name.toLowerCase();
    if (!isContextHeader(lower) || !TOKEN.test(name)) continue;
    const key = displayHeaderName(lower);
    const value = rawValue.trim().slice(0, MAX_SIP_HEADER_VALUE_CHARS);
    const existing = picked[key];
    if (existing === undefined && Object.keys(picked).length >= MAX_SIP_HEADERS) continue;
    const added = existing === undefined ? key.length + value.length : value.length + 2;
    if (total + added > MAX_SIP_HEADERS_TOTAL_CHARS) continue;
    picked[key] = existing === undefined ? value : `${existing}, ${value}`;
    total += added;
  }
  return picked;
}

/** Why a set of headers to send is refused; null when it may be sent. */
export function outboundSipHeadersProblem(headers: SipHeaderMap): string | null {
  const names = Object.keys(headers);
  if (names.length > MAX_SIP_HEADERS) return `at most ${MAX_SIP_HEADERS} headers`;
  let total = 0;
  const seen = new Set<string>();
  for (const name of names) {
    const value = headers[name]!;
    if (!TOKEN.test(name)) return `${JSON.stringify(name)} is not a header name (RFC 3261 token)`;
    const lower = name.toLowerCase();
    const allowed =
      lower.startsWith("x-") ||
      OUTBOUND_ALLOWED_HEADERS.some((candidate) => candidate.toLowerCase() === lower);
    if (!allowed) return `${name}: only X-* headers, ${OUTBOUND_ALLOWED_HEADERS.join(", ")} may be sent`;
    if (seen.has(lower)) return `${name} is given twice`;
    seen.add(lower);
    if (typeof value !== "string") return `${name}: the value must be a string`;
    if (!SAFE_VALUE.test(value)) return `${name}: the value has a control character (CR, LF or another)`;
    if (value.length > MAX_SIP_HEADER_VALUE_CHARS)
      return `${name}: the value is longer than ${MAX_SIP_HEADER_VALUE_CHARS} characters`;
    total += name.length + value.length;
  }
  if (total > MAX_SIP_HEADERS_TOTAL_CHARS)
    return `the headers are longer than ${MAX_SIP_HEADERS_TOTAL_CHARS} characters in all`;
  return null;
}

/** Headers ready for the wire (display names), or an error naming the first problem. */
export function outboundSipHeaderFields(headers: SipHeaderMap | null | undefined): Array<[string, string]> {
  if (!headers) return [];
  const problem = outboundSipHeadersProblem(headers);
  if (problem) throw new Error(`sip_headers refused: ${problem}`);
  return Object.entries(headers).map(([name, value]) => [displayHeaderName(name), value.trim()]);
}
