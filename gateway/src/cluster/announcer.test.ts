import { afterEach, describe, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { liveAnnouncement } from "@switchboard/shared/cluster/announcement";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startAnnouncer } from "./announcer.ts";

const bus = new MemoryBus();
afterEach(async () => {
  await bus.hashDelete(Hashes.gatewayAnnouncements, "gateway-test-5070");
});

describe("gateway announcement", () => {
  test("is written at once, follows the gateway's load and drain, expires after three intervals and is removed on stop", async () => {
    const state = { callsInProgress: 0, draining: false };
    const announcer = startAnnouncer({
      bus,
      gatewayId: "gateway-test-5070",
      sipAddress: "192.0.2.10:5070",
      rtpAddress: "192.0.2.10",
      rtpPortMin: 10000,
      rtpPortMax: 10100,
      capacityCalls: 150,
      intervalMs: 50,
      state: () => state,
      onError: (error) => {
        throw error;
      },
    });
    const read = async () =>
      liveAnnouncement(await bus.hashGet(Hashes.gatewayAnnouncements, "gateway-test-5070"), Date.now());
    const first = await waitFor("the first announcement", read, { timeoutMs: 2000 });
    expect(first).toMatchObject({
      id: "gateway-test-5070",
      sip_address: "192.0.2.10:5070",
      rtp_address: "192.0.2.10",
      capacity_calls: 150,
      calls_in_progress: 0,
      draining: false,
    });
    expect(Date.parse(first.expires_at) - Date.parse(first.announced_at)).toBe(150);

    state.callsInProgress = 4;
    await waitFor("the load announced", async () => (await read())?.calls_in_progress === 4 || null, {
      timeoutMs: 2000,
    });
    state.draining = true;
    await announcer.announceNow();
    expect((await read())?.draining).toBe(true);
    // Past its expiry, a reader takes it for gone even while the entry is still there.
    expect(
      liveAnnouncement(
        await bus.hashGet(Hashes.gatewayAnnouncements, "gateway-test-5070"),
        Date.now() + 1000,
      ),
    ).toBeNull();

    await announcer.stop();
    expect(await bus.hashGet(Hashes.gatewayAnnouncements, "gateway-test-5070")).toBeNull();
  });
});
