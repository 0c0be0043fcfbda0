import { describe, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { CallDirectory } from "./directory.ts";
import { centsPerMinuteFor, durationCap } from "./duration-cap.ts";

describe("call duration cap", () => {
  test("the agent's maximum applies when the balance pays for more", () => {
    expect(durationCap(600, 10_000, 3)).toEqual({ seconds: 600, cause: "max_duration" });
  });

  test("the balance caps the call at what it pays for, per second", () => {
    // 50 cents at 3 cents a minute pay for 1000 s.
    expect(durationCap(1800, 50, 3)).toEqual({ seconds: 1000, cause: "credits_exhausted" });
    expect(durationCap(0, 7, 5)).toEqual({ seconds: 84, cause: "credits_exhausted" });
  });

  test("an unknown balance or a free rate caps nothing beyond the agent", () => {
    expect(durationCap(900, null, 3)).toEqual({ seconds: 900, cause: "max_duration" });
    expect(durationCap(0, 10, 0)).toEqual({ seconds: null, cause: "max_duration" });
  });

  test("each direction bills at its own rate", () => {
    const config = loadConfig({
      INBOUND_CENTS_PER_MINUTE: "3",
      OUTBOUND_CENTS_PER_MINUTE: "5",
      WEB_CENTS_PER_MINUTE: "2",
    });
    expect(centsPerMinuteFor(config, "inbound")).toBe(3);
    expect(centsPerMinuteFor(config, "outbound")).toBe(5);
    expect(centsPerMinuteFor(config, "web")).toBe(2);
  });

  test("an org's rates as control published them apply, else the gateway's configured ones", async () => {
    const config = loadConfig({ INBOUND_CENTS_PER_MINUTE: "3", OUTBOUND_CENTS_PER_MINUTE: "5" });
    const bus = new MemoryBus();
    const directory = new CallDirectory(bus, createLogger("silent"), null);
    await bus.hashSet(
      Hashes.orgRates,
      "org_priced",
      JSON.stringify({
        number_monthly_cents: 500,
        outbound_cents_per_minute: 12,
        inbound_cents_per_minute: 60,
        web_cents_per_minute: 3,
      }),
    );
    await bus.hashSet(Hashes.orgRates, "org_garbled", "{not json");
    const priced = await directory.rates("org_priced", config);
    expect(centsPerMinuteFor(priced, "inbound")).toBe(60);
    expect(centsPerMinuteFor(priced, "outbound")).toBe(12);
    // 100 cents at 60 cents a minute pay for 100 s, not the 2000 s of the default rate.
    expect(durationCap(0, 100, centsPerMinuteFor(priced, "inbound"))).toEqual({
      seconds: 100,
      cause: "credits_exhausted",
    });
    for (const orgId of ["org_unpublished", "org_garbled"]) {
      const rates = await directory.rates(orgId, config);
      expect(centsPerMinuteFor(rates, "inbound")).toBe(3);
      expect(centsPerMinuteFor(rates, "outbound")).toBe(5);
    }
    await bus.close();
  });
});
