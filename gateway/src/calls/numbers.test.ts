import { expect, test } from "bun:test";
import { normalizeE164 } from "./numbers.ts";

test("called numbers normalize to E.164 from the forms trunks send", () => {
  expect(normalizeE164("+14155550100")).toBe("+14155550100");
  expect(normalizeE164("14155550100")).toBe("+14155550100");
  expect(normalizeE164("4155550100")).toBe("+14155550100");
  expect(normalizeE164("0014155550100")).toBe("+14155550100");
  expect(normalizeE164("tel:+1-415-555-0100")).toBe("+14155550100");
  expect(normalizeE164("tel:+14155550100;phone-context=example.com")).toBe("+14155550100");
  expect(normalizeE164("sip:+442071234567@trunk.example.net;user=phone")).toBe("+442071234567");
  expect(normalizeE164("alice")).toBeNull();
  expect(normalizeE164("")).toBeNull();
  expect(normalizeE164("+0123")).toBeNull();
});
