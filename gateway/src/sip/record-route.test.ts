import { describe, expect, test } from "bun:test";
import { createResponse, parseMessage, type SipRequest } from "./message.ts";

function request(method: string): SipRequest {
  const text = [
    `${method} sip:+14155550100@192.0.2.20:5070 SIP/2.0`,
    "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-edge",
    "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-trunk",
    "Record-Route: <sip:192.0.2.1:5060;lr;ftag=a1>",
    "Record-Route: <sip:198.51.100.9;lr>",
    "From: <sip:+14155550111@198.51.100.7>;tag=a1",
    "To: <sip:+14155550100@192.0.2.1>",
    "Call-ID: rr-1@198.51.100.7",
    `CSeq: 1 ${method}`,
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
  const parsed = parseMessage(Buffer.from(text));
  if (!parsed?.ok || parsed.message.kind !== "request") throw new Error("unparsed");
  return parsed.message;
}

describe("Record-Route in responses (RFC 3261 §12.1.1)", () => {
  test("a 180 and a 200 to an INVITE carry the request's Record-Route values in order", () => {
    for (const status of [180, 200]) {
      expect(
        createResponse(request("INVITE"), status, { toTag: "g1" }).headers.getAll("record-route"),
      ).toEqual(["<sip:192.0.2.1:5060;lr;ftag=a1>", "<sip:198.51.100.9;lr>"]);
    }
  });

  test("a 100, a refusal and a response to a request that creates no dialog carry none", () => {
    expect(createResponse(request("INVITE"), 100).headers.getAll("record-route")).toEqual([]);
    expect(createResponse(request("INVITE"), 486, { toTag: "g1" }).headers.getAll("record-route")).toEqual(
      [],
    );
    expect(createResponse(request("OPTIONS"), 200, { toTag: "g1" }).headers.getAll("record-route")).toEqual(
      [],
    );
  });
});
