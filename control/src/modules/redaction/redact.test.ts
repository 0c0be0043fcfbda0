import { expect, test } from "bun:test";
import { createRedactor, passesLuhn } from "./redact.ts";

test("card numbers are masked only when they pass the Luhn check", () => {
  expect(passesLuhn("4111111111111111")).toBe(true);
  expect(passesLuhn("4111111111111112")).toBe(false);
  const redactor = createRedactor({ entities: ["card_number"], patterns: [] });
  expect(redactor.redact("my card is 4111 1111 1111 1111, thanks")).toBe("my card is [card_number], thanks");
  expect(redactor.redact("card 5500-0000-0000-0004")).toBe("card [card_number]");
  expect(redactor.redact("order 4111 1111 1111 1112")).toBe("order 4111 1111 1111 1112");
});

test("emails, phone numbers and the org's own patterns are masked as configured", () => {
  const all = createRedactor({
    entities: ["email", "phone_number", "card_number"],
    patterns: ["account \\w+"],
  });
  expect(all.redact("write to Jane.Doe+x@example.co.uk or call +1 415 555 0123")).toBe(
    "write to [email] or call [phone_number]",
  );
  expect(all.redact("my number is (415) 555-0123")).toBe("my number is [phone_number]");
  expect(all.redact("Account AB12 please")).toBe("[redacted] please");
  expect(all.redact("a table for 2 at 7")).toBe("a table for 2 at 7");
  const emailsOnly = createRedactor({ entities: ["email"], patterns: [] });
  expect(emailsOnly.redact("call 415 555 0123 or a@b.io")).toBe("call 415 555 0123 or [email]");
  expect(createRedactor({ entities: [], patterns: [] }).empty).toBe(true);
});
