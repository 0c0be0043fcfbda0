// The calls acceptance test: control and two gateways as separate processes on a fresh
// PostgreSQL database and Redis, the stand-in providers in a third process, SIPp as the
// caller and as the carrier. Everything is observed through the public API and a loopback
// webhook receiver, as a user would.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runSipp, SIPP_DIR, type SippResult, startSippServer } from "@switchboard/gateway/calls/testing/sipp";
import { Webhook } from "standardwebhooks";
import {
  freeSipPort,
  freeTcpPort,
  freshDatabase,
  freshRedis,
  type RunningProcess,
  scripts,
  startProcess,
} from "./support/processes.ts";

const INBOUND_NUMBER = "+14155550100";
const INBOUND_CENTS_PER_MINUTE = 60;
const OUTBOUND_CENTS_PER_MINUTE = 120;
const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;

let dir: string;
let callerAudio: string;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let redis: Awaited<ReturnType<typeof freshRedis>>;
let standIns: RunningProcess;
let control: RunningProcess;
let gatewayA: RunningProcess & { sipPort: number };
let gatewayB: RunningProcess & { sipPort: number };
let baseUrl: string;
let receiver: ReturnType<typeof Bun.serve>;
const deliveries: Array<{ headers: Record<string, string>; body: string }> = [];
let webhookSecret: string;
let inboundAgentId: string;

interface Call {
  id: string;
  status: string;
  direction: string;
  duration_s: number | null;
  cost_cents: number | null;
  hangup_cause: string | null;
  answered_at: string | null;
  recording_url: string | null;
  transcript: Array<{
    role: string;
    text: string;
    latency: { total_ms: number | null; first_packet_ms: number | null } | null;
  }>;
}

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(200);
  }
}

async function balanceCents(): Promise<number> {
  return (await api<{ balance_cents: number }>("GET", "/credits/balance")).body.balance_cents;
}

