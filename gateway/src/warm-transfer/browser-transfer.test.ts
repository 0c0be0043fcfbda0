// A browser call (WHIP, a werift client) is warm-transferred to a phone: the gateway's SIP side
// dials a SIPp "human" who accepts with keypad 1, and the human's tone reaches the browser
// through the bridge. The browser presses a key (data channel) to ask for the transfer.
import { afterAll, beforeAll, expect, test } from "bun:test";
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
import { startSippServer } from "@switchboard/stand-ins/testing/sipp";
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from "werift";
import { markStatePublished, testAgent } from "../calls/testing/test-gateway.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import { type RunningGateway, startGateway } from "../server.ts";
import { humanScenario } from "./testing/scenarios.ts";

const SECRET = "browser-transfer-test-secret-0123456789abcdef";
const ORG = "org_web_transfer";
/** Opus frames above this size carry sound; silence frames are a few bytes. */
const SOUND_PAYLOAD_BYTES = 20;

const bus = new MemoryBus();
let dir: string;
let standIns: StandIns;
let gateway: RunningGateway;
let peer: RTCPeerConnection | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sb-web-transfer-"));
  standIns = startStandIns({
    llm: {
      firstTokenMs: 20,
      interTokenMs: 2,
      rules: [
        { match: "Transcript of the call", reply: "A web visitor wants a person." },
        { match: ".", reply: "Connecting you.", toolCalls: [{ name: "warm_transfer", arguments: {} }] },
      ],
    },
  });
}, 30_000);

afterAll(async () => {
  await peer?.close();
  await gateway?.stop({ drainTimeoutMs: 0 });
  await standIns?.stop();
  await bus.close();
  await rm(dir, { recursive: true, force: true });
});

test("a browser call is bridged to a phone that accepts with 1", async () => {
  const toneFile = join(dir, "tone.ulaw");
  const sox = ["sox", "-n", "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", toneFile];
  expect(Bun.spawnSync([...sox, "synth", "4", "sine", "1000", "vol", "0.4"]).exitCode).toBe(0);
  const human = await startSippServer({
    scenario: humanScenario(dir, "uas-human-accepts-browser-call", {
      digit: "1",
      digitAtMs: 2000,
      toneFile,
      toneAtMs: 2500,
    }),
    timeoutS: 40,
  });
  const config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    PUBLIC_IP: "127.0.0.1",
    RTP_PORT_MIN: "0",
    RTP_PORT_MAX: "1",
    WEB_CALL_SECRET: SECRET,
    DATA_DIR: dir,
    OPENAI_BASE_URL: standIns.urls.openai,
    ALLOW_PRIVATE_URLS: "true",
  });
  const agent = testAgent({
    id: "agt_web_transfer",
    org_id: ORG,
    first_message: "",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    tools: [
      { type: "warm_transfer", target: `sip:+14155550123@127.0.0.1:${human.port}`, timeout_ms: 15_000 },
    ],
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
  const messages: Record<string, unknown>[] = [];
  channel.onMessage.subscribe((data) => messages.push(JSON.parse(data.toString())));
  const soundAtMs: number[] = [];
  transceiver.onTrack.subscribe((track) =>
    track.onReceiveRtp.subscribe((rtp) => {
      if (rtp.payload.length > SOUND_PAYLOAD_BYTES) soundAtMs.push(Date.now());
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
  await waitFor("call.started on the data channel", () =>
    messages.some((message) => message.type === "call.started"),
  );
  const encoder = new Encoder({ channels: 2, sample_rate: 48_000 });
  const silence = Buffer.from(encoder.encode(new Int16Array(1920)));
  for (let index = 0; index < 5; index++) {
    const header = new RtpHeader({ sequenceNumber: index, timestamp: index * 960 });
    await transceiver.sender.sendRtp(new RtpPacket(header, silence));
  }
  // The visitor presses a key on the page: a turn for the model, which transfers.
  channel.send(JSON.stringify({ type: "dtmf", digit: "0" }));

  await bus.ensureGroup(Streams.callEvents, "browser-transfer-test");
  const events: CallEvent[] = [];
  const readEvents = async () => {
    const entries = await bus.readGroup(Streams.callEvents, "browser-transfer-test", "reader", {
      count: 100,
      blockMs: 10,
    });
    for (const entry of entries) events.push(JSON.parse(entry.data) as CallEvent);
  };
  const transfer = await waitFor(
    "the transfer's outcome",
    async () => {
      await readEvents();
      return events.find((event) => event.type === "call.transfer") ?? null;
    },
    { timeoutMs: 20_000 },
  );
  expect(transfer).toMatchObject({ call_id: callId, ok: true, status: 200, reason: "accepted" });
  const acceptedAtMs = Date.now();
  // The human's four seconds of tone reach the browser through the bridge.
  await waitFor(
    "the human's tone in the browser",
    () => soundAtMs.filter((at) => at >= acceptedAtMs).length > 100,
    {
      timeoutMs: 10_000,
    },
  );

  channel.send(JSON.stringify({ type: "hangup" }));
  const result = await human.done;
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);
}, 90_000);
