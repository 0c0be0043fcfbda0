// After one SIPp call through the embedded platform (control and gateway in one process, the
// stand-in providers beside it), both /metrics endpoints parse as Prometheus text exposition
// and their counters and histograms moved by what the call did. The caller says a card number
// and an e-mail address, and the org redacts both: the stored transcript, the call.ended
// webhook and the logs hold the masked forms only. The model calls an HTTP tool on those words,
// so the call's trace has a tool call span, and a knowledge retrieval span, under its turns.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import {
  ApiClient,
  E2E_WAIT,
  expectInboundCallEndToEnd,
  INBOUND_NUMBER,
  makeCallerAudio,
  provisionInbound,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../e2e/support/acceptance.ts";
import { startEmbeddedPlatform } from "../e2e/support/embedded-platform.ts";
import {
  gatewayAddressOf,
  type RunningProcess,
  scripts,
  standInUrlsOf,
  startProcess,
} from "../e2e/support/processes.ts";
import { type Exposition, readExposition } from "./testing/exposition.ts";
import { type OtlpReceiver, startOtlpReceiver } from "./testing/otlp-receiver.ts";

const METRICS_TOKEN = `metrics-${crypto.randomUUID()}`;
const INBOUND_CENTS_PER_MINUTE = 30;
/** The From of the SIPp caller (speakingCallerScenario). */
const CALLER_NUMBER = "+14155550111";
const ADMIN_API_KEY = `sk_admin_${crypto.randomUUID().replaceAll("-", "")}`;
/** A card number that passes the Luhn check, and an e-mail address, in the caller's words. */
const CARD = "4111 1111 1111 1111";
const EMAIL = "jane.doe@example.com";
const CALLER_WORDS = `My card is ${CARD} and my email is ${EMAIL}.`;
const TOOL_NAME = "check_booking";

let dir: string;
let callerAudio: string;
let standIns: RunningProcess;
let platform: RunningProcess;
let api: ApiClient;
let receiver: WebhookReceiver;
/** Subscribed to call.transcript.ready, the webhook that carries the transcript. */
let transcriptReceiver: WebhookReceiver;
/** The agent's HTTP tool. */
let toolEndpoint: WebhookReceiver;
let webhookSecret: string;
let sipPort: number;
let gatewayUrl: string;
let otlp: OtlpReceiver;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "metrics-acceptance-"));
  callerAudio = makeCallerAudio(dir);
  receiver = startWebhookReceiver();
  transcriptReceiver = startWebhookReceiver();
  toolEndpoint = startWebhookReceiver();
  otlp = startOtlpReceiver();
  standIns = await startProcess(
    scripts.standIns,
    {
      STAND_IN_SCRIPT: JSON.stringify({
        transcription: { texts: [CALLER_WORDS] },
        llm: { rules: [{ match: "card", toolCalls: [{ name: TOOL_NAME, arguments: { party: 2 } }] }] },
      }),
    },
    /ELEVENLABS_BASE_URL=\S+/,
  );
  ({
    process: platform,
    api,
    sipPort,
  } = await startEmbeddedPlatform(dir, {
    NUMBER_INVENTORY: INBOUND_NUMBER,
    ALLOW_PRIVATE_URLS: "true",
    INBOUND_CENTS_PER_MINUTE: String(INBOUND_CENTS_PER_MINUTE),
    OPENAI_API_KEY: "sk-stand-in",
    METRICS_TOKEN,
    // Redaction is set through the admin API; credits stay self-serve as on the embedded default.
    ADMIN_API_KEY,
    SELF_SERVE_CREDITS: "true",
    // The logs of a whole call at info level are checked for what they must not carry.
    LOG_LEVEL: "info",
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
    OTEL_BSP_SCHEDULE_DELAY: "200",
    ...standInUrlsOf(standIns.output()),
  }));
  gatewayUrl = gatewayAddressOf(platform.output()).httpUrl;
  ({ webhookSecret } = await provisionInbound(api, receiver.url));
  const agents = await api.request<{ data: { id: string }[] }>("GET", "/agents");
  const withTool = await api.request("PATCH", `/agents/${agents.body.data[0]!.id}`, {
    tools: [
      {
        type: "http",
        name: TOOL_NAME,
        description: "Checks a booking.",
        method: "POST",
        url: toolEndpoint.url,
        parameters: { type: "object", properties: { party: { type: "integer" } } },
      },
    ],
  });
  expect(withTool.status).toBe(200);
  const org = await api.request<{ id: string }>("GET", "/org");
  const admin = new ApiClient(api.baseUrl, ADMIN_API_KEY);
  const redaction = await admin.request("PATCH", `/admin/orgs/${org.body.id}`, {
    redaction: { entities: ["card_number", "email"] },
  });
  expect(redaction.status).toBe(200);
  const transcriptHook = await api.request("POST", "/webhooks", {
    url: transcriptReceiver.url,
    events: ["call.transcript.ready"],
  });
  expect(transcriptHook.status).toBe(201);
}, 120_000);

