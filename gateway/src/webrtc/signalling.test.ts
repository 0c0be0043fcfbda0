import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Agent } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { rms, sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import type { CallContext, MediaApplication } from "../call-core/application.ts";
import { callLeaseScope } from "../call-core/call-leases.ts";
import { markStatePublished, testAgent } from "../calls/testing/test-gateway.ts";
import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { type RunningGateway, startGateway } from "../server.ts";
import { browserOffer } from "./testing/browser-offer.ts";

// The gateway's WHIP endpoint end to end with a werift client: token checks, the answer, the
// application running on the call, transcript and events on the data channel and the bus.

const SECRET = "signalling-test-secret-0123456789abcdef";
const ORG = "org_webrtc_test";
const bus = new MemoryBus();
let dataDir: string;
let gateway: RunningGateway;
let config: ReturnType<typeof loadConfig>;
const started: CallContext[] = [];
let stoppedCalls = 0;
const cleanups: (() => Promise<unknown>)[] = [];

const agent: Agent = testAgent({
  id: "agt_webrtc_test",
  org_id: ORG,
  name: "Web agent",
  system_prompt: "",
  first_message: "Hello from the web.",
  llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
  interruptions: { enabled: true, min_speech_ms: 200 },
});

/** Plays a tone, reports one agent turn, and counts caller frames with sound. */
const application: MediaApplication = {
  async start(call) {
    started.push(call);
    call.audio.enqueue(sine(1000, 16_000, 16_000));
    const now = new Date().toISOString();
    call.reporter.turn({
      role: "agent",
      text: call.agent.first_message,
      started_at: now,
      ended_at: now,
      interrupted: false,
      latency: null,
    });
    return {
      async stop() {
        stoppedCalls += 1;
      },
    };
  },
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sb-webrtc-"));
  config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: SECRET,
    DATA_DIR: dataDir,
    STUN_URLS: "stun:stun.example.net:3478",
  });
  await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify(agent));
  await markStatePublished(bus);
  gateway = await startGateway({
    config,
    log: createLogger("silent"),
    bus,
    application,
    webrtcHostAddresses: ["127.0.0.1"],
  });
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
  // No drain: calls the tests left connecting end at once.
  await gateway.stop({ drainTimeoutMs: 0 });
  await bus.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function token(options: { ttlS?: number; origin?: string | null; agentId?: string } = {}) {
  const callId = newId("call");
  const signed = await signCallToken(
    config,
    {
      callId,
      orgId: ORG,
      agentId: options.agentId ?? agent.id,
      origin: options.origin ?? null,
      metadata: {},
    },
    options.ttlS ?? 60,
  );
  return { callId, token: signed.token };
}

async function offer() {
  const client = await browserOffer();
  cleanups.push(() => client.peer.close());
  return client;
}

function post(sdp: string, bearer: string | null, headers: Record<string, string> = {}) {
  return fetch(`${gateway.url}/webrtc/calls`, {
    method: "POST",
    headers: {
      "content-type": "application/sdp",
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      ...headers,
    },
    body: sdp,
  });
}

async function callEvents(): Promise<CallEvent[]> {
  await bus.ensureGroup(Streams.callEvents, "webrtc-test");
  const entries = await bus.readGroup(Streams.callEvents, "webrtc-test", "reader", {
    count: 100,
    blockMs: 10,
  });
  return entries.map((entry) => JSON.parse(entry.data) as CallEvent);
}

const WAIT = { timeoutMs: 20_000 };

