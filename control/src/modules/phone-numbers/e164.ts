import { ApiError } from "@switchboard/shared/errors";
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from "libphonenumber-js/max";

const E164_SHAPE = /^\+[1-9]\d{1,14}$/;

const LENGTH_REASONS: Record<string, string> = {
  TOO_SHORT: "is too short for its country",
  TOO_LONG: "is too long for its country",
  INVALID_LENGTH: "has a length no number of its country has",
  INVALID_COUNTRY: "has no known country calling code",
  NOT_A_NUMBER: "is not a phone number",
};

interface ParsedNumber {
  e164: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string;
}

/** Why `input` is not a valid E.164 number, or null when it is. */
export function e164Problem(input: string): string | null {
  if (!E164_SHAPE.test(input)) {
    return "must be in E.164 form: + then the country code and number, digits only (e.g. +14155550142)";
  }
  const lengthProblem = validatePhoneNumberLength(input);
  if (lengthProblem) return LENGTH_REASONS[lengthProblem] ?? "is not a valid number";
  try {
    const parsed = parsePhoneNumberWithError(input);
    if (!parsed.isValid()) return "is not a number in service in its country's numbering plan";
    if (parsed.number !== input) return `is not in canonical E.164 form (expected ${parsed.number})`;
  } catch {
    return "is not a phone number";
  }
  return null;
}

/** Parses an E.164 number or throws a 422 naming `field` and the reason. */
export function parseE164(input: string, field: string): ParsedNumber {
  const problem = e164Problem(input);
  if (problem) {
    throw new ApiError(422, "validation_failed", `${field} ${problem}.`, [{ field, message: problem }]);
  }
  const parsed = parsePhoneNumberWithError(input);
  return { e164: parsed.number, country: parsed.country ?? "001" };
}

/** The "+<calling code>" prefix of a country, or null for an unknown country code. */
export function callingPrefix(country: string): string | null {
  const upper = country.toUpperCase();
  return isSupportedCountry(upper) ? `+${getCountryCallingCode(upper as CountryCode)}` : null;
}
