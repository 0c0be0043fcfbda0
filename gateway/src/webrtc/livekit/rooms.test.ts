// Browser calls through LiveKit rooms without a LiveKit server: control's room dispatch on the
// bus -> the gateway joins the room (a fake Room standing in for the server's) with an agent
// token -> the caller's microphone arrives -> the call runs the greeting application with audio
// both ways -> the caller leaves -> call.ended with its duration, and the recording.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioFrame } from "@livekit/rtc-node";
import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { type Config, loadConfig } from "@switchboard/shared/config";
import { type CallEvent, type RoomDispatchCommand, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger, type Logger } from "@switchboard/shared/logger";
import { claimCallStart } from "@switchboard/shared/secrets/call-token";
import { captureLogs } from "@switchboard/shared/testing/log-capture";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { jwtVerify } from "jose";
import type { MediaApplication } from "../../call-core/application.ts";
import { CallLeases, callLeaseScope } from "../../call-core/call-leases.ts";
import { GreetingApplication } from "../../call-core/greeting-application.ts";
import { drainCalls } from "../../drain.ts";
import { MediaClock } from "../../media/clock.ts";
import { EspeakTts } from "../../providers/espeak/tts.ts";
import { startGateway } from "../../server.ts";
import { LiveKitRooms, ROOMS_GROUP } from "./rooms.ts";
import { FakeRoom } from "./testing/fake-room.ts";

const ORG = "org_livekit_test";
const LIVEKIT = {
  url: "wss://livekit.example.test",
  apiKey: "APIlivekittest",
  apiSecret: "livekit-gateway-test-secret-0123456789",
};
const EVENTS_GROUP = "livekit-test-events";

const agent: Agent = {
  ...AGENT_DEFAULTS,
  id: "agt_livekit_test",
  org_id: ORG,
  name: "Room agent",
  system_prompt: "",
  first_message: "Hello {{name}}, thanks for calling.",
  voice: { provider: "espeak", voice_id: "en-us" },
  language: "en",
  tools: [],
  is_active: true,
  metadata: {},
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
};

let bus: MemoryBus;
let config: Config;
let dataDir: string;
let rooms: LiveKitRooms;
let made: FakeRoom[];
let nowMs: number;
const clock = new MediaClock();

/** Call events written since the last call, in order. */
async function drainEvents(): Promise<CallEvent[]> {
  const entries = await bus.readGroup(Streams.callEvents, EVENTS_GROUP, "test", { count: 1000, blockMs: 0 });
  await bus.ack(
    Streams.callEvents,
    EVENTS_GROUP,
    entries.map((entry) => entry.id),
  );
  return entries.map((entry) => JSON.parse(entry.data) as CallEvent);
}

async function dispatch(overrides: Partial<RoomDispatchCommand> = {}): Promise<RoomDispatchCommand> {
  const callId = overrides.call_id ?? newId("call");
  const command: RoomDispatchCommand = {
    call_id: callId,
    org_id: ORG,
    agent_id: agent.id,
    room: callId,
    metadata: { name: "Ada" },
    expires_at: new Date(nowMs + 120_000).toISOString(),
    ...overrides,
  };
  await bus.append(Streams.liveKitRooms, JSON.stringify(command));
  return command;
}

/** Room dispatches a gateway was given and has not acked. */
async function pendingOf(gatewayId: string): Promise<number> {
  return (await bus.readPending(Streams.liveKitRooms, ROOMS_GROUP, gatewayId, 100)).length;
}

/** 10 ms frames of a 16 kHz tone, as rtc-node's AudioStream delivers them. */
function toneFrames(count: number): AudioFrame[] {
  const frames: AudioFrame[] = [];
  for (let index = 0; index < count; index++) {
    const samples = new Int16Array(160);
    for (let i = 0; i < samples.length; i++)
      samples[i] = Math.round(6000 * Math.sin((2 * Math.PI * 440 * (index * 160 + i)) / 16_000));
    frames.push(new AudioFrame(samples, 16_000, 1, 160));
  }
  return frames;
}

function peak(samples: ArrayLike<number>): number {
  let max = 0;
  for (let index = 0; index < samples.length; index++) max = Math.max(max, Math.abs(samples[index]!));
  return max;
}

