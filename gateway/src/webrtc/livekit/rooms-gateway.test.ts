// The room service in a gateway's life: a drain ends the calls in its rooms and takes no more,
// and a gateway configured for LiveKit starts the service on the real @livekit/rtc-node.
import { describe, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { captureLogs } from "@switchboard/shared/testing/log-capture";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { jwtVerify } from "jose";
import { drainCalls } from "../../drain.ts";
import { startGateway } from "../../server.ts";
import { dispatchRoom } from "./testing/room-dispatch.ts";
import { agent, LIVEKIT, LiveKitRoomsHarness, ORG } from "./testing/rooms-harness.ts";

const harness = new LiveKitRoomsHarness();

describe("a draining gateway", () => {
  test("a drain takes no more rooms and ends the calls in progress as gateway_shutdown, with their events", async () => {
    await harness.dispatch();
    await waitFor("the agent in the room", () => harness.made[0]?.connection != null);
    const room = harness.made[0]!;
    room.publishMicrophoneOf(room.join("caller"));
    await waitFor("call.started", () => room.messages.some((message) => message.type === "call.started"));
    await drainCalls([harness.rooms], {
      drainTimeoutMs: 0,
      goodbyeMessage: "Goodbye.",
      log: createLogger("silent"),
    });
    expect(harness.rooms.callsInProgress).toBe(0);
    expect(room.disconnects).toBe(1);
    const events = await harness.drainEvents();
    expect(events.find((event) => event.type === "call.ended")).toMatchObject({
      status: "completed",
      hangup_cause: "gateway_shutdown",
    });
    // A room dispatched now waits for a gateway still taking harness.rooms.
    const waiting = await harness.dispatch();
    const other = harness.startRooms({ gatewayId: "gateway-livekit-test-2" });
    try {
      await waitFor(
        "the other gateway in the room",
        () => harness.made.length === 2 && harness.made[1]!.connection !== null,
      );
      const { payload } = await jwtVerify(
        harness.made[1]!.connection!.token,
        new TextEncoder().encode(LIVEKIT.apiSecret),
      );
      expect((payload.video as { room: string }).room).toBe(waiting.room);
      expect(harness.rooms.callsInProgress).toBe(0);
    } finally {
      await other.stop();
    }
  });
});

describe("a gateway with LiveKit configured", () => {
  test("starts the room service: a dispatched room is joined through @livekit/rtc-node (here refused: no server)", async () => {
    const logs = captureLogs();
    const gatewayBus = new MemoryBus();
    await gatewayBus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
    const gateway = await startGateway({
      config: loadConfig({
        GATEWAY_PORT: "0",
        SIP_PORT: "0",
        SIP_BIND_ADDRESS: "127.0.0.1",
        DATA_DIR: harness.dataDir,
        // Nothing listens on port 1: the SDK's connection is refused at once.
        LIVEKIT_URL: "ws://127.0.0.1:1",
        LIVEKIT_API_KEY: LIVEKIT.apiKey,
        LIVEKIT_API_SECRET: LIVEKIT.apiSecret,
      }),
      log: logs.logger,
      bus: gatewayBus,
    });
    try {
      expect(gateway.describe().join("\n")).toContain("LiveKit rooms at ws://127.0.0.1:1");
      const { call_id: callId } = await dispatchRoom(gatewayBus, {
        org_id: ORG,
        agent_id: agent.id,
        expires_at: new Date(Date.now() + 60_000).toISOString(),
      });
      await waitFor("the SDK's connection refused", () =>
        logs.entries().some((entry) => entry.msg === "joining the livekit room failed"),
      );
      const failure = logs.entries().find((entry) => entry.msg === "joining the livekit room failed")!;
      expect(failure).toMatchObject({ component: "livekit", call_id: callId });
      expect(JSON.stringify(failure.err)).toContain("Connection refused");
    } finally {
      await gateway.stop({ drainTimeoutMs: 0 });
      await gatewayBus.close();
    }
  });
});