describe("WHIP signalling on the gateway", () => {
  test("a browser call connects, runs the application with direction web, and ends on DELETE", async () => {
    const { callId, token: bearer } = await token();
    const client = await offer();
    const messages: Record<string, unknown>[] = [];
    client.channel.onMessage.subscribe((data) => messages.push(JSON.parse(data.toString())));
    const received: Buffer[] = [];
    client.transceiver.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => received.push(rtp.payload)),
    );

    const response = await post(client.sdp, bearer, { origin: "https://anywhere.example" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/sdp");
    expect(response.headers.get("location")).toBe(`/webrtc/calls/${callId}`);
    expect(response.headers.get("access-control-expose-headers")).toContain("location");
    expect(response.headers.get("link")).toContain('<stun:stun.example.net:3478>; rel="ice-server"');
    await client.peer.setRemoteDescription({ type: "answer", sdp: await response.text() });

    await waitFor("the call to start", () => started.some((call) => call.callId === callId), WAIT);
    const call = started.find((candidate) => candidate.callId === callId)!;
    expect(call.direction).toBe("web");
    expect(call.orgId).toBe(ORG);
    expect(call.agent.id).toBe(agent.id);

    await waitFor(
      "the greeting's transcript and 30 packets of its audio",
      () => messages.some((message) => message.type === "transcript") && received.length >= 30,
      WAIT,
    );
    expect(messages[0]).toMatchObject({ type: "call.started", call_id: callId, codec: "opus" });
    expect(messages.find((message) => message.type === "transcript")).toMatchObject({
      index: 0,
      turn: { role: "agent", text: "Hello from the web." },
    });

    // A second POST with the same token is refused.
    const again = await post(client.sdp, bearer);
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe("token_used");

    // DELETE needs the call's own token.
    const wrong = await fetch(`${gateway.url}/webrtc/calls/${callId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${(await token()).token}` },
    });
    expect(wrong.status).toBe(404);
    const stoppedBefore = stoppedCalls;
    const deleted = await fetch(`${gateway.url}/webrtc/calls/${callId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(deleted.status).toBe(200);
    expect(stoppedCalls).toBe(stoppedBefore + 1);

    const events = (await callEvents()).filter((event) => event.call_id === callId);
    const types = events.map((event) => event.type);
    expect(types).toEqual(["call.started", "call.turn", "call.ended", "call.recording"]);
    expect(events[0]).toMatchObject({
      type: "call.started",
      direction: "web",
      agent_id: agent.id,
      org_id: ORG,
    });
    expect(events[2]).toMatchObject({
      type: "call.ended",
      status: "completed",
      hangup_cause: "caller_hangup",
    });
    const recording = events[3] as Extract<CallEvent, { type: "call.recording" }>;
    expect(recording.bytes).toBeGreaterThan(44);
    expect(await Bun.file(recording.path).exists()).toBe(true);
  }, 60_000);

  test("an expired token is a 401 problem", async () => {
    const client = await offer();
    const response = await post(client.sdp, (await token({ ttlS: -5 })).token);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).code).toBe("token_expired");
  });

  test("a token bound to an origin is refused from another origin", async () => {
    const client = await offer();
    const bound = await token({ origin: "https://shop.example.com" });
    const response = await post(client.sdp, bound.token, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("origin_not_allowed");
  });

  test("missing token, bad token, wrong content type, bad SDP and unknown agent are clear 4xx", async () => {
    const client = await offer();
    const missing = await post(client.sdp, null);
    expect(missing.status).toBe(401);
    expect((await missing.json()).code).toBe("missing_token");
    expect((await (await post(client.sdp, "not.a.jwt")).json()).code).toBe("invalid_token");
    const wrongType = await post(client.sdp, (await token()).token, { "content-type": "application/json" });
    expect(wrongType.status).toBe(415);
    const badSdp = await post("hello", (await token()).token);
    expect(badSdp.status).toBe(400);
    const unknownAgent = await post(client.sdp, (await token({ agentId: "agt_missing" })).token);
    expect(unknownAgent.status).toBe(404);
    const preflight = await fetch(`${gateway.url}/webrtc/calls`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  test("a call over the org's published concurrent-call cap is a 503 with Retry-After", async () => {
    const org = "org_webrtc_capped";
    const capped = { ...agent, id: "agt_webrtc_capped", org_id: org };
    await bus.hashSet(Hashes.agentSnapshots, capped.id, JSON.stringify(capped));
    await bus.hashSet(Hashes.orgCallLimits, org, "1");
    const sign = async () => {
      const callId = newId("call");
      const signed = await signCallToken(
        config,
        { callId, orgId: org, agentId: capped.id, origin: null, metadata: {} },
        60,
      );
      return { callId, token: signed.token };
    };
    const first = await sign();
    const accepted = await post((await offer()).sdp, first.token);
    expect(accepted.status).toBe(201);
    const refused = await post((await offer()).sdp, (await sign()).token);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect((await refused.json()).code).toBe("too_many_calls");
    const hungUp = await fetch(`${gateway.url}${accepted.headers.get("location")}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(hungUp.status).toBe(200);
    expect((await post((await offer()).sdp, (await sign()).token)).status).toBe(201);
  });

  test("a web call holds a place in the org's platform-wide cap, with the org's calls on other gateways", async () => {
    const org = "org_webrtc_shared_cap";
    const capped = { ...agent, id: "agt_webrtc_shared_cap", org_id: org };
    await bus.hashSet(Hashes.agentSnapshots, capped.id, JSON.stringify(capped));
    await bus.hashSet(Hashes.orgCallLimits, org, "2");
    const scope = callLeaseScope(org);
    const sign = async () => {
      const callId = newId("call");
      const signed = await signCallToken(
        config,
        { callId, orgId: org, agentId: capped.id, origin: null, metadata: {} },
        60,
      );
      return { callId, token: signed.token };
    };
    // A SIP call of the org on another gateway holds one of its two places.
    expect((await bus.acquireLease(scope, "call_sip_elsewhere", "gateway-other", 2, 60_000)).ok).toBe(true);
    const web = await sign();
    const accepted = await post((await offer()).sdp, web.token);
    expect(accepted.status).toBe(201);
    expect(await bus.countLeases(scope)).toBe(2);
    const refused = await post((await offer()).sdp, (await sign()).token);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect((await refused.json()).code).toBe("too_many_calls");
    // The web call's own place goes back when it ends: the other gateway's call still counts.
    const hungUp = await fetch(`${gateway.url}${accepted.headers.get("location")}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${web.token}` },
    });
    expect(hungUp.status).toBe(200);
    await waitFor("the web call's lease to be released", async () => (await bus.countLeases(scope)) === 1);
    expect(await bus.releaseLease(scope, web.callId)).toBe(false);
    expect(await bus.releaseLease(scope, "call_sip_elsewhere")).toBe(true);
  });

  test("caller audio reaches the application as 16 kHz frames", async () => {
    const { callId, token: bearer } = await token();
    const client = await offer();
    const response = await post(client.sdp, bearer);
    await client.peer.setRemoteDescription({ type: "answer", sdp: await response.text() });
    await waitFor("the call to start", () => started.some((call) => call.callId === callId), WAIT);
    const call = started.find((candidate) => candidate.callId === callId)!;
    const frames: Int16Array[] = [];
    call.audio.onFrame((frame) => frames.push(frame.slice()));
    const loud = () => frames.filter((frame) => rms(frame) > 1000);
    const { Encoder } = await import("@evan/opus");
    const { RtpHeader, RtpPacket } = await import("werift");
    const encoder = new Encoder({ channels: 2, sample_rate: 48_000 });
    for (let index = 0; index < 40; index++) {
      const mono = sine(300, 48_000, 960, 8000, index * 960);
      const stereo = new Int16Array(1920);
      for (let sample = 0; sample < 960; sample++)
        stereo[sample * 2] = stereo[sample * 2 + 1] = mono[sample]!;
      const header = new RtpHeader({ sequenceNumber: index, timestamp: index * 960 });
      await client.transceiver.sender.sendRtp(new RtpPacket(header, Buffer.from(encoder.encode(stereo))));
      // Paces the stream in real time, as a browser sends it.
      await Bun.sleep(20);
    }
    await waitFor("20 loud frames", () => loud().length >= 20, WAIT);
    // Every frame is 20 ms of 16 kHz mono, and the 300 Hz tone sent at 48 kHz is 300 Hz at 16 kHz.
    expect(new Set(frames.map((frame) => frame.length))).toEqual(new Set([SAMPLES_PER_FRAME]));
    const tone = loud().slice(2, 18);
    const block = new Int16Array(tone.length * SAMPLES_PER_FRAME);
    for (const [index, frame] of tone.entries()) block.set(frame, index * SAMPLES_PER_FRAME);
    expect(toneShare(block, 300, INTERNAL_SAMPLE_RATE_HZ)).toBeGreaterThan(0.8);
    client.channel.send(JSON.stringify({ type: "hangup" }));
    await waitFor("both calls to stop", () => stoppedCalls >= 2, WAIT);
  }, 60_000);
});
