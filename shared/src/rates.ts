// Prices an org pays: the operator's platform defaults (environment) unless the org has its own.
// Control bills with these and the gateways cap call lengths with them, so both resolve them here.
import type { Config } from "./config.ts";
import type { CallDirection } from "./events.ts";

export type Rates = Pick<
  Config,
  "numberMonthlyCents" | "outboundCentsPerMinute" | "inboundCentsPerMinute" | "webCentsPerMinute"
>;

/** The API's (and the stored overrides') field names, each with its largest accepted value. */
export const RATE_FIELDS = {
  number_monthly_cents: { key: "numberMonthlyCents", max: 1_000_000 },
  outbound_cents_per_minute: { key: "outboundCentsPerMinute", max: 100_000 },
  inbound_cents_per_minute: { key: "inboundCentsPerMinute", max: 100_000 },
  web_cents_per_minute: { key: "webCentsPerMinute", max: 100_000 },
} as const satisfies Record<string, { key: keyof Rates; max: number }>;

export type RateField = keyof typeof RATE_FIELDS;

/** An org's own prices; a missing field means the platform default. */
export type RateOverrides = Partial<Record<RateField, number>>;

export type RatesView = Record<RateField, number>;

const FIELD_NAMES = Object.keys(RATE_FIELDS) as RateField[];

function validRate(field: RateField, value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= RATE_FIELDS[field].max;
}

/**
 * The rates that apply: each field of `overrides` that is a valid rate, else the default. A
 * browser call's rate does not follow an org's inbound override: it is its own field.
 */
export function effectiveRates(defaults: Rates, overrides: unknown): Rates {
  const rates: Rates = {
    numberMonthlyCents: defaults.numberMonthlyCents,
    outboundCentsPerMinute: defaults.outboundCentsPerMinute,
    inboundCentsPerMinute: defaults.inboundCentsPerMinute,
    webCentsPerMinute: defaults.webCentsPerMinute,
  };
  if (typeof overrides !== "object" || overrides === null) return rates;
  for (const field of FIELD_NAMES) {
    const value = (overrides as Record<string, unknown>)[field];
    if (validRate(field, value)) rates[RATE_FIELDS[field].key] = value;
  }
  return rates;
}

/** Only the valid override fields of a stored value. */
export function rateOverrides(stored: unknown): RateOverrides {
  const overrides: RateOverrides = {};
  if (typeof stored !== "object" || stored === null) return overrides;
  for (const field of FIELD_NAMES) {
    const value = (stored as Record<string, unknown>)[field];
    if (validRate(field, value)) overrides[field] = value;
  }
  return overrides;
}

/** snake_case, as the API shows rates and as control publishes them on the bus. */
export function ratesView(rates: Rates): RatesView {
  return {
    number_monthly_cents: rates.numberMonthlyCents,
    outbound_cents_per_minute: rates.outboundCentsPerMinute,
    inbound_cents_per_minute: rates.inboundCentsPerMinute,
    web_cents_per_minute: rates.webCentsPerMinute,
  };
}

export function centsPerMinuteFor(
  rates: Pick<Rates, "inboundCentsPerMinute" | "outboundCentsPerMinute" | "webCentsPerMinute">,
  direction: CallDirection,
): number {
  if (direction === "outbound") return rates.outboundCentsPerMinute;
  if (direction === "web") return rates.webCentsPerMinute;
  return rates.inboundCentsPerMinute;
}

/**
 * The rating rule, written once: a call is metered in whole seconds (rounded up) at its
 * direction's per-minute rate, rounded up to the cent. Control bills with `callCostCents`;
 * gateways cap a call at `affordableSeconds`, the longest the balance pays for by that rule.
 */
export function callCostCents(centsPerMinute: number, durationS: number): number {
  if (!Number.isFinite(durationS) || durationS <= 0) return 0;
  const billedSeconds = Math.ceil(durationS - 1e-9);
  return Math.ceil((billedSeconds * centsPerMinute) / 60 - 1e-9);
}

export function affordableSeconds(balanceCents: number, centsPerMinute: number): number {
  return Math.max(0, Math.floor((balanceCents * 60) / centsPerMinute));
}

/** What a gateway uses: the rates control published for the org (JSON RatesView), else `defaults`. */
export function publishedRates(defaults: Rates, json: string | null): Rates {
  if (json === null) return effectiveRates(defaults, null);
  try {
    return effectiveRates(defaults, JSON.parse(json));
  } catch {
    return effectiveRates(defaults, null);
  }
}
