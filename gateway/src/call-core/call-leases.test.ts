import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { hostname } from "node:os";
import type { Bus } from "@switchboard/shared/bus/contract";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { RedisBus } from "@switchboard/shared/bus/redis";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { freeUdpPort, startOnFreePort } from "@switchboard/shared/testing/ports";
import { startGateway } from "../server.ts";
import type { MediaApplication } from "./application.ts";
import { CallLeases, callLeaseScope } from "./call-leases.ts";

// Two gateways' CallLeases on one bus (two connections to one Redis prefix, or one in-process
// bus): the org's cap holds across them, and each gateway's own ceiling on top.

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const log = createLogger("silent");
const config = { sipMaxCallsPerOrg: 20, orgDefaultMaxConcurrentCalls: 10, gatewayHeartbeatIntervalMs: 2000 };

const backends: [string, () => Promise<[Bus, Bus]>][] = [
  [
    "memory",
    async () => {
      const bus = new MemoryBus();
      return [bus, bus];
    },
  ],
  [
    "redis",
    async () => {
      const prefix = `sbtest:${crypto.randomUUID()}:`;
      return [await RedisBus.connect(redisUrl, prefix), await RedisBus.connect(redisUrl, prefix)];
    },
  ],
];

for (const [name, connect] of backends) {
  describe(`call leases across gateways: ${name}`, () => {
    let busA: Bus;
    let busB: Bus;
    beforeAll(async () => {
      [busA, busB] = await connect();
    });
    afterAll(async () => {
      await busA.close();
      if (busB !== busA) await busB.close();
    });

    const gateways = (ceiling = 20) =>
      [
        new CallLeases({
          bus: busA,
          gatewayId: "gw-a",
          config: { ...config, sipMaxCallsPerOrg: ceiling },
          log,
        }),
        new CallLeases({
          bus: busB,
          gatewayId: "gw-b",
          config: { ...config, sipMaxCallsPerOrg: ceiling },
          log,
        }),
      ] as const;

    test("the org's published cap holds across gateways; a release frees one place, once", async () => {
      const org = `org_${crypto.randomUUID().slice(0, 8)}`;
      await busA.hashSet(Hashes.orgCallLimits, org, "2");
      const [a, b] = gateways();
      const first = await a.acquire(org, "call_1");
      const second = await b.acquire(org, "call_2");
      expect(first.ok && second.ok).toBe(true);
      expect(await a.acquire(org, "call_3")).toEqual({ ok: false, refusal: "org_cap", cap: 2 });
      expect(await b.acquire(org, "call_3")).toEqual({ ok: false, refusal: "org_cap", cap: 2 });
      expect(await busA.countLeases(callLeaseScope(org))).toBe(2);
      if (!first.ok) throw new Error("unreachable");
      await first.lease.release();
      await first.lease.release();
      expect(a.heldFor(org)).toBe(0);
      expect(await busB.countLeases(callLeaseScope(org))).toBe(1);
      expect((await b.acquire(org, "call_3")).ok).toBe(true);
      expect((await a.acquire(org, "call_4")).ok).toBe(false);
    });

    test("without a published cap the org gets ORG_DEFAULT_MAX_CONCURRENT_CALLS", async () => {
      const org = `org_${crypto.randomUUID().slice(0, 8)}`;
      const [a] = gateways();
      for (let i = 0; i < config.orgDefaultMaxConcurrentCalls; i++)
        expect((await a.acquire(org, `call_${i}`)).ok).toBe(true);
      expect(await a.acquire(org, "one_more")).toEqual({ ok: false, refusal: "org_cap", cap: 10 });
    });

    test("SIP_MAX_CALLS_PER_ORG caps one gateway's calls of an org below the org's cap", async () => {
      const org = `org_${crypto.randomUUID().slice(0, 8)}`;
      await busA.hashSet(Hashes.orgCallLimits, org, "100");
      const [a, b] = gateways(2);
      // Admissions in flight count against the ceiling before the bus answers.
      const admissions = await Promise.all([1, 2, 3].map((i) => a.acquire(org, `call_a${i}`)));
      expect(admissions.map((admission) => admission.ok)).toEqual([true, true, false]);
      expect(admissions[2]).toEqual({ ok: false, refusal: "gateway_ceiling", cap: 2 });
      expect(await busA.countLeases(callLeaseScope(org))).toBe(2);
      // The other gateway has its own ceiling.
      expect((await b.acquire(org, "call_b1")).ok).toBe(true);
    });

    test("leases of calls still running that went missing from the bus are put back on the next beat", async () => {
      const org = `org_${crypto.randomUUID().slice(0, 8)}`;
      const scope = callLeaseScope(org);
      await busA.hashSet(Hashes.orgCallLimits, org, "2");
      const gatewayId = `gw-${crypto.randomUUID().slice(0, 8)}`;
      const leases = new CallLeases({ bus: busA, gatewayId, config, log });
      const first = await leases.acquire(org, "call_1");
      const second = await leases.acquire(org, "call_2");
      if (!first.ok || !second.ok) throw new Error("both calls should be admitted");
      expect(await leases.restoreMissing(await busA.renewLeases(gatewayId, 60_000))).toBe(0);
      // Gone from the bus while both calls run (Redis restarted empty, or the gateway taken for lost).
      expect(await busB.reclaimLeases(gatewayId)).toBe(2);
      expect((await busB.acquireLease(scope, "call_elsewhere", "gw-other", 2, 60_000)).ok).toBe(true);
      expect(await leases.restoreMissing(await busA.renewLeases(gatewayId, 60_000))).toBe(2);
      // Counted again, even above the cap the other gateway's call took meanwhile.
      expect(await busB.countLeases(scope)).toBe(3);
      await first.lease.release();
      expect(await busB.countLeases(scope)).toBe(2);
      expect(await leases.restoreMissing(await busA.renewLeases(gatewayId, 60_000))).toBe(0);
      await second.lease.release();
      expect(await busB.countLeases(scope)).toBe(1);
    });

    test("a duplicate of a call already holding its lease does not free that call's place", async () => {
      const org = `org_${crypto.randomUUID().slice(0, 8)}`;
      await busA.hashSet(Hashes.orgCallLimits, org, "1");
      const [a, b] = gateways();
      const original = await a.acquire(org, "call_once");
      const duplicate = await b.acquire(org, "call_once");
      if (!original.ok || !duplicate.ok) throw new Error("both admissions should hold the one lease");
      await duplicate.lease.release();
      expect(b.heldFor(org)).toBe(0);
      expect(await busA.countLeases(callLeaseScope(org))).toBe(1);
      expect((await b.acquire(org, "call_other")).ok).toBe(false);
      await original.lease.release();
      expect(await busA.countLeases(callLeaseScope(org))).toBe(0);
    });
  });
}

