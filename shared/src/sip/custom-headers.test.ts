import { describe, expect, test } from "bun:test";
import {
  MAX_SIP_HEADERS,
  outboundSipHeaderFields,
  outboundSipHeadersProblem,
  pickInboundSipHeaders,
} from "./custom-headers.ts";

describe("inbound context headers", () => {
  test("X-* and the allow-list are kept by display name; repeated ones joined; others dropped", () => {
    const picked = pickInboundSipHeaders([
      ["x-customer-id", "42"],
      ["p-asserted-identity", "<sip:+14155550111@carrier.example>"],
      ["diversion", "<sip:+1@a>;reason=no-answer"],
      ["diversion", "<sip:+2@b>;reason=busy"],
      ["user-to-user", "56a390f3;encoding=hex"],
      ["subject", "hello"],
      ["via", "SIP/2.0/UDP 10.0.0.1"],
    ]);
    expect(picked).toEqual({
      "X-Customer-Id": "42",
      "P-Asserted-Identity": "<sip:+14155550111@carrier.example>",
      Diversion: "<sip:+1@a>;reason=no-answer, <sip:+2@b>;reason=busy",
      "User-to-User": "56a390f3;encoding=hex",
    });
  });

  test("a caller cannot grow the record without bound", () => {
    const many = Array.from({ length: 100 }, (_, index): [string, string] => [
      `x-h${index}`,
      "v".repeat(2000),
    ]);
    const picked = pickInboundSipHeaders(many);
    expect(Object.keys(picked).length).toBeLessThanOrEqual(MAX_SIP_HEADERS);
    const total = Object.entries(picked).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    expect(total).toBeLessThanOrEqual(4096);
    expect(Object.values(picked).every((value) => value.length <= 1024)).toBe(true);
  });
});

describe("outbound headers", () => {
  test("X-* and the allow-list pass; the stack's own headers, bad tokens and CR/LF do not", () => {
    expect(
      outboundSipHeadersProblem({ "X-Campaign-Id": "7", "User-to-User": "abc;encoding=hex" }),
    ).toBeNull();
    expect(outboundSipHeadersProblem({ Via: "x" })).toContain("only X-*");
    expect(outboundSipHeadersProblem({ "Call-ID": "x" })).toContain("only X-*");
    expect(outboundSipHeadersProblem({ "X-A:B": "x" })).toContain("token");
    expect(outboundSipHeadersProblem({ "X-A": "1\r\nVia: x" })).toContain("control character");
    expect(outboundSipHeadersProblem({ "X-A": "1\nx" })).toContain("control character");
    expect(outboundSipHeadersProblem({ "X-A": "1", "x-a": "2" })).toContain("twice");
    expect(outboundSipHeadersProblem({ "X-A": "a".repeat(1025) })).toContain("longer");
  });

  test("wire fields use display names; a refused set throws", () => {
    expect(outboundSipHeaderFields({ "x-campaign-id": " 7 " })).toEqual([["X-Campaign-Id", "7"]]);
    expect(outboundSipHeaderFields(null)).toEqual([]);
    expect(() => outboundSipHeaderFields({ Route: "<sip:evil>" })).toThrow("sip_headers refused");
  });
});
