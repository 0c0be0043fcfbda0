// Test support for LiveKitRooms without a LiveKit server: a fresh memory bus with the agent's
// snapshot before each test, a room service whose rooms are fakes collected in `made`, a clock
// the test sets (`nowMs`), room dispatches on the bus, and the call events written since the
// last look.
import { afterAll, beforeAll, beforeEach } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioFrame } from "@livekit/rtc-node";
import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { type Config, loadConfig } from "@switchboard/shared/config";
import { type CallEvent, type RoomDispatchCommand, Streams } from "@switchboard/shared/events";
import { createLogger, type Logger } from "@switchboard/shared/logger";
import type { MediaApplication } from "../../../call-core/application.ts";
import { CallLeases } from "../../../call-core/call-leases.ts";
import { GreetingApplication } from "../../../call-core/greeting-application.ts";
import { MediaClock } from "../../../media/clock.ts";
import { EspeakTts } from "../../../providers/espeak/tts.ts";
import { LiveKitRooms, ROOMS_GROUP } from "../rooms.ts";
import { FakeRoom } from "./fake-room.ts";
import { dispatchRoom } from "./room-dispatch.ts";

export const ORG = "org_livekit_test";
export const LIVEKIT = {
  url: "wss://livekit.example.test",
  apiKey: "APIlivekittest",
  apiSecret: "livekit-gateway-test-secret-0123456789",
};
const EVENTS_GROUP = "livekit-test-events";
const GATEWAY_ID = "gateway-livekit-test";

export const agent: Agent = {
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

export interface StartRoomsOptions {
  logger?: Logger;
  gatewayId?: string;
  refuseWith?: Error;
  application?: MediaApplication;
}

export class LiveKitRoomsHarness {
  /** Every fake room a room service of this test made, in order. */
  made: FakeRoom[] = [];
  /** What the room services read as the time. */
  nowMs = 0;
  private readonly clock = new MediaClock();
  private currentBus: MemoryBus | null = null;
  private currentRooms: LiveKitRooms | null = null;
  private setUp: { dataDir: string; config: Config } | null = null;

  constructor() {
    beforeAll(async () => {
      const dataDir = await mkdtemp(join(tmpdir(), "sb-livekit-"));
      const config = loadConfig({
        DATA_DIR: dataDir,
        LIVEKIT_URL: LIVEKIT.url,
        LIVEKIT_API_KEY: LIVEKIT.apiKey,
        LIVEKIT_API_SECRET: LIVEKIT.apiSecret,
      });
      this.setUp = { dataDir, config };
    });
    beforeEach(async () => {
      await this.currentRooms?.stop();
      await this.currentBus?.close();
      this.currentBus = new MemoryBus();
      await this.currentBus.ensureGroup(Streams.callEvents, EVENTS_GROUP);
      await this.currentBus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
      this.made = [];
      this.nowMs = Date.parse("2030-01-01T10:00:00Z");
      this.currentRooms = this.startRooms();
    });
    afterAll(async () => {
      await this.currentRooms?.stop();
      await this.currentBus?.close();
      if (this.setUp) await rm(this.setUp.dataDir, { recursive: true, force: true });
    });
  }

  get bus(): MemoryBus {
    if (!this.currentBus) throw new Error("the bus is made in beforeEach");
    return this.currentBus;
  }

  /** The room service started for this test (gateway id `gateway-livekit-test`). */
  get rooms(): LiveKitRooms {
    if (!this.currentRooms) throw new Error("the room service starts in beforeEach");
    return this.currentRooms;
  }

  get dataDir(): string {
    if (!this.setUp) throw new Error("the data directory is made in beforeAll");
    return this.setUp.dataDir;
  }

  /** Stops this test's room service and puts one started with `options` in its place. */
  async restartRooms(options: StartRoomsOptions = {}): Promise<LiveKitRooms> {
    await this.currentRooms?.stop();
    this.currentRooms = this.startRooms(options);
    return this.currentRooms;
  }

  /** A room service on this test's bus; the caller stops any besides `rooms`. */
  startRooms(options: StartRoomsOptions = {}): LiveKitRooms {
    if (!this.setUp) throw new Error("the config is loaded in beforeAll");
    const log = options.logger ?? createLogger("silent");
    const gatewayId = options.gatewayId ?? GATEWAY_ID;
    const service = new LiveKitRooms({
      config: this.setUp.config,
      livekit: LIVEKIT,
      log,
      bus: this.bus,
      clock: this.clock,
      application:
        options.application ?? new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
      gatewayId,
      leases: new CallLeases({ bus: this.bus, gatewayId, config: this.setUp.config, log }),
      recordingsDir: join(this.setUp.dataDir, "recordings"),
      roomFactory: () => {
        const room = new FakeRoom();
        room.refuseWith = options.refuseWith ?? null;
        this.made.push(room);
        return room;
      },
      now: () => this.nowMs,
    });
    service.start();
    return service;
  }

  /** Call events written since the last call, in order. */
  async drainEvents(): Promise<CallEvent[]> {
    const entries = await this.bus.readGroup(Streams.callEvents, EVENTS_GROUP, "test", {
      count: 1000,
      blockMs: 0,
    });
    await this.bus.ack(
      Streams.callEvents,
      EVENTS_GROUP,
      entries.map((entry) => entry.id),
    );
    return entries.map((entry) => JSON.parse(entry.data) as CallEvent);
  }

  /** Puts a room dispatch for the agent on the bus, expiring 2 minutes from `nowMs`. */
  async dispatch(overrides: Partial<RoomDispatchCommand> = {}): Promise<RoomDispatchCommand> {
    return dispatchRoom(this.bus, {
      org_id: ORG,
      agent_id: agent.id,
      metadata: { name: "Ada" },
      expires_at: new Date(this.nowMs + 120_000).toISOString(),
      ...overrides,
    });
  }

  /** Room dispatches a gateway was given and has not acked. */
  async pendingOf(gatewayId: string): Promise<number> {
    return (await this.bus.readPending(Streams.liveKitRooms, ROOMS_GROUP, gatewayId, 100)).length;
  }
}

/** 10 ms frames of a 16 kHz tone, as rtc-node's AudioStream delivers them. */
export function toneFrames(count: number): AudioFrame[] {
  const frames: AudioFrame[] = [];
  for (let index = 0; index < count; index++) {
    const samples = new Int16Array(160);
    for (let i = 0; i < samples.length; i++)
      samples[i] = Math.round(6000 * Math.sin((2 * Math.PI * 440 * (index * 160 + i)) / 16_000));
    frames.push(new AudioFrame(samples, 16_000, 1, 160));
  }
  return frames;
}

export function peak(samples: ArrayLike<number>): number {
  let max = 0;
  for (let index = 0; index < samples.length; index++) max = Math.max(max, Math.abs(samples[index]!));
  return max;
}
