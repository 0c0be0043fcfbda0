// What the calls acceptance tests share: an API client, a webhook receiver, the caller's
// SIPp scenario, and the inbound call checked end to end through the public API.
import { expect } from "bun:test";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { Webhook } from "standardwebhooks";

export const INBOUND_NUMBER = "+14155550100";

export interface Call {
  id: string;
  status: string;
  direction: string;
  duration_s: number | null;
  cost_cents: number | null;
  hangup_cause: string | null;
  answered_at: string | null;
  recording_url: string | null;
  trace_id: string;
  transcript: Array<{
    role: string;
    text: string;
    latency: { total_ms: number | null; first_packet_ms: number | null } | null;
  }>;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  fetchPath(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.apiKey}`, ...headers },
    });
  }

  async balanceCents(): Promise<number> {
    return (await this.request<{ balance_cents: number }>("GET", "/credits/balance")).body.balance_cents;
  }
}

/** How long the acceptance tests wait for what processes do, and how often they look. */
export const E2E_WAIT = { timeoutMs: 30_000, intervalMs: 200 };

export interface WebhookReceiver {
  url: string;
  deliveries: Array<{ headers: Record<string, string>; body: string }>;
  stop(): void;
}

export function startWebhookReceiver(): WebhookReceiver {
  const deliveries: WebhookReceiver["deliveries"] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      deliveries.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
      return new Response(null, { status: 204 });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hooks`, deliveries, stop: () => server.stop(true) };
}

/** The caller's words as raw G.711 u-law for SIPp's rtp_stream. */
export function makeCallerAudio(dir: string): string {
  const wav = join(dir, "caller.wav");
  const ulaw = join(dir, "caller.ulaw");
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, "I would like to book a table for two"]).exitCode).toBe(0);
  expect(
    Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", ulaw]).exitCode,
  ).toBe(0);
  return ulaw;
}

/** Credits, an agent on the stand-in providers, the inbound number attached, a call.ended webhook. */
export async function provisionInbound(
  api: ApiClient,
  webhookUrl: string,
): Promise<{ webhookSecret: string }> {
  expect((await api.request("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Front desk",
    first_message: "Hello.",
    system_prompt: "You take table bookings.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
  });
  expect(agent.status).toBe(201);
  const number = await api.request("POST", "/phone-numbers", {
    phone_number: INBOUND_NUMBER,
    agent_id: agent.body.id,
  });
  expect(number.status).toBe(201);
  const hook = await api.request<{ secret: string }>("POST", "/webhooks", {
    url: webhookUrl,
    events: ["call.ended"],
  });
  expect(hook.status).toBe(201);
  return { webhookSecret: hook.body.secret };
}

/**
 * SIPp calls the number and speaks; the call is then found through the API with its
 * transcript and latency, its recording downloads (whole and by range), a correctly signed
 * call.ended arrives, and the balance went down by the call's per-second price.
 */
export async function expectInboundCallEndToEnd(options: {
  api: ApiClient;
  sipPort: number;
  dir: string;
  callerAudio: string;
  receiver: WebhookReceiver;
  webhookSecret: string;
  inboundCentsPerMinute: number;
}): Promise<Call> {
  const { api } = options;
  const before = await api.balanceCents();
  const result = await runSipp({
    scenario: speakingCallerScenario(
      options.dir,
      options.callerAudio,
      "uac-speaks-expect-transcript",
      [1500],
      8000,
    ),
    gatewayPort: options.sipPort,
    service: INBOUND_NUMBER,
    timeoutS: 30,
  });
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);

  const listed = await waitFor(
    "the completed inbound call",
    async () => {
      const page = await api.request<{ data: Call[] }>("GET", "/calls?direction=inbound&status=completed");
      return page.body.data[0];
    },
    E2E_WAIT,
  );
  const call = await waitFor(
    "the call's recording",
    async () => {
      const detail = await api.request<Call>("GET", `/calls/${listed.id}`);
      return detail.body.recording_url ? detail.body : null;
    },
    E2E_WAIT,
  );
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

  const recording = await api.fetchPath(call.recording_url!);
  expect(recording.status).toBe(200);
  expect(recording.headers.get("content-type")).toBe("audio/wav");
  const wav = new Uint8Array(await recording.arrayBuffer());
  expect(new TextDecoder().decode(wav.slice(0, 4))).toBe("RIFF");
  expect(wav.length).toBeGreaterThan(44 + 16_000);
  const ranged = await api.fetchPath(call.recording_url!, { range: "bytes=8-11" });
  expect(ranged.status).toBe(206);
  expect(await ranged.text()).toBe("WAVE");

  const delivery = await waitFor(
    "a signed call.ended webhook",
    async () => options.receiver.deliveries.find((item) => JSON.parse(item.body).data?.id === call.id),
    E2E_WAIT,
  );
  const verified = new Webhook(options.webhookSecret).verify(delivery.body, delivery.headers) as {
    type: string;
    data: Call;
  };
  expect(verified.type).toBe("call.ended");
  expect(verified.data.status).toBe("completed");

  const expectedCents = Math.ceil((Math.ceil(call.duration_s!) * options.inboundCentsPerMinute) / 60);
  expect(call.cost_cents).toBe(expectedCents);
  expect(await api.balanceCents()).toBe(before - expectedCents);
  return call;
}