test("a gateway starting under an earlier run's id voids that run's leases; stopping ends its own", async () => {
  const bus = new MemoryBus();
  const scope = callLeaseScope("org_restarted");
  await bus.acquireLease(scope, "call_elsewhere", "gateway-other", 5, 600_000);
  const application: MediaApplication = { start: async () => ({ stop: async () => {} }) };
  // The gateway's id is named after its SIP port, so the port is chosen ahead (and the start
  // tried again on another if it was taken before the bind).
  const { gateway, gatewayId } = await startOnFreePort(freeUdpPort, async (sipPort) => {
    const gatewayId = `gateway-${hostname()}-${sipPort}`;
    // Calls never survive a restart: the earlier run's leases would otherwise be renewed forever.
    await bus.acquireLease(scope, "call_of_earlier_run", gatewayId, 5, 600_000);
    try {
      const gateway = await startGateway({
        config: loadConfig({ SIP_PORT: String(sipPort), SIP_BIND_ADDRESS: "127.0.0.1", GATEWAY_PORT: "0" }),
        log,
        bus,
        application,
      });
      return { gateway, gatewayId };
    } catch (error) {
      await bus.releaseLease(scope, "call_of_earlier_run");
      throw error;
    }
  });
  try {
    expect(await bus.releaseLease(scope, "call_of_earlier_run")).toBe(false);
    await bus.acquireLease(scope, "call_of_this_run", gatewayId, 5, 600_000);
  } finally {
    await gateway.stop({ drainTimeoutMs: 0 });
  }
  expect(await bus.releaseLease(scope, "call_of_this_run")).toBe(false);
  expect(await bus.countLeases(scope)).toBe(1);
  await bus.close();
});