function startRooms(
  options: { logger?: Logger; gatewayId?: string; refuseWith?: Error; application?: MediaApplication } = {},
): LiveKitRooms {
  const log = options.logger ?? createLogger("silent");
  const gatewayId = options.gatewayId ?? "gateway-livekit-test";
  const service = new LiveKitRooms({
    config,
    livekit: LIVEKIT,
    log,
    bus,
    clock,
    application:
      options.application ?? new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
    gatewayId,
    leases: new CallLeases({ bus, gatewayId, config, log }),
    recordingsDir: join(dataDir, "recordings"),
    roomFactory: () => {
      const room = new FakeRoom();
      room.refuseWith = options.refuseWith ?? null;
      made.push(room);
      return room;
    },
    now: () => nowMs,
  });
  service.start();
  return service;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sb-livekit-"));
  config = loadConfig({
    DATA_DIR: dataDir,
    LIVEKIT_URL: LIVEKIT.url,
    LIVEKIT_API_KEY: LIVEKIT.apiKey,
    LIVEKIT_API_SECRET: LIVEKIT.apiSecret,
  });
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await rooms?.stop();
  await bus?.close();
  bus = new MemoryBus();
  await bus.ensureGroup(Streams.callEvents, EVENTS_GROUP);
  await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
  made = [];
  nowMs = Date.parse("2030-01-01T10:00:00Z");
  rooms = startRooms();
});

afterAll(async () => {
  await rooms.stop();
  await bus.close();
});

describe("room dispatch", () => {
  test("a dispatched room is joined with the agent's token for that room", async () => {
    const command = await dispatch();
    await waitFor("the agent in the room", () => made[0]?.connection !== null && made.length === 1);
    const { url, token } = made[0]!.connection!;
    expect(url).toBe(LIVEKIT.url);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(LIVEKIT.apiSecret));
    expect(payload).toMatchObject({
      iss: LIVEKIT.apiKey,
      sub: `agent-${command.call_id}`,
      name: agent.name,
      attributes: { "switchboard.role": "agent" },
      video: { roomJoin: true, room: command.room, canPublish: true, canSubscribe: true },
    });
    expect(rooms.callsInProgress).toBe(1);
    // Nothing is reported before the caller is there.
    expect(await drainEvents()).toEqual([]);
  });

  test("an expired dispatch or an unknown agent is not joined; the next room is", async () => {
    await dispatch({ expires_at: new Date(nowMs - 1000).toISOString() });
    await dispatch({ agent_id: "agt_missing" });
    await dispatch({ org_id: "org_other" });
    const live = await dispatch();
    await waitFor("the live room", () => made.length === 1 && made[0]!.connection !== null);
    const { payload } = await jwtVerify(
      made[0]!.connection!.token,
      new TextEncoder().encode(LIVEKIT.apiSecret),
    );
    expect((payload.video as { room: string }).room).toBe(live.room);
  });

  test("a room is taken by one gateway of the group, once", async () => {
    const other = startRooms({ gatewayId: "gateway-livekit-test-2" });
    try {
      for (let index = 0; index < 4; index++) await dispatch();
      await waitFor("four rooms joined", () => made.filter((room) => room.connection).length === 4);
      expect(rooms.callsInProgress + other.callsInProgress).toBe(4);
      // Every dispatch is acked: none is left pending for a gateway to join again.
      await waitFor(
        "the dispatches acked",
        async () =>
          (await pendingOf("gateway-livekit-test")) + (await pendingOf("gateway-livekit-test-2")) === 0,
      );
      expect(made.length).toBe(4);
    } finally {
      await other.stop();
    }
  });
});

