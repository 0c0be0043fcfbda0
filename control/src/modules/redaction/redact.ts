// Masks what an org asked to keep out of its stored transcripts. Card numbers first (13-19
// digits, spaces or dashes between groups, kept only when they pass the Luhn check, so an
// order number is left alone), then e-mail addresses, then phone numbers (7-15 digits with an
// optional +, the E.164 range), then the org's own patterns. Each is replaced by its kind in
// brackets, so a reader sees that something was said.
import { compilePattern } from "./patterns.ts";
import type { RedactionPolicy } from "./policy.ts";

const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
const PHONE = /(?:\+|\(|\b)\d(?:[ ().-]{0,2}\d){6,14}\b/g;

/** ISO/IEC 7812 check digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export interface Redactor {
  /** True when the policy masks nothing: turns are stored as they came. */
  readonly empty: boolean;
  redact(text: string): string;
}

export function createRedactor(policy: RedactionPolicy): Redactor {
  const entities = new Set(policy.entities);
  const patterns = policy.patterns
    .map(compilePattern)
    .filter((pattern): pattern is RegExp => pattern !== null);
  return {
    empty: entities.size === 0 && patterns.length === 0,
    redact(text) {
      let result = text;
      if (entities.has("card_number"))
        result = result.replace(CARD_CANDIDATE, (match) => {
          const digits = match.replace(/\D/g, "");
          return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? "[card_number]" : match;
        });
      if (entities.has("email")) result = result.replace(EMAIL, "[email]");
      if (entities.has("phone_number")) result = result.replace(PHONE, "[phone_number]");
      for (const pattern of patterns) result = result.replace(pattern, "[redacted]");
      return result;
    },
  };
}
