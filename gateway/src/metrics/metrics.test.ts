// The gateway's metrics hooks, in process: each moves its series by what happened, with
// bounded labels only.
import { expect, test } from "bun:test";
import type { CallEvent } from "@switchboard/shared/events";
import { providerMetrics } from "../providers/base/metrics.ts";
import { callOffered, observeCallEvent } from "./calls.ts";
import { exportProviderSamples } from "./providers.ts";
import { gatewayRegistry } from "./registry.ts";
import { trackRtpSession } from "./rtp.ts";
import { countSipFinalResponse, countSipFloodBan } from "./sip.ts";

async function value(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await gatewayRegistry.getSingleMetric(name)?.get();
  return (metric?.values ?? [])
    .filter((sample) =>
      Object.entries(labels).every(([key, wanted]) => String(sample.labels[key]) === wanted),
    )
    .filter(
      (sample) => !("metricName" in sample) || sample.metricName === undefined || sample.metricName === name,
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

const base = (callId: string) => ({
  event_id: "evt_x",
  call_id: callId,
  org_id: "org_x",
  gateway_id: "gw",
  occurred_at: new Date().toISOString(),
});

test("a call offered, answered, with one turn and ended moves calls, setup time and turn stages", async () => {
  const callId = `call_${Bun.randomUUIDv7().replaceAll("-", "")}`;
  const endedBefore = await value("switchboard_calls_total", { direction: "inbound", status: "completed" });
  const totalsBefore =
    (await gatewayRegistry.getSingleMetric("switchboard_turn_stage_seconds")?.get())?.values.find(
      (sample) =>
        (sample as { metricName?: string }).metricName === "switchboard_turn_stage_seconds_count" &&
        sample.labels.stage === "stt",
    )?.value ?? 0;
  callOffered(callId, "inbound", "sip");
  observeCallEvent(
    {
      ...base(callId),
      type: "call.started",
      direction: "inbound",
      agent_id: "agt",
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: new Date().toISOString(),
    },
    "sip",
  );
  expect(
    await value("switchboard_calls_active", { direction: "inbound", transport: "sip" }),
  ).toBeGreaterThanOrEqual(1);
  observeCallEvent(
    {
      ...base(callId),
      type: "call.turn",
      index: 1,
      turn: {
        role: "agent",
        text: "Sure.",
        started_at: new Date().toISOString(),
        ended_at: new Date().toISOString(),
        interrupted: false,
        latency: {
          endpointing_ms: 200,
          stt_ms: 80,
          llm_first_token_ms: 300,
          tts_first_byte_ms: 60,
          first_packet_ms: 5,
          total_ms: 645,
        },
      },
    } as CallEvent,
    "sip",
  );
  observeCallEvent(
    {
      ...base(callId),
      type: "call.ended",
      status: "completed",
      hangup_cause: "caller_hangup",
      ended_at: new Date().toISOString(),
      duration_s: 3,
    },
    "sip",
  );
  expect(await value("switchboard_calls_total", { direction: "inbound", status: "completed" })).toBe(
    endedBefore + 1,
  );
  expect(await value("switchboard_calls_active", { direction: "inbound", transport: "sip" })).toBe(0);
  const totalsAfter = (
    await gatewayRegistry.getSingleMetric("switchboard_turn_stage_seconds")?.get()
  )?.values.find(
    (sample) =>
      (sample as { metricName?: string }).metricName === "switchboard_turn_stage_seconds_count" &&
      sample.labels.stage === "stt",
  )?.value;
  expect(totalsAfter).toBe(totalsBefore + 1);
});

test("an outbound call that fails before it is answered counts as ended, never as active", async () => {
  const before = await value("switchboard_calls_total", { direction: "outbound", status: "failed" });
  observeCallEvent(
    {
      ...base("call_unanswered"),
      type: "call.ended",
      status: "failed",
      hangup_cause: "trunk_503",
      ended_at: new Date().toISOString(),
      duration_s: 0,
    },
    "sip",
  );
  expect(await value("switchboard_calls_total", { direction: "outbound", status: "failed" })).toBe(
    before + 1,
  );
});

test("RTP counts are read from the sessions at scrape time and kept when they close", async () => {
  const counts = { packetsSent: 10, packetsReceived: 8, lost: 2, jitterMs: 4 };
  const sentBefore = await value("switchboard_rtp_packets_total", { direction: "sent" });
  const lostBefore = await value("switchboard_rtp_lost_total");
  const untrack = trackRtpSession(() => counts);
  expect(await value("switchboard_rtp_packets_total", { direction: "sent" })).toBe(sentBefore + 10);
  counts.packetsSent = 15;
  untrack();
  untrack();
  expect(await value("switchboard_rtp_packets_total", { direction: "sent" })).toBe(sentBefore + 15);
  expect(await value("switchboard_rtp_lost_total")).toBe(lostBefore + 2);
});

test("SIP methods outside the known ones are one 'other' series; provider samples are counted by outcome", async () => {
  const before = await value("switchboard_sip_requests_total", { method: "other", response: "405" });
  countSipFinalResponse("XYZZY", 405);
  countSipFinalResponse("FOOBAR", 405);
  countSipFinalResponse("INVITE", 100);
  expect(await value("switchboard_sip_requests_total", { method: "other", response: "405" })).toBe(
    before + 2,
  );
  const bans = await value("switchboard_sip_flood_bans_total");
  countSipFloodBan();
  expect(await value("switchboard_sip_flood_bans_total")).toBe(bans + 1);

  exportProviderSamples();
  const ok = await value("switchboard_provider_requests_total", {
    provider: "deepgram",
    kind: "stt",
    outcome: "ok",
  });
  const errors = await value("switchboard_provider_errors_total", { provider: "deepgram", kind: "stt" });
  providerMetrics.record({
    family: "stt",
    provider: "deepgram",
    firstOutputMs: 50,
    durationMs: 900,
    ok: true,
    attempt: 1,
  });
  providerMetrics.record({
    family: "stt",
    provider: "deepgram",
    firstOutputMs: null,
    durationMs: 5,
    ok: false,
    retryable: true,
    attempt: 1,
  });
  expect(
    await value("switchboard_provider_requests_total", { provider: "deepgram", kind: "stt", outcome: "ok" }),
  ).toBe(ok + 1);
  expect(await value("switchboard_provider_errors_total", { provider: "deepgram", kind: "stt" })).toBe(
    errors + 1,
  );
});
