// The dispatcher sync against a real Kamailio (kamailio.cfg): announcements on the bus become
// the edge's gateway set, a draining gateway is written out of rotation, an expired one leaves.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus } from "../../shared/src/bus/memory.ts";
import { Hashes } from "../../shared/src/bus/topics.ts";
import { encodeAnnouncement } from "../../shared/src/cluster/announcement.ts";
import type { Gateway } from "../../shared/src/schemas/gateway.ts";
import { freeUdpPort, startOnFreePort } from "../../shared/src/testing/ports.ts";
import { waitFor } from "../../shared/src/testing/wait-for.ts";
import { parseDispatcherStates, renderDispatcherList, renderTrunkList } from "./dispatcher-list.ts";
import { type DispatcherSync, startDispatcherSync } from "./dispatcher-sync.ts";
import { type Edge, startEdge } from "./edge-process.ts";

function announcement(
  id: string,
  sipAddress: string,
  options: { draining?: boolean; expiresInMs?: number } = {},
): Gateway {
  const nowMs = Date.now();
  return {
    id,
    sip_address: sipAddress,
    rtp_address: "127.0.0.1",
    rtp_port_min: 20000,
    rtp_port_max: 21999,
    capacity_calls: 200,
    calls_in_progress: 0,
    cpu_percent: 0,
    draining: options.draining ?? false,
    started_at: new Date(nowMs).toISOString(),
    announced_at: new Date(nowMs).toISOString(),
    expires_at: new Date(nowMs + (options.expiresInMs ?? 60_000)).toISOString(),
  };
}

describe("dispatcher and trunk lists", () => {
  test("one probed line per gateway, a draining one inactive; trunk CIDRs with their mask", () => {
    expect(
      renderDispatcherList([
        announcement("gateway-b-5090", "10.0.0.2:5090", { draining: true }),
        announcement("gateway-a-5080", "10.0.0.1:5080"),
      ]),
    ).toBe(
      "# Written from the gateways' announcements; do not edit.\n" +
        "1 sip:10.0.0.1:5080 8 0 duid=gateway-a-5080\n" +
        "1 sip:10.0.0.2:5090 9 0 duid=gateway-b-5090\n",
    );
    expect(renderTrunkList(["54.172.60.0/30", "198.51.100.7"])).toBe(
      "# Trunk addresses allowed to send requests to the edge.\n1 54.172.60.0 30 0 trunk\n1 198.51.100.7 32 0 trunk\n",
    );
  });

  test("kamcmd's dispatcher.list is read into states by URI", () => {
    const listing =
      "{\n\tNRSETS: 1\n\tRECORDS: {\n\t\tSET: {\n\t\t\tID: 1\n\t\t\tTARGETS: {\n\t\t\t\tDEST: {\n\t\t\t\t\tURI: sip:127.0.0.1:5080\n\t\t\t\t\tFLAGS: AP\n\t\t\t\t}\n\t\t\t\tDEST: {\n\t\t\t\t\tURI: sip:127.0.0.1:5090\n\t\t\t\t\tFLAGS: IP\n";
    expect([...parseDispatcherStates(listing)]).toEqual([
      ["sip:127.0.0.1:5080", "active"],
      ["sip:127.0.0.1:5090", "inactive"],
    ]);
  });
});

describe("dispatcher sync with Kamailio", () => {
  const bus = new MemoryBus();
  let dir: string;
  let edge: Edge;
  let sync: DispatcherSync;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dispatcher-sync-"));
    // Nothing answers the pings at these addresses: probing is turned off by a long interval.
    edge = await startOnFreePort(freeUdpPort, (port) =>
      startEdge({
        dir,
        host: "127.0.0.1",
        sipPort: port,
        trunkCidrs: ["127.0.0.1/32"],
        pingIntervalS: 3600,
        children: 1,
      }),
    );
    sync = startDispatcherSync({
      bus,
      listPath: edge.dispatcherListPath,
      ctlSocket: edge.ctlSocket,
      intervalMs: 100,
    });
  }, 30_000);

  afterAll(async () => {
    await sync?.stop();
    await edge?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("announced gateways join, a draining one goes inactive, an expired one leaves", async () => {
    const put = (gateway: Gateway) =>
      bus.hashSet(Hashes.gatewayAnnouncements, gateway.id, encodeAnnouncement(gateway));
    const states = async () => Object.fromEntries([...(await edge.destinations())].sort());
    const until = (what: string, expected: Record<string, string>) =>
      waitFor(what, async () => JSON.stringify(await states()) === JSON.stringify(expected), {
        timeoutMs: 10_000,
        intervalMs: 100,
      });

    await put(announcement("gateway-a-5080", "127.0.0.1:5080"));
    await put(announcement("gateway-b-5090", "127.0.0.1:5090"));
    await until("both gateways active", { "sip:127.0.0.1:5080": "active", "sip:127.0.0.1:5090": "active" });

    await put(announcement("gateway-b-5090", "127.0.0.1:5090", { draining: true }));
    await until("the draining gateway inactive", {
      "sip:127.0.0.1:5080": "active",
      "sip:127.0.0.1:5090": "inactive",
    });

    await put(announcement("gateway-a-5080", "127.0.0.1:5080", { expiresInMs: -1 }));
    await until("the expired gateway gone", { "sip:127.0.0.1:5090": "inactive" });
  }, 40_000);
});
