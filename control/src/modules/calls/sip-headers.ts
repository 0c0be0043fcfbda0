// The headers a tenant asks an outbound call's INVITE to carry: checked here, before the call
// is stored, so a gateway never receives a header it would have to refuse.

import { validationFailed } from "@switchboard/shared/errors";
import { outboundSipHeadersProblem, type SipHeaderMap } from "@switchboard/shared/sip/custom-headers";

/** The headers to store and send, or null without any; 422 naming the first bad header. */
export function outboundSipHeaders(headers: SipHeaderMap | undefined): SipHeaderMap | null {
  if (!headers || Object.keys(headers).length === 0) return null;
  const problem = outboundSipHeadersProblem(headers);
  if (problem) {
    throw validationFailed([{ field: "sip_headers", message: problem }], `sip_headers refused: ${problem}.`);
  }
  return headers;
}