describe("a call in a room", () => {
  test("caller joins, audio flows both ways, caller leaves: call.started, call.ended with duration, recording", async () => {
    const command = await dispatch();
    await waitFor("the agent in the room", () => made[0]?.connection != null);
    const room = made[0]!;
    const answeredAtMs = nowMs;
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
    expect(await bus.countLeases(callLeaseScope(ORG))).toBe(1);

    nowMs = answeredAtMs + 3_400;
    room.leave(caller);
    await waitFor("the call's end", () => rooms.callsInProgress === 0);
    expect(room.disconnects).toBe(1);
    expect(await bus.countLeases(callLeaseScope(ORG))).toBe(0);

    const events = await drainEvents();
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
    expect(recording.path).toBe(join(dataDir, "recordings", `${command.call_id}.wav`));
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
    await dispatch();
    await waitFor("the agent in the room", () => made[0]?.connection != null);
    const room = made[0]!;
    const otherAgent = room.join("agent-elsewhere", "agent");
    room.publishMicrophoneOf(otherAgent);
    const caller = room.join("caller");
    room.publishMicrophoneOf(caller, 2 /* TrackKind.KIND_VIDEO */);
    room.publishMicrophoneOf(caller);
    await waitFor("call.started", () => room.messages.length === 1);
    room.close();
    await waitFor("the call's end", () => rooms.callsInProgress === 0);
    const events = await drainEvents();
    expect(events.filter((event) => event.type !== "call.recording").map((event) => event.type)).toEqual([
      "call.started",
      "call.ended",
    ]);
    expect(events[1]).toMatchObject({ status: "completed", hangup_cause: "room_disconnected" });
  });

  test("a drain takes no more rooms and ends the calls in progress as gateway_shutdown, with their events", async () => {
    await dispatch();
    await waitFor("the agent in the room", () => made[0]?.connection != null);
    const room = made[0]!;
    room.publishMicrophoneOf(room.join("caller"));
    await waitFor("call.started", () => room.messages.some((message) => message.type === "call.started"));
    await drainCalls([rooms], { drainTimeoutMs: 0, goodbyeMessage: "Goodbye.", log: createLogger("silent") });
    expect(rooms.callsInProgress).toBe(0);
    expect(room.disconnects).toBe(1);
    const events = await drainEvents();
    expect(events.find((event) => event.type === "call.ended")).toMatchObject({
      status: "completed",
      hangup_cause: "gateway_shutdown",
    });
    // A room dispatched now waits for a gateway still taking rooms.
    const waiting = await dispatch();
    const other = startRooms({ gatewayId: "gateway-livekit-test-2" });
    try {
      await waitFor("the other gateway in the room", () => made.length === 2 && made[1]!.connection !== null);
      const { payload } = await jwtVerify(
        made[1]!.connection!.token,
        new TextEncoder().encode(LIVEKIT.apiSecret),
      );
      expect((payload.video as { room: string }).room).toBe(waiting.room);
      expect(rooms.callsInProgress).toBe(0);
    } finally {
      await other.stop();
    }
  });

  test("the caller's keypad digits reach the application; another participant's do not", async () => {
    await rooms.stop();
    const digits: string[] = [];
    rooms = startRooms({
      application: {
        async start(call) {
          call.audio.onDtmf((digit) => digits.push(digit));
          return { async stop() {} };
        },
      },
    });
    await dispatch();
    await waitFor("the agent in the room", () => made[0]?.connection != null);
    const room = made[0]!;
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
    await bus.hashSet(Hashes.creditBalances, ORG, "0");
    await dispatch();
    const used = await dispatch();
    await waitFor("both rooms joined", () => made.length === 2 && made.every((room) => room.connection));
    const [broke, taken] = made as [FakeRoom, FakeRoom];
    broke.publishMicrophoneOf(broke.join("caller-1"));
    await waitFor("the refusal", () => broke.disconnects === 1);
    expect(broke.messages).toEqual([
      expect.objectContaining({ type: "call.ended", status: "failed", hangup_cause: "insufficient_credits" }),
    ]);

    await bus.hashDelete(Hashes.creditBalances, ORG);
    // A WHIP offer with the same call token started the call first.
    expect(await claimCallStart(bus, used.call_id, new Date(used.expires_at))).toBe(true);
    taken.publishMicrophoneOf(taken.join("caller-2"));
    await waitFor("the refusal", () => taken.disconnects === 1);
    expect(taken.messages).toEqual([
      expect.objectContaining({ type: "call.ended", status: "failed", hangup_cause: "token_used" }),
    ]);
    expect(rooms.callsInProgress).toBe(0);
    expect(await bus.countLeases(callLeaseScope(ORG))).toBe(0);
    expect(await drainEvents()).toEqual([]);
  });

  test("a room whose caller never comes is left when the caller's token expires, without events", async () => {
    // Real time: the deadline is 300 ms after the dispatch.
    nowMs = Date.now();
    await dispatch({ expires_at: new Date(nowMs + 300).toISOString() });
    await waitFor("the agent in the room", () => made[0]?.connection != null);
    await waitFor("the agent leaving", () => made[0]!.disconnects === 1);
    expect(rooms.callsInProgress).toBe(0);
    expect(await drainEvents()).toEqual([]);
  });

  test("a room the server refuses is given up, logged, and not taken again", async () => {
    await rooms.stop();
    const logs = captureLogs();
    rooms = startRooms({ logger: logs.logger, refuseWith: new Error("signal failure: connection refused") });
    const command = await dispatch();
    await waitFor("the failure logged", () =>
      logs.entries().some((entry) => entry.msg === "joining the livekit room failed"),
    );
    expect(logs.entries().find((entry) => entry.msg === "joining the livekit room failed")).toMatchObject({
      call_id: command.call_id,
    });
    expect(made.length).toBe(1);
    expect(made[0]!.disconnects).toBe(1);
    expect(rooms.callsInProgress).toBe(0);
    await waitFor("the dispatch acked", async () => (await pendingOf("gateway-livekit-test")) === 0);
    expect(await drainEvents()).toEqual([]);
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
        DATA_DIR: dataDir,
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
      const callId = newId("call");
      await gatewayBus.append(
        Streams.liveKitRooms,
        JSON.stringify({
          call_id: callId,
          org_id: ORG,
          agent_id: agent.id,
          room: callId,
          metadata: {},
          expires_at: new Date(Date.now() + 60_000).toISOString(),
        } satisfies RoomDispatchCommand),
      );
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