/** A UAC that answers, speaks at each `speakAtMs`, and hangs up at `byeAtMs`. */
function callerScenario(name: string, speakAtMs: number[], byeAtMs: number): string {
  const steps: string[] = [];
  let now = 0;
  for (const at of speakAtMs) {
    steps.push(`<pause milliseconds="${at - now}"/>`);
    steps.push(`<nop><action><exec rtp_stream="${callerAudio},1,0"/></action></nop>`);
    now = at;
  }
  steps.push(`<pause milliseconds="${byeAtMs - now}"/>`);
  const inDialog = (method: string, cseq: number) => `
      ${method} [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:+14155550111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: ${cseq} ${method}
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Length: 0
`;
  const xml = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${name}">
  <send retrans="500">
    <![CDATA[
      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:+14155550111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rrs="true"/>
  <send><![CDATA[${inDialog("ACK", 1)}
    ]]></send>
  ${steps.join("\n  ")}
  <send retrans="500"><![CDATA[${inDialog("BYE", 2)}
    ]]></send>
  <recv response="200" crlf="true"/>
</scenario>
`;
  const path = join(dir, `${name}.xml`);
  writeFileSync(path, xml);
  return relative(SIPP_DIR, path);
}

async function startGatewayProcess(
  standInUrls: Record<string, string>,
): Promise<RunningProcess & { sipPort: number }> {
  const sipPort = await freeSipPort();
  const gateway = await startProcess(
    scripts.gateway,
    {
      REDIS_URL: redis.url,
      DATA_DIR: dir,
      SIP_PORT: String(sipPort),
      SIP_BIND_ADDRESS: "127.0.0.1",
      PUBLIC_IP: "127.0.0.1",
      GATEWAY_PORT: String(await freeTcpPort()),
      RTP_PORT_MIN: "0",
      RTP_PORT_MAX: "1",
      SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
      GATEWAY_HEARTBEAT_INTERVAL_MS: "500",
      OPENAI_API_KEY: "sk-stand-in",
      DEEPGRAM_API_KEY: "stand-in",
      ELEVENLABS_API_KEY: "stand-in",
      LOG_LEVEL: "warn",
      ...standInUrls,
    },
    /SIP on UDP and TCP port \d+/,
  );
  return { ...gateway, sipPort };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "calls-acceptance-"));
  const wav = join(dir, "caller.wav");
  callerAudio = join(dir, "caller.ulaw");
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, "I would like to book a table for two"]).exitCode).toBe(0);
  expect(
    Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", callerAudio]).exitCode,
  ).toBe(0);
  database = await freshDatabase();
  redis = await freshRedis();

  receiver = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      deliveries.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
      return new Response(null, { status: 204 });
    },
  });

  standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/);
  const standInUrls = Object.fromEntries(
    [...standIns.output().matchAll(/^(\w+_BASE_URL)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]),
  );

  const controlPort = await freeTcpPort();
  control = await startProcess(
    scripts.control,
    {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      DATA_DIR: dir,
      CONTROL_HOST: "127.0.0.1",
      CONTROL_PORT: String(controlPort),
      INIT_API_KEY: apiKey,
      NUMBER_INVENTORY: INBOUND_NUMBER,
      WEBHOOK_ALLOW_PRIVATE: "true",
      INBOUND_CENTS_PER_MINUTE: String(INBOUND_CENTS_PER_MINUTE),
      OUTBOUND_CENTS_PER_MINUTE: String(OUTBOUND_CENTS_PER_MINUTE),
      GATEWAY_LOST_AFTER_MS: "3000",
      LOG_LEVEL: "warn",
    },
    /Docs/,
  );
  baseUrl = `http://127.0.0.1:${controlPort}`;
  gatewayA = await startGatewayProcess(standInUrls);
  gatewayB = await startGatewayProcess(standInUrls);

  expect((await api("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
  const agent = await api<{ id: string }>("POST", "/agents", {
    name: "Front desk",
    first_message: "Hello.",
    system_prompt: "You take table bookings.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
  });
  expect(agent.status).toBe(201);
  inboundAgentId = agent.body.id;
  const number = await api("POST", "/phone-numbers", {
    phone_number: INBOUND_NUMBER,
    agent_id: inboundAgentId,
  });
  expect(number.status).toBe(201);
  const hook = await api<{ secret: string }>("POST", "/webhooks", {
    url: `http://127.0.0.1:${receiver.port}/hooks`,
    events: ["call.ended"],
  });
  expect(hook.status).toBe(201);
  webhookSecret = hook.body.secret;
}, 120_000);

afterAll(async () => {
  for (const process of [gatewayA, gatewayB, control, standIns]) await process?.stop().catch(() => {});
  receiver?.stop(true);
  await redis?.drop().catch(() => {});
  await database?.drop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("calls end to end: control and gateways as processes over Redis and PostgreSQL", () => {
  test("an inbound SIPp call is persisted with transcript and latency, recorded, announced and billed", async () => {
    const before = await balanceCents();
    const result = await runSipp({
      scenario: callerScenario("uac-speaks-expect-transcript", [1500], 8000),
      gatewayPort: gatewayA.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 30,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);

    const listed = await until("the completed inbound call", async () => {
      const page = await api<{ data: Call[] }>("GET", "/calls?direction=inbound&status=completed");
      return page.body.data[0];
    });
    const call = await until("the call's recording", async () => {
      const detail = await api<Call>("GET", `/calls/${listed.id}`);
      return detail.body.recording_url ? detail.body : null;
    });
    expect(call.direction).toBe("inbound");
    expect(call.answered_at).not.toBeNull();
    expect(call.duration_s!).toBeGreaterThan(5);
    const roles = call.transcript.map((turn) => turn.role);
    expect(roles[0]).toBe("agent");
    expect(call.transcript[0]!.text).toBe("Hello.");
    expect(roles).toContain("user");
    const reply = call.transcript.find((turn, index) => index > 0 && turn.role === "agent");
    expect(reply?.latency?.total_ms).toBeGreaterThan(0);
    expect(reply?.latency?.first_packet_ms).not.toBeNull();

    const recording = await fetch(`${baseUrl}${call.recording_url}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(recording.status).toBe(200);
    expect(recording.headers.get("content-type")).toBe("audio/wav");
    const wav = new Uint8Array(await recording.arrayBuffer());
    expect(new TextDecoder().decode(wav.slice(0, 4))).toBe("RIFF");
    expect(wav.length).toBeGreaterThan(44 + 16_000);
    const head = await fetch(`${baseUrl}${call.recording_url}`, {
      headers: { authorization: `Bearer ${apiKey}`, range: "bytes=8-11" },
    });
    expect(head.status).toBe(206);
    expect(await head.text()).toBe("WAVE");

    const delivery = await until("a signed call.ended webhook", async () =>
      deliveries.find((item) => JSON.parse(item.body).data?.id === call.id),
    );
    const verified = new Webhook(webhookSecret).verify(delivery.body, delivery.headers) as {
      type: string;
      data: Call;
    };
    expect(verified.type).toBe("call.ended");
    expect(verified.data.status).toBe("completed");

    const expectedCents = Math.ceil((Math.ceil(call.duration_s!) * INBOUND_CENTS_PER_MINUTE) / 60);
    expect(call.cost_cents).toBe(expectedCents);
    expect(await balanceCents()).toBe(before - expectedCents);
  }, 120_000);

  test("an outbound call placed through the API is answered by a SIPp carrier, once, and billed", async () => {
    const carrier = await startSippServer({ scenario: "uas-answer-expect-ack-and-bye.xml", timeoutS: 40 });
    const trunk = await api("POST", "/trunks", {
      name: "carrier",
      outbound_uri: `sip:127.0.0.1:${carrier.port}`,
      destination_countries: ["US"],
    });
    expect(trunk.status).toBe(201);
    // Gateways learn about the trunk through the bus.
    await Bun.sleep(1000);
    const agent = await api<{ id: string }>("POST", "/agents", {
      name: "Reminders",
      first_message: "Hello, this is a reminder.",
      voice: { provider: "espeak", voice_id: "en-us" },
      max_duration_s: 10,
    });
    expect(agent.status).toBe(201);
    const before = await balanceCents();
    const body = {
      agent_id: agent.body.id,
      to_number: "+14155550123",
      objective: "Remind the customer about tomorrow at 10am and offer to reschedule.",
    };
    const placed = await api<Call>("POST", "/calls/outbound", body, {
      "idempotency-key": "acceptance-outbound",
    });
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe("queued");
    const again = await api<Call>("POST", "/calls/outbound", body, {
      "idempotency-key": "acceptance-outbound",
    });
    expect(again.body.id).toBe(placed.body.id);

    const carrierResult: SippResult = await carrier.done;
    expect(carrierResult.errors).toBe("");
    expect(carrierResult.exitCode).toBe(0);
    const call = await until("the completed outbound call", async () => {
      const detail = await api<Call>("GET", `/calls/${placed.body.id}`);
      return detail.body.status === "completed" ? detail.body : null;
    });
    expect(call.direction).toBe("outbound");
    expect(call.answered_at).not.toBeNull();
    expect(call.transcript[0]).toMatchObject({ role: "agent", text: "Hello, this is a reminder." });
    const expectedCents = Math.ceil((Math.ceil(call.duration_s!) * OUTBOUND_CENTS_PER_MINUTE) / 60);
    expect(call.cost_cents).toBe(expectedCents);
    expect(await balanceCents()).toBe(before - expectedCents);
    const outboundCalls = await api<{ data: Call[] }>("GET", "/calls?direction=outbound");
    expect(outboundCalls.body.data).toHaveLength(1);
  }, 120_000);

  test("a gateway killed mid-call: the call fails with its partial transcript, billed once; another gateway keeps answering", async () => {
    const caller = runSipp({
      scenario: callerScenario("uac-long-call-gateway-dies", [1500], 12_000),
      gatewayPort: gatewayA.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 16,
    });
    const live = await until("the live call with its first turns", async () => {
      const page = await api<{ data: Call[] }>("GET", "/calls?direction=inbound&status=in_progress");
      const candidate = page.body.data[0];
      if (!candidate) return null;
      const detail = await api<Call>("GET", `/calls/${candidate.id}`);
      return detail.body.transcript.some((turn) => turn.role === "user") ? detail.body : null;
    });
    await gatewayA.kill();

    const failed = await until("the reaper to end the call", async () => {
      const detail = await api<Call>("GET", `/calls/${live.id}`);
      return detail.body.status === "failed" ? detail.body : null;
    });
    expect(failed.hangup_cause).toBe("gateway_lost");
    expect(failed.transcript.length).toBeGreaterThanOrEqual(2);
    expect(failed.duration_s!).toBeGreaterThan(0);
    const ledger = await api<{ data: Array<{ reference: string | null; amount_cents: number }> }>(
      "GET",
      "/credits/transactions?limit=100",
    );
    const charges = ledger.body.data.filter((entry) => entry.reference === live.id);
    expect(charges).toHaveLength(1);
    expect(-charges[0]!.amount_cents).toBe(failed.cost_cents!);

    const next = await runSipp({
      scenario: callerScenario("uac-second-gateway-answers", [1500], 6000),
      gatewayPort: gatewayB.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 30,
    });
    expect(next.errors).toBe("");
    expect(next.exitCode).toBe(0);
    await until("the second gateway's call to complete", async () => {
      const page = await api<{ data: Call[] }>("GET", "/calls?direction=inbound&status=completed");
      return page.body.data.length >= 2;
    });
    await caller;
  }, 150_000);
});