afterAll(async () => {
  for (const process of [platform, standIns]) await process?.stop().catch(() => {});
  receiver?.stop();
  transcriptReceiver?.stop();
  toolEndpoint?.stop();
  otlp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function scrape(url: string): Promise<Exposition> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return readExposition(await response.text());
}

test("one SIPp call moves the gateway's and control's metrics by what it did, its card number and e-mail masked", async () => {
  expect((await fetch(`${gatewayUrl}/metrics`)).status).toBe(401);
  const gatewayBefore = await scrape(gatewayUrl);
  const controlBefore = await scrape(api.baseUrl);

  const call = await expectInboundCallEndToEnd({
    api,
    sipPort,
    dir,
    callerAudio,
    receiver,
    webhookSecret,
    inboundCentsPerMinute: INBOUND_CENTS_PER_MINUTE,
  });

  const gateway = await scrape(gatewayUrl);
  const moved = (name: string, labels: Record<string, string> = {}) =>
    gateway.value(name, labels) - gatewayBefore.value(name, labels);
  expect(moved("switchboard_calls_total", { direction: "inbound", status: "completed" })).toBe(1);
  expect(gateway.value("switchboard_calls_active")).toBe(0);
  expect(moved("switchboard_call_setup_seconds_count", { direction: "inbound" })).toBe(1);
  const measuredTurns = call.transcript.filter(
    (turn) => turn.role === "agent" && turn.latency?.total_ms != null,
  );
  expect(measuredTurns.length).toBeGreaterThan(0);
  expect(moved("switchboard_turn_stage_seconds_count", { stage: "total" })).toBe(measuredTurns.length);
  expect(moved("switchboard_sip_requests_total", { method: "INVITE", response: "200" })).toBe(1);
  expect(moved("switchboard_sip_requests_total", { method: "BYE", response: "200" })).toBe(1);
  // SIPp streams the caller's words once, one 160-byte packet per 20 ms; the gateway sends
  // a packet every 20 ms for as long as the call is up.
  const callerPackets = Math.ceil(Bun.file(callerAudio).size / 160);
  const received = moved("switchboard_rtp_packets_total", { direction: "received" });
  const sent = moved("switchboard_rtp_packets_total", { direction: "sent" });
  console.log(
    `rtp received ${received} (caller audio ${callerPackets} packets), sent ${sent} over ${call.duration_s} s`,
  );
  expect(received).toBeGreaterThanOrEqual(callerPackets - 1);
  expect(received).toBeLessThanOrEqual(callerPackets + 1);
  expect(sent).toBeGreaterThan(call.duration_s! * 50 * 0.8);
  expect(moved("switchboard_rtp_lost_total")).toBe(0);
  expect(moved("switchboard_jitter_seconds_count")).toBe(1);
  expect(moved("switchboard_provider_requests_total", { kind: "llm", outcome: "ok" })).toBeGreaterThan(0);
  expect(moved("switchboard_provider_requests_total", { kind: "stt", outcome: "ok" })).toBeGreaterThan(0);
  expect(moved("switchboard_media_clock_lateness_seconds_count")).toBeGreaterThan(0);
  expect(gateway.families.has("nodejs_eventloop_lag_seconds")).toBe(true);
  expect(gateway.families.has("process_cpu_seconds_total")).toBe(true);

  const control = await waitFor(
    "the call.ended delivery counted",
    async () => {
      const scraped = await scrape(api.baseUrl);
      const delivered =
        scraped.value("switchboard_webhook_deliveries_total", { outcome: "succeeded" }) -
        controlBefore.value("switchboard_webhook_deliveries_total", { outcome: "succeeded" });
      return delivered >= 1 ? scraped : null;
    },
    E2E_WAIT,
  );
  expect(
    control.value("switchboard_credits_charged_cents_total") -
      controlBefore.value("switchboard_credits_charged_cents_total"),
  ).toBe(call.cost_cents!);
  expect(
    control.value("switchboard_http_requests_total", {
      method: "GET",
      route: "/api/v1/calls/:call_id",
      status: "200",
    }),
  ).toBeGreaterThan(0);
  // Control's consumer group on the call events stream has its lag and pending exported, and
  // both drain to zero once the call's events are handled.
  const callEventsGroup = { stream: "callEvents", group: "control" };
  for (const name of ["switchboard_bus_consumer_lag", "switchboard_bus_pending"])
    expect(
      control.families
        .get(name)
        ?.metrics.some(
          (metric) => (metric as { labels?: Record<string, string> }).labels?.group === "control",
        ),
    ).toBe(true);
  await waitFor(
    "the call events consumed and acked",
    async () => {
      const scraped = await scrape(api.baseUrl);
      return (
        scraped.value("switchboard_bus_consumer_lag", callEventsGroup) === 0 &&
        scraped.value("switchboard_bus_pending", callEventsGroup) === 0
      );
    },
    E2E_WAIT,
  );
  // Every metric the Grafana dashboard queries is one the two endpoints export.
  const dashboard = await Bun.file(join(import.meta.dir, "../../../docs/grafana/switchboard.json")).text();
  const queried = new Set(
    [...dashboard.matchAll(/\b((?:switchboard|process|nodejs)_[a-z0-9_]+)\b/g)].map((match) =>
      match[1]!.replace(/_(bucket|sum|count)$/, ""),
    ),
  );
  expect(queried.size).toBeGreaterThan(20);
  const unexported = [...queried].filter(
    (name) => !gateway.families.has(name) && !control.families.has(name),
  );
  expect(unexported).toEqual([]);
  // At info level the logs carry no caller number, no transcript and no prompt text.
  const logs = platform.output();
  expect(logs).toContain('"level":30');
  const userWords = call.transcript.filter((turn) => turn.role === "user").map((turn) => turn.text);
  expect(userWords.length).toBeGreaterThan(0);
  for (const secret of [CALLER_NUMBER, CALLER_NUMBER.slice(1), ...userWords, "You take table bookings"])
    expect(logs).not.toContain(secret);
  // Redaction end to end: the caller's card number and e-mail address are masked in the stored
  // transcript, the delivered call.transcript.ready webhook and the logs.
  const masked = "My card is [card_number] and my email is [email].";
  expect(userWords).toContain(masked);
  const delivered = await waitFor(
    "the call.transcript.ready delivery",
    async () => transcriptReceiver.deliveries.find((item) => item.body.includes(call.id)),
    E2E_WAIT,
  );
  expect(JSON.parse(delivered.body).type).toBe("call.transcript.ready");
  expect(delivered.body).toContain(masked);
  for (const secret of [CARD, CARD.replaceAll(" ", ""), EMAIL]) {
    expect(JSON.stringify(call.transcript)).not.toContain(secret);
    expect(delivered.body).not.toContain(secret);
    expect(logs).not.toContain(secret);
  }
  // One trace for the call, named on its record (the call id's hex): the call span, a span per
  // turn and the stages of the agent's turns under them; and a span per API request on control.
  const traceId = call.trace_id;
  expect(traceId).toBe(call.id.slice("call_".length));
  const callTrace = await waitFor(
    "the call's trace",
    async () => {
      const spans = otlp.spans.filter((span) => span.traceId === traceId);
      return spans.some((span) => span.name === "call") ? spans : null;
    },
    E2E_WAIT,
  );
  const root = callTrace.filter((span) => span.name === "call");
  expect(root.length).toBe(1);
  expect(root[0]!.attributes["switchboard.call_id"]).toBe(call.id);
  const turns = callTrace.filter((span) => span.name === "turn");
  expect(turns.length).toBe(call.transcript.length);
  for (const turn of turns) expect(turn.parentSpanId).toBe(root[0]!.spanId);
  const turnIds = new Set(turns.map((turn) => turn.spanId));
  for (const stage of ["stt", "llm_first_token", "tts_first_byte", "first_packet"]) {
    const stages = callTrace.filter((span) => span.name === stage);
    expect(stages.length).toBeGreaterThan(0);
    for (const span of stages) expect(turnIds.has(span.parentSpanId)).toBe(true);
  }
  // The tool the model called and the knowledge retrieval the caller's words ran are spans of
  // their own under an agent turn, the tool named but its arguments and result not carried.
  const record = await api.request<{ transcript: { tool_calls?: { name: string; outcome: string }[] }[] }>(
    "GET",
    `/calls/${call.id}`,
  );
  const toolCalls = record.body.transcript.flatMap((turn) => turn.tool_calls ?? []);
  expect(toolCalls.map((toolCall) => toolCall.name)).toEqual([TOOL_NAME]);
  expect(toolEndpoint.deliveries.length).toBe(1);
  const toolSpans = callTrace.filter((span) => span.name === "tool_call");
  expect(toolSpans.map((span) => span.attributes)).toEqual([
    { "switchboard.tool": TOOL_NAME, "switchboard.outcome": toolCalls[0]!.outcome },
  ]);
  expect(turnIds.has(toolSpans[0]!.parentSpanId)).toBe(true);
  const retrievals = callTrace.filter((span) => span.name === "retrieval");
  expect(retrievals.length).toBeGreaterThan(0);
  for (const span of retrievals) {
    expect(turnIds.has(span.parentSpanId)).toBe(true);
    expect(span.attributes["switchboard.outcome"]).toBe("completed");
  }
  expect(JSON.stringify(callTrace)).not.toContain("party");
  const apiSpans = await waitFor(
    "control's request spans",
    async () => {
      const found = otlp.spans.filter(
        (span) => span.service === "switchboard-control" && span.name === "GET /api/v1/calls/:call_id",
      );
      return found.length > 0 ? found : null;
    },
    E2E_WAIT,
  );
  expect(apiSpans[0]!.attributes["http.response.status_code"]).toBe(200);
  // No label carries the caller's number or the call's id.
  const texts = [
    await (
      await fetch(`${gatewayUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text(),
  ];
  for (const text of texts) {
    expect(text).not.toContain(call.id);
    expect(text).not.toContain(INBOUND_NUMBER.slice(1));
    expect(text).not.toContain(CALLER_NUMBER.slice(1));
  }
}, 120_000);
