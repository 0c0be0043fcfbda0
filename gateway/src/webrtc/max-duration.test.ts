// At the agent's max_duration_s a browser caller (WHIP, a werift client) hears the goodbye,
// then the call ends: the call's end (call-core/call-end.ts) has the turn pipeline say it
// instead of the web call's timer cutting the call. The pipeline speaks with espeak-ng, its
// other providers are the stand-ins.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Encoder } from "@evan/opus";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from "werift";
import { MAX_DURATION_GOODBYE } from "../call-core/call-end.ts";
import { markStatePublished, testAgent } from "../calls/testing/test-gateway.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import { type RunningGateway, startGateway } from "../server.ts";

const SECRET = "max-duration-test-secret-0123456789abcdef";
const ORG = "org_web_max_duration";
const MAX_DURATION_S = 2;
/** Opus frames above this size carry sound; the gateway's silence frames are a few bytes. */
const SPEECH_PAYLOAD_BYTES = 20;

const agent = testAgent({
  id: "agt_web_max_duration",
  org_id: ORG,
  first_message: "Hello.",
  max_duration_s: MAX_DURATION_S,
  stt: { provider: "openai", model: "whisper-1", language: "en" },
  llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
  voice: { provider: "espeak", voice_id: "en-us" },
});

const bus = new MemoryBus();
let dataDir: string;
let standIns: StandIns;
let gateway: RunningGateway;
let config: ReturnType<typeof loadConfig>;
let peer: RTCPeerConnection | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sb-web-max-duration-"));
  standIns = startStandIns();
  config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: SECRET,
    DATA_DIR: dataDir,
    OPENAI_BASE_URL: standIns.urls.openai,
  });
  await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
  await markStatePublished(bus);
  gateway = await startGateway({
    config,
    log: createLogger("silent"),
    bus,
    application: await createAgentApplication({ config, log: createLogger("silent") }),
    webrtcHostAddresses: ["127.0.0.1"],
  });
}, 60_000);

afterAll(async () => {
  await peer?.close();
  await gateway?.stop({ drainTimeoutMs: 0 });
  await standIns?.stop();
  await bus.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("max_duration_s over WHIP (werift, turn pipeline)", () => {
  test("a browser call at its maximum duration hears the goodbye before the call ends", async () => {
    const callId = newId("call");
    const { token } = await signCallToken(
      config,
      { callId, orgId: ORG, agentId: agent.id, origin: null, metadata: {} },
      60,
    );
    const pc = new RTCPeerConnection({
      codecs: {
        audio: [
          new RTCRtpCodecParameters({
            mimeType: "audio/opus",
            clockRate: 48_000,
            channels: 2,
            payloadType: 111,
          }),
        ],
      },
      iceAdditionalHostAddresses: ["127.0.0.1"],
    });
    peer = pc;
    const transceiver = pc.addTransceiver("audio", { direction: "sendrecv" });
    const channel = pc.createDataChannel("events");
    const messages: { atMs: number; message: Record<string, unknown> }[] = [];
    channel.onMessage.subscribe((data) =>
      messages.push({ atMs: Date.now(), message: JSON.parse(data.toString()) }),
    );
    /** When each packet of agent sound arrived. */
    const soundAtMs: number[] = [];
    transceiver.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => {
        if (rtp.payload.length > SPEECH_PAYLOAD_BYTES) soundAtMs.push(Date.now());
      }),
    );
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") resolve();
      else pc.iceGatheringStateChange.subscribe((state) => state === "complete" && resolve());
    });
    const response = await fetch(`${gateway.url}/webrtc/calls`, {
      method: "POST",
      headers: { "content-type": "application/sdp", authorization: `Bearer ${token}` },
      body: pc.localDescription!.sdp,
    });
    expect(response.status).toBe(201);
    await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });

    const startedAtMs = (
      await waitFor("call.started on the data channel", () =>
        messages.find(({ message }) => message.type === "call.started"),
      )
    ).atMs;
    // The microphone is on (silence, as a browser sends while its caller listens).
    const encoder = new Encoder({ channels: 2, sample_rate: 48_000 });
    const silence = Buffer.from(encoder.encode(new Int16Array(1920)));
    for (let index = 0; index < 5; index++) {
      const header = new RtpHeader({ sequenceNumber: index, timestamp: index * 960 });
      await transceiver.sender.sendRtp(new RtpPacket(header, silence));
    }

    const ended = await waitFor(
      "call.ended on the data channel",
      () => messages.find(({ message }) => message.type === "call.ended"),
      { timeoutMs: 30_000 },
    );
    expect(ended.message).toMatchObject({ status: "completed", hangup_cause: "max_duration" });
    const transcript = messages.filter(({ message }) => message.type === "transcript");
    expect(transcript.map(({ message }) => (message.turn as { text: string }).text)).toEqual([
      "Hello.",
      MAX_DURATION_GOODBYE,
    ]);
    // Reported once its last sample was sent, before the call ended.
    const goodbye = transcript[1]!;
    expect(goodbye.message.turn).toMatchObject({ role: "agent", interrupted: false });
    expect(goodbye.atMs).toBeLessThanOrEqual(ended.atMs);
    // The browser received the goodbye's sound after the cap, for longer than a second.
    const capAtMs = startedAtMs + MAX_DURATION_S * 1000;
    const afterCap = soundAtMs.filter((atMs) => atMs >= capAtMs);
    expect(afterCap.length).toBeGreaterThan(50);
    expect(afterCap.at(-1)! - afterCap[0]!).toBeGreaterThan(1000);

    await bus.ensureGroup(Streams.callEvents, "max-duration-test");
    const events: CallEvent[] = [];
    await waitFor("the call's recording event on the bus", async () => {
      const entries = await bus.readGroup(Streams.callEvents, "max-duration-test", "reader", {
        count: 100,
        blockMs: 10,
      });
      for (const entry of entries) events.push(JSON.parse(entry.data) as CallEvent);
      return events.some((event) => event.type === "call.recording");
    });
    expect(events.map((event) => event.type)).toEqual([
      "call.started",
      "call.turn",
      "call.turn",
      "call.ended",
      "call.recording",
    ]);
    expect(events[2]).toMatchObject({ type: "call.turn", turn: { text: MAX_DURATION_GOODBYE } });
    expect(events[3]).toMatchObject({ status: "completed", hangup_cause: "max_duration" });
  }, 60_000);
});
