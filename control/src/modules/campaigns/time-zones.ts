// A lead's time zone when the lead names none: from its number where one zone covers it (the
// country, or a North American area code), else null (the campaign's zone applies).
import { parsePhoneNumberWithError } from "libphonenumber-js/max";

const COUNTRY_ZONES: Record<string, string> = {
  GB: "Europe/London",
  IE: "Europe/Dublin",
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  ES: "Europe/Madrid",
  IT: "Europe/Rome",
  NL: "Europe/Amsterdam",
  BE: "Europe/Brussels",
  CH: "Europe/Zurich",
  AT: "Europe/Vienna",
  SE: "Europe/Stockholm",
  NO: "Europe/Oslo",
  DK: "Europe/Copenhagen",
  FI: "Europe/Helsinki",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  GR: "Europe/Athens",
  TR: "Europe/Istanbul",
  IL: "Asia/Jerusalem",
  AE: "Asia/Dubai",
  IN: "Asia/Kolkata",
  SG: "Asia/Singapore",
  HK: "Asia/Hong_Kong",
  JP: "Asia/Tokyo",
  KR: "Asia/Seoul",
  CN: "Asia/Shanghai",
  PH: "Asia/Manila",
  ZA: "Africa/Johannesburg",
  NG: "Africa/Lagos",
  KE: "Africa/Nairobi",
  EG: "Africa/Cairo",
  NZ: "Pacific/Auckland",
  AR: "America/Argentina/Buenos_Aires",
  CO: "America/Bogota",
  PE: "America/Lima",
  CL: "America/Santiago",
  PR: "America/Puerto_Rico",
};

/** North American area codes of the larger cities, by zone. */
const AREA_CODE_ZONES: Record<string, string[]> = {
  "America/New_York": ["201", "202", "212", "215", "305", "404", "516", "617", "646", "718", "917", "973"],
  "America/Chicago": ["214", "312", "469", "512", "612", "713", "773", "832", "972"],
  "America/Denver": ["303", "720", "801"],
  "America/Phoenix": ["480", "602", "623"],
  "America/Los_Angeles": ["206", "213", "310", "408", "415", "510", "619", "628", "650", "702", "714", "818"],
  "America/Anchorage": ["907"],
  "Pacific/Honolulu": ["808"],
  "America/Toronto": ["416", "437", "514", "613", "647"],
  "America/Vancouver": ["604", "778"],
};

const ZONE_OF_AREA_CODE = new Map(
  Object.entries(AREA_CODE_ZONES).flatMap(([zone, codes]) => codes.map((code) => [code, zone] as const)),
);

export function zoneOfNumber(e164: string): string | null {
  if (e164.startsWith("+1")) return ZONE_OF_AREA_CODE.get(e164.slice(2, 5)) ?? null;
  try {
    const country = parsePhoneNumberWithError(e164).country;
    return country ? (COUNTRY_ZONES[country] ?? null) : null;
  } catch {
    return null;
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
