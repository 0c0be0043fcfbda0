// Room dispatch without a LiveKit server: control's room dispatch on the bus -> the gateway joins
// the room (a fake Room standing in for the server's) with an agent token, one gateway of the
// group per room; dispatches it skips, and rooms it leaves without a call.
import { describe, expect, test } from "bun:test";
import { captureLogs } from "@switchboard/shared/testing/log-capture";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { jwtVerify } from "jose";
import { agent, LIVEKIT, LiveKitRoomsHarness } from "./testing/rooms-harness.ts";

const harness = new LiveKitRoomsHarness();

describe("room dispatch", () => {
  test("a dispatched room is joined with the agent's token for that room", async () => {
    const command = await harness.dispatch();
    await waitFor(
      "the agent in the room",
      () => harness.made[0]?.connection !== null && harness.made.length === 1,
    );
    const { url, token } = harness.made[0]!.connection!;
    expect(url).toBe(LIVEKIT.url);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(LIVEKIT.apiSecret));
    expect(payload).toMatchObject({
      iss: LIVEKIT.apiKey,
      sub: `agent-${command.call_id}`,
      name: agent.name,
      attributes: { "switchboard.role": "agent" },
      video: { roomJoin: true, room: command.room, canPublish: true, canSubscribe: true },
    });
    expect(harness.rooms.callsInProgress).toBe(1);
    // Nothing is reported before the caller is there.
    expect(await harness.drainEvents()).toEqual([]);
  });

  test("an expired dispatch or an unknown agent is not joined; the next room is", async () => {
    await harness.dispatch({ expires_at: new Date(harness.nowMs - 1000).toISOString() });
    await harness.dispatch({ agent_id: "agt_missing" });
    await harness.dispatch({ org_id: "org_other" });
    const live = await harness.dispatch();
    await waitFor("the live room", () => harness.made.length === 1 && harness.made[0]!.connection !== null);
    const { payload } = await jwtVerify(
      harness.made[0]!.connection!.token,
      new TextEncoder().encode(LIVEKIT.apiSecret),
    );
    expect((payload.video as { room: string }).room).toBe(live.room);
  });

  test("a room is taken by one gateway of the group, once", async () => {
    const other = harness.startRooms({ gatewayId: "gateway-livekit-test-2" });
    try {
      for (let index = 0; index < 4; index++) await harness.dispatch();
      await waitFor("four rooms joined", () => harness.made.filter((room) => room.connection).length === 4);
      expect(harness.rooms.callsInProgress + other.callsInProgress).toBe(4);
      // Every dispatch is acked: none is left pending for a gateway to join again.
      await waitFor(
        "the dispatches acked",
        async () =>
          (await harness.pendingOf("gateway-livekit-test")) +
            (await harness.pendingOf("gateway-livekit-test-2")) ===
          0,
      );
      expect(harness.made.length).toBe(4);
    } finally {
      await other.stop();
    }
  });
});

describe("a room the agent leaves without a call", () => {
  test("a room whose caller never comes is left when the caller's token expires, without events", async () => {
    // Real time: the deadline is 300 ms after the dispatch.
    harness.nowMs = Date.now();
    await harness.dispatch({ expires_at: new Date(harness.nowMs + 300).toISOString() });
    await waitFor("the agent in the room", () => harness.made[0]?.connection != null);
    await waitFor("the agent leaving", () => harness.made[0]!.disconnects === 1);
    expect(harness.rooms.callsInProgress).toBe(0);
    expect(await harness.drainEvents()).toEqual([]);
  });

  test("a room the server refuses is given up, logged, and not taken again", async () => {
    const logs = captureLogs();
    await harness.restartRooms({
      logger: logs.logger,
      refuseWith: new Error("signal failure: connection refused"),
    });
    const command = await harness.dispatch();
    await waitFor("the failure logged", () =>
      logs.entries().some((entry) => entry.msg === "joining the livekit room failed"),
    );
    expect(logs.entries().find((entry) => entry.msg === "joining the livekit room failed")).toMatchObject({
      call_id: command.call_id,
    });
    expect(harness.made.length).toBe(1);
    expect(harness.made[0]!.disconnects).toBe(1);
    expect(harness.rooms.callsInProgress).toBe(0);
    await waitFor("the dispatch acked", async () => (await harness.pendingOf("gateway-livekit-test")) === 0);
    expect(await harness.drainEvents()).toEqual([]);
  });
});
