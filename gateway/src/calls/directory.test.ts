import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";
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

function trunk(id: string, orgId: string | null): TrunkSnapshot {
  return {
    id,
    org_id: orgId,
    name: id,
    inbound_cidrs: [],
    inbound_auth: null,
    outbound_uri: `sip:${id}.example.test`,
    outbound_auth: null,
    caller_id: { default_caller_id: null, allow_from_number: true },
    destination_prefixes: ["+1"],
  };
}

describe("call directory: outbound trunks", () => {
  let bus: MemoryBus;
  let directory: CallDirectory;
  /** Publishes a trunk as control writes it, without the invalidation that makes gateways reload. */
  const publish = (snapshot: TrunkSnapshot) =>
    bus.hashSet(Hashes.trunks, snapshot.id, JSON.stringify(snapshot));

  beforeEach(async () => {
    bus = new MemoryBus();
    directory = new CallDirectory(bus, createLogger("silent"), null);
    await directory.start();
  });
  afterEach(async () => {
    await directory.stop();
    await bus.close();
  });

  test("a trunk published after the last reload, its invalidation not yet seen, is found by reloading on the miss", async () => {
    await publish(trunk("trk_new", "org_a"));
    expect((await directory.outboundTrunk("org_a", "trk_new"))?.id).toBe("trk_new");
    // Found without another reload from now on.
    await bus.hashDelete(Hashes.trunks, "trk_new");
    expect((await directory.outboundTrunk("org_a", "trk_new"))?.id).toBe("trk_new");
  });

  test("a trunk still missing after the reload, or another org's, is not dialled", async () => {
    await publish(trunk("trk_b", "org_b"));
    expect(await directory.outboundTrunk("org_a", "trk_missing")).toBeNull();
    expect(await directory.outboundTrunk("org_a", "trk_b")).toBeNull();
    expect((await directory.outboundTrunk("org_b", "trk_b"))?.id).toBe("trk_b");
  });

  test("without a named trunk a miss reloads too: the org's own trunk, else the default", async () => {
    await publish(trunk("trk_default", null));
    expect((await directory.outboundTrunk("org_a", null))?.id).toBe("trk_default");
    await publish(trunk("trk_own", "org_a"));
    await directory.reloadTrunks();
    expect((await directory.outboundTrunk("org_a", null))?.id).toBe("trk_own");
  });
});
