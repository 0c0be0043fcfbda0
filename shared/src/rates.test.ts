import { describe, expect, test } from "bun:test";
import { loadConfig } from "./config.ts";
import {
  affordableSeconds,
  callCostCents,
  effectiveRates,
  publishedRates,
  rateOverrides,
  ratesView,
} from "./rates.ts";

const defaults = loadConfig({
  NUMBER_MONTHLY_CENTS: "500",
  OUTBOUND_CENTS_PER_MINUTE: "5",
  INBOUND_CENTS_PER_MINUTE: "3",
  WEB_CENTS_PER_MINUTE: "2",
});

test("an org's valid overrides win field by field; anything else is the platform default", () => {
  const rates = effectiveRates(defaults, {
    outbound_cents_per_minute: 0,
    inbound_cents_per_minute: -4,
    web_cents_per_minute: 2.5,
    number_monthly_cents: "900",
  });
  expect(ratesView(rates)).toEqual({
    number_monthly_cents: 500,
    outbound_cents_per_minute: 0,
    inbound_cents_per_minute: 3,
    web_cents_per_minute: 2,
  });
  expect(rateOverrides({ outbound_cents_per_minute: 0, inbound_cents_per_minute: 100_001, x: 1 })).toEqual({
    outbound_cents_per_minute: 0,
  });
  expect(ratesView(effectiveRates(defaults, null))).toEqual(ratesView(defaults));
});

test("what a gateway reads: the published view, else its own defaults", () => {
  const published = JSON.stringify({ ...ratesView(defaults), inbound_cents_per_minute: 60 });
  expect(publishedRates(defaults, published).inboundCentsPerMinute).toBe(60);
  expect(publishedRates(defaults, null)).toEqual(effectiveRates(defaults, {}));
  expect(publishedRates(defaults, "[1,2")).toEqual(effectiveRates(defaults, {}));
});

describe("the rating rule", () => {
  test("a call capped at the affordable seconds costs at most the balance; one second more costs more", () => {
    for (const centsPerMinute of [1, 3, 5, 7, 60, 120, 999]) {
      for (const balanceCents of [0, 1, 2, 5, 59, 61, 100, 1234]) {
        const seconds = affordableSeconds(balanceCents, centsPerMinute);
        expect(callCostCents(centsPerMinute, seconds)).toBeLessThanOrEqual(balanceCents);
        expect(callCostCents(centsPerMinute, seconds + 1)).toBeGreaterThan(balanceCents);
      }
    }
  });

  test("metered in whole seconds rounded up, then to the cent rounded up", () => {
    expect(callCostCents(60, 0)).toBe(0);
    expect(callCostCents(60, 0.2)).toBe(1);
    expect(callCostCents(3, 20)).toBe(1);
    expect(callCostCents(3, 21)).toBe(2);
    expect(callCostCents(120, 90.01)).toBe(182);
  });
});
