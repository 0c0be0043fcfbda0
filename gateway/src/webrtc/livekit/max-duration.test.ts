// At the agent's max_duration_s a caller in a LiveKit room (the fake Room: no server here)
// hears the goodbye, then the call ends: the call's end (call-core/call-end.ts) has the turn
// pipeline say it instead of the room call's timer cutting the call. The pipeline speaks with
// espeak-ng, its other providers are the stand-ins.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioFrame } from "@livekit/rtc-node";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { MAX_DURATION_GOODBYE } from "../../call-core/call-end.ts";
import { CallLeases } from "../../call-core/call-leases.ts";
import { testAgent } from "../../calls/testing/test-gateway.ts";
import { MediaClock } from "../../media/clock.ts";
import { createAgentApplication } from "../../pipeline/create.ts";
import type { FrameSink } from "./call-audio.ts";
import { LiveKitRooms } from "./rooms.ts";
import { FakeRoom } from "./testing/fake-room.ts";
import { dispatchRoom } from "./testing/room-dispatch.ts";

const ORG = "org_livekit_max_duration";
const MAX_DURATION_S = 2;
const LIVEKIT = {
  url: "wss://livekit.example.test",
  apiKey: "APIlivekittest",
  apiSecret: "livekit-gateway-test-secret-0123456789",
};

/** A fake room that notes when each frame of the agent's voice arrived. */
class TimedRoom extends FakeRoom {
  readonly voiceAtMs: number[] = [];

  override async publishMicrophone(): Promise<FrameSink> {
    const sink = await super.publishMicrophone();
    return (frame) => {
      this.voiceAtMs.push(Date.now());
      return sink(frame);
    };
  }
}

const agent = testAgent({
  id: "agt_livekit_max_duration",
  org_id: ORG,
  first_message: "Hello.",
  max_duration_s: MAX_DURATION_S,
  stt: { provider: "openai", model: "whisper-1", language: "en" },
  llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
  voice: { provider: "espeak", voice_id: "en-us" },
});

const bus = new MemoryBus();
const clock = new MediaClock();
const log = createLogger("silent");
let dataDir: string;
let standIns: StandIns;
let rooms: LiveKitRooms;
const made: TimedRoom[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sb-livekit-max-duration-"));
  standIns = startStandIns();
  const config = loadConfig({
    DATA_DIR: dataDir,
    OPENAI_BASE_URL: standIns.urls.openai,
    LIVEKIT_URL: LIVEKIT.url,
    LIVEKIT_API_KEY: LIVEKIT.apiKey,
    LIVEKIT_API_SECRET: LIVEKIT.apiSecret,
  });
  await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
  await bus.ensureGroup(Streams.callEvents, "max-duration-test");
  rooms = new LiveKitRooms({
    config,
    livekit: LIVEKIT,
    log,
    bus,
    clock,
    application: await createAgentApplication({ config, log }),
    gatewayId: "gateway-livekit-max-duration",
    leases: new CallLeases({ bus, gatewayId: "gateway-livekit-max-duration", config, log }),
    recordingsDir: null,
    roomFactory: () => {
      const room = new TimedRoom();
      made.push(room);
      return room;
    },
  });
  rooms.start();
}, 60_000);

afterAll(async () => {
  await rooms?.stop();
  await standIns?.stop();
  await bus.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("max_duration_s in a LiveKit room (fake room, turn pipeline)", () => {
  test("a room call at its maximum duration hears the goodbye before the call ends", async () => {
    await dispatchRoom(bus, {
      org_id: ORG,
      agent_id: agent.id,
      expires_at: new Date(Date.now() + 60_000).toISOString(),
    });
    const room = await waitFor("the agent in the room", () => (made[0]?.connection ? made[0] : null));
    const microphone = room.publishMicrophoneOf(room.join("caller"));
    await waitFor("call.started in the room", () => room.messages.some((m) => m.type === "call.started"));
    const startedAtMs = Date.now();
    // The microphone is on (silence, as a browser sends while its caller listens).
    for (let index = 0; index < 10; index++)
      microphone.push(new AudioFrame(new Int16Array(160), 16_000, 1, 160));

    const ended = await waitFor(
      "call.ended in the room",
      () => room.messages.find((message) => message.type === "call.ended"),
      { timeoutMs: 30_000 },
    );
    expect(ended).toMatchObject({ status: "completed", hangup_cause: "max_duration" });
    const transcript = room.messages.filter((message) => message.type === "transcript");
    expect(transcript.map((message) => (message.turn as { text: string }).text)).toEqual([
      "Hello.",
      MAX_DURATION_GOODBYE,
    ]);
    expect(transcript[1]!.turn).toMatchObject({ role: "agent", interrupted: false });
    // Reported once its last frame went to the room, before the call ended.
    expect(room.messages.indexOf(transcript[1]!)).toBeLessThan(room.messages.indexOf(ended));
    // The goodbye's voice went to the room after the cap, for longer than a second.
    const afterCap = room.voiceAtMs.filter((atMs) => atMs >= startedAtMs + MAX_DURATION_S * 1000);
    expect(afterCap.length).toBeGreaterThan(50);
    expect(afterCap.at(-1)! - afterCap[0]!).toBeGreaterThan(1000);

    const events: CallEvent[] = [];
    await waitFor("call.ended on the bus", async () => {
      const entries = await bus.readGroup(Streams.callEvents, "max-duration-test", "reader", {
        count: 100,
        blockMs: 10,
      });
      for (const entry of entries) events.push(JSON.parse(entry.data) as CallEvent);
      return events.some((event) => event.type === "call.ended");
    });
    expect(events.map((event) => event.type)).toEqual([
      "call.started",
      "call.turn",
      "call.turn",
      "call.ended",
    ]);
    expect(events[3]).toMatchObject({ status: "completed", hangup_cause: "max_duration" });
  }, 60_000);
});
