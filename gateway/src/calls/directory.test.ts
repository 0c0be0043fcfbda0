import { describe, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { centsPerMinuteFor, durationCap } from "../call-core/duration-cap.ts";
import { CallDirectory } from "./directory.ts";

describe("call directory: rates", () => {
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
