import { expect, test } from "bun:test";
import { loadConfig } from "./config.ts";
import { effectiveRates, publishedRates, rateOverrides, ratesView } from "./rates.ts";

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
