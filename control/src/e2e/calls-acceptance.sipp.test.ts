// The calls acceptance test: control and two gateways as separate processes on a fresh
// PostgreSQL database and Redis, the stand-in providers in a third process, SIPp as the
// caller and as the carrier. Everything is observed through the public API and a loopback
// webhook receiver, as a user would.

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp, type SippResult, startSippServer } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import {
  type ApiClient,
  type Call,
  E2E_WAIT,
  expectInboundCallEndToEnd,
  INBOUND_NUMBER,
  makeCallerAudio,
  provisionInbound,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./support/acceptance.ts";
import { type Cluster, type GatewayProcess, startCluster } from "./support/cluster.ts";

const INBOUND_CENTS_PER_MINUTE = 60;
const OUTBOUND_CENTS_PER_MINUTE = 120;

let cluster: Cluster;
let dir: string;
let callerAudio: string;
let gatewayA: GatewayProcess;
let gatewayB: GatewayProcess;
let api: ApiClient;
let receiver: WebhookReceiver;
let webhookSecret: string;

beforeAll(async () => {
  cluster = await startCluster({
    name: "calls-acceptance",
    control: {
      INBOUND_CENTS_PER_MINUTE: String(INBOUND_CENTS_PER_MINUTE),
      OUTBOUND_CENTS_PER_MINUTE: String(OUTBOUND_CENTS_PER_MINUTE),
      GATEWAY_LOST_AFTER_MS: "3000",
    },
  });
  ({ dir, api } = cluster);
  [gatewayA, gatewayB] = cluster.gateways as [GatewayProcess, GatewayProcess];
  callerAudio = makeCallerAudio(dir);
  receiver = startWebhookReceiver();
  ({ webhookSecret } = await provisionInbound(api, receiver.url));
}, 120_000);

afterAll(async () => {
  receiver?.stop();
  await cluster?.stop();
}, 60_000);

describe("calls end to end: control and gateways as processes over Redis and PostgreSQL", () => {
  test("an inbound SIPp call is persisted with transcript and latency, recorded, announced and billed", async () => {
    await expectInboundCallEndToEnd({
      api,
      sipPort: gatewayA.sipPort,
      dir,
      callerAudio,
      receiver,
      webhookSecret,
      inboundCentsPerMinute: INBOUND_CENTS_PER_MINUTE,
    });
  }, 120_000);

  test("an outbound call placed through the API is answered by a SIPp carrier, once, and billed", async () => {
    const carrier = await startSippServer({ scenario: "uas-answer-expect-ack-and-bye.xml", timeoutS: 40 });
    const trunk = await api.request("POST", "/trunks", {
      name: "carrier",
      outbound_uri: `sip:127.0.0.1:${carrier.port}`,
      destination_countries: ["US"],
    });
    expect(trunk.status).toBe(201);
    // At once: a gateway given a dispatch naming a trunk it has not loaded yet reloads its trunks.
    const agent = await api.request<{ id: string }>("POST", "/agents", {
      name: "Reminders",
      first_message: "Hello, this is a reminder.",
      voice: { provider: "espeak", voice_id: "en-us" },
      max_duration_s: 10,
    });
    expect(agent.status).toBe(201);
    const before = await api.balanceCents();
    const body = {
      agent_id: agent.body.id,
      to_number: "+14155550123",
      objective: "Remind the customer about tomorrow at 10am and offer to reschedule.",
    };
    const key = { "idempotency-key": "acceptance-outbound" };
    const placed = await api.request<Call>("POST", "/calls/outbound", body, key);
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe("queued");
    const again = await api.request<Call>("POST", "/calls/outbound", body, key);
    expect(again.body.id).toBe(placed.body.id);

    const carrierResult: SippResult = await carrier.done;
    expect(carrierResult.errors).toBe("");
    expect(carrierResult.exitCode).toBe(0);
    const call = await waitFor(
      "the completed outbound call",
      async () => {
        const detail = await api.request<Call>("GET", `/calls/${placed.body.id}`);
        return detail.body.status === "completed" ? detail.body : null;
      },
      E2E_WAIT,
    );
    expect(call.direction).toBe("outbound");
    expect(call.answered_at).not.toBeNull();
    expect(call.transcript[0]).toMatchObject({ role: "agent", text: "Hello, this is a reminder." });
    const expectedCents = Math.ceil((Math.ceil(call.duration_s!) * OUTBOUND_CENTS_PER_MINUTE) / 60);
    expect(call.cost_cents).toBe(expectedCents);
    expect(await api.balanceCents()).toBe(before - expectedCents);
    const outboundCalls = await api.request<{ data: Call[] }>("GET", "/calls?direction=outbound");
    expect(outboundCalls.body.data).toHaveLength(1);
  }, 120_000);

  test("a gateway killed mid-call: the call fails with its partial transcript, billed once; another gateway keeps answering", async () => {
    const caller = runSipp({
      scenario: speakingCallerScenario(dir, callerAudio, "uac-long-call-gateway-dies", [1500], 12_000),
      gatewayPort: gatewayA.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 16,
    });
    const live = await waitFor(
      "the live call with its first turns",
      async () => {
        const page = await api.request<{ data: Call[] }>(
          "GET",
          "/calls?direction=inbound&status=in_progress",
        );
        const candidate = page.body.data[0];
        if (!candidate) return null;
        const detail = await api.request<Call>("GET", `/calls/${candidate.id}`);
        return detail.body.transcript.some((turn) => turn.role === "user") ? detail.body : null;
      },
      E2E_WAIT,
    );
    await gatewayA.kill();

    const failed = await waitFor(
      "the reaper to end the call",
      async () => {
        const detail = await api.request<Call>("GET", `/calls/${live.id}`);
        return detail.body.status === "failed" ? detail.body : null;
      },
      E2E_WAIT,
    );
    expect(failed.hangup_cause).toBe("gateway_lost");
    expect(failed.transcript.length).toBeGreaterThanOrEqual(2);
    expect(failed.duration_s!).toBeGreaterThan(0);
    const ledger = await api.request<{ data: Array<{ reference: string | null; amount_cents: number }> }>(
      "GET",
      "/credits/transactions?limit=100",
    );
    const charges = ledger.body.data.filter((entry) => entry.reference === live.id);
    expect(charges).toHaveLength(1);
    expect(-charges[0]!.amount_cents).toBe(failed.cost_cents!);

    const next = await runSipp({
      scenario: speakingCallerScenario(dir, callerAudio, "uac-second-gateway-answers", [1500], 6000),
      gatewayPort: gatewayB.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 30,
    });
    expect(next.errors).toBe("");
    expect(next.exitCode).toBe(0);
    await waitFor(
      "the second gateway's call to complete",
      async () => {
        const page = await api.request<{ data: Call[] }>("GET", "/calls?direction=inbound&status=completed");
        return page.body.data.length >= 2;
      },
      E2E_WAIT,
    );
    await caller;
  }, 150_000);
});
