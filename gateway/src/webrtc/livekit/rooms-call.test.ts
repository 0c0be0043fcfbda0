// A call in a LiveKit room without a server: the caller's microphone arrives -> the call runs the
// greeting application with audio both ways -> the caller leaves -> call.ended with its duration,
// and the recording; who counts as the caller, keypad digits, and callers refused.
import { describe, expect, test } from "bun:test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Hashes } from "@switchboard/shared/bus/topics";
import type { CallEvent } from "@switchboard/shared/events";
import { claimCallStart } from "@switchboard/shared/secrets/call-token";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { callLeaseScope } from "../../call-core/call-leases.ts";
import type { FakeRoom } from "./testing/fake-room.ts";
import { agent, LiveKitRoomsHarness, ORG, peak, toneFrames } from "./testing/rooms-harness.ts";

const harness = new LiveKitRoomsHarness();

describe("a call in a room", () => {
  test("caller joins, audio flows both ways, caller leaves: call.started, call.ended with duration, recording", async () => {
    const command = await harness.dispatch();
    await waitFor("the agent in the room", () => harness.made[0]?.connection != null);
    const room = harness.made[0]!;
    const answeredAtMs = harness.nowMs;
    const caller = room.join(`caller-${command.call_id}`);
    const microphone = room.publishMicrophoneOf(caller);
    await waitFor("call.started", () => room.messages.some((message) => message.type === "call.started"));
    for (const frame of toneFrames(100)) microphone.push(frame);
    // The greeting (espeak-ng) reaches the room as 20 ms 16 kHz frames of the agent's voice.
    await waitFor("the agent's voice", () => room.voice.length >= 25, { timeoutMs: 15_000 });
    expect(
      room.voice.every(
        (frame) => frame.sampleRate === 16_000 && frame.channels === 1 && frame.samplesPerChannel === 320,
      ),
    ).toBe(true);
    expect(Math.max(...room.voice.map((frame) => peak(frame.data)))).toBeGreaterThan(1000);
    expect(await harness.bus.countLeases(callLeaseScope(ORG))).toBe(1);

    harness.nowMs = answeredAtMs + 3_400;
    room.leave(caller);
    await waitFor("the call's end", () => harness.rooms.callsInProgress === 0);
    expect(room.disconnects).toBe(1);
    expect(await harness.bus.countLeases(callLeaseScope(ORG))).toBe(0);

    const events = await harness.drainEvents();
    expect(events.map((event) => event.type)).toEqual(["call.started", "call.ended", "call.recording"]);
    const [started, ended, recording] = events as [
      Extract<CallEvent, { type: "call.started" }>,
      Extract<CallEvent, { type: "call.ended" }>,
      Extract<CallEvent, { type: "call.recording" }>,
    ];
    expect(started).toMatchObject({
      call_id: command.call_id,
      org_id: ORG,
      direction: "web",
      agent_id: agent.id,
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: new Date(answeredAtMs).toISOString(),
    });
    expect(ended).toMatchObject({
      call_id: command.call_id,
      status: "completed",
      hangup_cause: "caller_hangup",
      ended_at: new Date(answeredAtMs + 3_400).toISOString(),
      duration_s: 3,
    });
    // The recording holds the caller (left) and the agent (right).
    expect(recording.path).toBe(join(harness.dataDir, "recordings", `${command.call_id}.wav`));
    const wav = new Int16Array((await readFile(recording.path)).buffer.slice(44));
    const left = wav.filter((_sample, index) => index % 2 === 0);
    const right = wav.filter((_sample, index) => index % 2 === 1);
    expect(peak(left)).toBeGreaterThan(5000);
    expect(peak(right)).toBeGreaterThan(1000);
    expect(recording.bytes).toBe(44 + wav.length * 2);

    expect(room.messages.map((message) => message.type)).toEqual(["call.started", "call.ended"]);
    expect(room.messages[1]).toEqual({
      type: "call.ended",
      call_id: command.call_id,
      status: "completed",
      hangup_cause: "caller_hangup",
    });
  });

  test("other agents and video tracks are not the caller; the room closing ends the call", async () => {
    await harness.dispatch();
    await waitFor("the agent in the room", () => harness.made[0]?.connection != null);
    const room = harness.made[0]!;
    const otherAgent = room.join("agent-elsewhere", "agent");
    room.publishMicrophoneOf(otherAgent);
    const caller = room.join("caller");
    room.publishMicrophoneOf(caller, 2 /* TrackKind.KIND_VIDEO */);
    room.publishMicrophoneOf(caller);
    await waitFor("call.started", () => room.messages.length === 1);
    room.close();
    await waitFor("the call's end", () => harness.rooms.callsInProgress === 0);
    const events = await harness.drainEvents();
    expect(events.filter((event) => event.type !== "call.recording").map((event) => event.type)).toEqual([
      "call.started",
      "call.ended",
    ]);
    expect(events[1]).toMatchObject({ status: "completed", hangup_cause: "room_disconnected" });
  });

  test("the caller's keypad digits reach the application; another participant's do not", async () => {
    const digits: string[] = [];
    await harness.restartRooms({
      application: {
        async start(call) {
          call.audio.onDtmf((digit) => digits.push(digit));
          return { async stop() {} };
        },
      },
    });
    await harness.dispatch();
    await waitFor("the agent in the room", () => harness.made[0]?.connection != null);
    const room = harness.made[0]!;
    const caller = room.join("caller");
    room.publishMicrophoneOf(caller);
    await waitFor("call.started", () => room.messages.some((message) => message.type === "call.started"));
    room.pressKey(room.join("someone-else"), "9");
    room.pressKey(caller, "5");
    room.pressKey(caller, "#");
    await waitFor("two digits", () => digits.length === 2);
    expect(digits).toEqual(["5", "#"]);
  });

  test("a caller over the org's credits, or whose call token a WHIP offer used, is refused: no events", async () => {
    await harness.bus.hashSet(Hashes.creditBalances, ORG, "0");
    await harness.dispatch();
    const used = await harness.dispatch();
    await waitFor(
      "both rooms joined",
      () => harness.made.length === 2 && harness.made.every((room) => room.connection),
    );
    const [broke, taken] = harness.made as [FakeRoom, FakeRoom];
    broke.publishMicrophoneOf(broke.join("caller-1"));
    await waitFor("the refusal", () => broke.disconnects === 1);
    expect(broke.messages).toEqual([
      expect.objectContaining({ type: "call.ended", status: "failed", hangup_cause: "insufficient_credits" }),
    ]);

    await harness.bus.hashDelete(Hashes.creditBalances, ORG);
    // A WHIP offer with the same call token started the call first.
    expect(await claimCallStart(harness.bus, used.call_id, new Date(used.expires_at))).toBe(true);
    taken.publishMicrophoneOf(taken.join("caller-2"));
    await waitFor("the refusal", () => taken.disconnects === 1);
    expect(taken.messages).toEqual([
      expect.objectContaining({ type: "call.ended", status: "failed", hangup_cause: "token_used" }),
    ]);
    expect(harness.rooms.callsInProgress).toBe(0);
    expect(await harness.bus.countLeases(callLeaseScope(ORG))).toBe(0);
    expect(await harness.drainEvents()).toEqual([]);
  });
});
