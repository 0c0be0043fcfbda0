// What a tenant's HTTP tool learns about the call besides its id and agent (which the request
// signer adds): the direction, both numbers, and an inbound call's SIP context headers.
import type { CallContext } from "../../call-core/application.ts";

export function callContextHeaders(
  call: Pick<CallContext, "direction" | "fromNumber" | "toNumber" | "sipHeaders">,
): Record<string, string> {
  const headers: Record<string, string> = { "x-switchboard-call-direction": call.direction };
  if (call.fromNumber) headers["x-switchboard-from-number"] = call.fromNumber;
  if (call.toNumber) headers["x-switchboard-to-number"] = call.toNumber;
  // Names are RFC 3261 tokens and values single lines (custom-headers.ts): safe as HTTP headers.
  for (const [name, value] of Object.entries(call.sipHeaders ?? {}))
    headers[`x-switchboard-sip-${name.toLowerCase()}`] = value;
  return headers;
}
