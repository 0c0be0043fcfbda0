// Campaigns against real callees: the embedded platform (control and gateway in one process)
// dials a CSV's leads through a trunk to SIPp, which answers as people ("Hello?"), voicemails
// (a greeting, a beep), busy lines (486), lines that ring until our CANCEL and unavailable ones
// (480). The carrier's own log shows pacing and concurrency; the API shows leads, outcomes,
// retries and calls; a loopback receiver gets the signed campaign webhooks. A second campaign
// runs out of credits, pauses itself with campaign.paused, and finishes after a top-up.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { Webhook } from "standardwebhooks";
import {
  type ApiClient,
  INBOUND_NUMBER,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./support/acceptance.ts";
import {
  type CalleeAudio,
  type CalleeKind,
  calleeNumber,
  expectAllEnded,
  kindOfNumber,
  makeCalleeAudio,
  maxConcurrent,
  startCampaignCarrier,
} from "./support/campaign-callees.ts";
import { startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const RING_TIMEOUT_MS = 2500;
/** PGlite's first start and migrations take seconds, and many more on a loaded machine. */
const PLATFORM_START_TIMEOUT_MS = 150_000;
const CAMPAIGN_EVENTS = ["campaign.started", "campaign.completed", "campaign.paused", "lead.completed"];
const MESSAGE = "Hi {{name}}, this is the clinic, please call us back.";

interface Campaign {
  id: string;
  status: string;
  paused_reason: string | null;
  counts: { total: number; by_state: Record<string, number>; by_outcome: Record<string, number> };
}
interface Lead {
  id: string;
  phone_number: string;
  state: string;
  outcome: string | null;
  attempts: number;
  call_ids: string[];
  variables: Record<string, string>;
}
interface CallRecord {
  id: string;
  status: string;
  to_number: string;
  started_at: string;
  answered_at: string | null;
  answered_by: string | null;
  amd_decision_ms: number | null;
  hangup_cause: string | null;
  transcript: Array<{ role: string; text: string; started_at: string }>;
}
interface Delivery {
  type: string;
  data: Record<string, unknown>;
}

let dir: string;
let audio: CalleeAudio;
let standIns: RunningProcess;
let receiver: WebhookReceiver;
const platforms: RunningProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "campaign-callees-"));
  audio = makeCalleeAudio(dir);
  standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/);
  receiver = startWebhookReceiver();
}, 60_000);

// Each test's platform stops with it: two at once would only load the machine.
afterEach(async () => {
  for (const process of platforms.splice(0)) await process.stop().catch(() => {});
});

afterAll(async () => {
  await standIns?.stop().catch(() => {});
  receiver?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The embedded platform with a trunk to `carrierPort`, an agent on the stand-ins and a webhook. */
async function platformCalling(
  carrierPort: number,
  env: Record<string, string> = {},
): Promise<{
  api: ApiClient;
  agentId: string;
  verify: (body: string, headers: Record<string, string>) => Delivery;
}> {
  const platformDir = mkdtempSync(join(dir, "platform-"));
  const platform = await startEmbeddedPlatform(
    platformDir,
    {
      NUMBER_INVENTORY: INBOUND_NUMBER,
      ALLOW_PRIVATE_URLS: "true",
      OPENAI_API_KEY: "sk-stand-in",
      SIP_OUTBOUND_RING_TIMEOUT_MS: String(RING_TIMEOUT_MS),
      // The number to call from is free, so the credits bought are what the calls may spend.
      NUMBER_MONTHLY_CENTS: "0",
      RATE_LIMIT_PER_MINUTE: "100000",
      ...standInUrlsOf(standIns.output()),
      ...env,
    },
    PLATFORM_START_TIMEOUT_MS,
  );
  platforms.push(platform.process);
  const { api } = platform;
  const trunk = await api.request("POST", "/trunks", {
    name: "carrier",
    outbound_uri: `sip:127.0.0.1:${carrierPort}`,
    destination_countries: ["US"],
  });
  expect(trunk.status).toBe(201);
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Clinic reminders",
    first_message: "Hello {{name}}, this is the clinic.",
    system_prompt: "You remind patients of their appointment.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    max_duration_s: 30,
  });
  expect(agent.status).toBe(201);
  const number = await api.request("POST", "/phone-numbers", {
    phone_number: INBOUND_NUMBER,
    agent_id: agent.body.id,
  });
  expect(number.status).toBe(201);
  const hook = await api.request<{ secret: string }>("POST", "/webhooks", {
    url: receiver.url,
    events: CAMPAIGN_EVENTS,
  });
  expect(hook.status).toBe(201);
  const signer = new Webhook(hook.body.secret);
  return {
    api,
    agentId: agent.body.id,
    verify: (body, headers) => signer.verify(body, headers) as Delivery,
  };
}

/** The verified deliveries about one campaign (its own events, and its leads'). */
function deliveriesOf(
  verify: (body: string, headers: Record<string, string>) => Delivery,
  campaignId: string,
): Delivery[] {
  return receiver.deliveries
    .filter((delivery) => delivery.body.includes(campaignId))
    .map((delivery) => verify(delivery.body, delivery.headers));
}

const campaignOf = async (api: ApiClient, id: string) =>
  (await api.request<Campaign>("GET", `/campaigns/${id}`)).body;

async function leadsOf(api: ApiClient, id: string): Promise<Lead[]> {
  const page = await api.request<{ data: Lead[] }>("GET", `/campaigns/${id}/leads?limit=100`);
  return page.body.data;
}

describe("a campaign against SIPp callees", () => {
  // Four leads of each kind; busy and unanswered lines are tried twice.
  const kinds: CalleeKind[] = ["human", "machine", "busy", "rings", "unavailable"];
  const leads = Array.from({ length: 20 }, (_, i) => ({
    number: calleeNumber(kinds[i % kinds.length]!, i),
    name: `Patient ${i}`,
  }));
  const attemptsOf = (kind: CalleeKind) => (kind === "human" || kind === "machine" ? 1 : 2);
  const totalCalls = leads.reduce((sum, lead) => sum + attemptsOf(kindOfNumber(lead.number)), 0);
  const CALLS_PER_MINUTE = 60;
  const MAX_CONCURRENT = 3;
  const RETRY_AFTER_MINUTES = 0.05;

  test("dials each lead as its retries allow, at the pace and concurrency asked, with outcomes, counts and webhooks", async () => {
    const carrier = await startCampaignCarrier({
      dir,
      audio,
      calls: totalCalls,
      humanListenMs: 6000,
      timeoutS: 420,
    });
    const { api, agentId, verify } = await platformCalling(carrier.port);
    expect((await api.request("POST", "/credits/purchase", { amount_cents: 100_000 })).status).toBe(201);
    const created = await api.request<Campaign>("POST", "/campaigns", {
      name: "Appointment reminders",
      agent_id: agentId,
      schedule: { calls_per_minute: CALLS_PER_MINUTE, max_concurrent: MAX_CONCURRENT, time_zone: "UTC" },
      retry: { on: ["busy", "no_answer"], max_attempts: 2, after_minutes: RETRY_AFTER_MINUTES },
      amd: { enabled: true, on_machine: "leave_message", message: MESSAGE },
    });
    expect(created.status).toBe(201);
    const campaignId = created.body.id;
    const csv = ["phone_number,name", ...leads.map((lead) => `${lead.number},${lead.name}`)].join("\n");
    const report = await api.request<{ accepted: number }>("POST", `/campaigns/${campaignId}/leads`, { csv });
    expect(report.body.accepted).toBe(20);
    expect((await api.request("POST", `/campaigns/${campaignId}/start`)).status).toBe(200);

    const done = await waitFor(
      "the campaign to complete",
      async () => {
        const current = await campaignOf(api, campaignId);
        return current.status === "completed" ? current : null;
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
    const carrierResult = await carrier.done;
    expect(carrierResult.errors).toBe("");
    expect(carrierResult.exitCode).toBe(0);

    // Counts by state and outcome.
    expect(done.counts).toEqual({
      total: 20,
      by_state: { pending: 0, calling: 0, retrying: 0, completed: 20, canceled: 0 },
      by_outcome: { answered: 4, machine: 4, busy: 4, no_answer: 8 },
    });
    const leadRows = await leadsOf(api, campaignId);
    for (const lead of leadRows) {
      const kind = kindOfNumber(lead.phone_number);
      expect(lead.state).toBe("completed");
      expect(lead.attempts).toBe(attemptsOf(kind));
      expect(lead.call_ids).toHaveLength(attemptsOf(kind));
      expect(lead.outcome).toBe(
        { human: "answered", machine: "machine", busy: "busy", rings: "no_answer", unavailable: "no_answer" }[
          kind
        ],
      );
    }
    const filtered = await api.request<{ data: Lead[] }>(
      "GET",
      `/campaigns/${campaignId}/leads?outcome=machine&state=completed`,
    );
    expect(filtered.body.data.map((lead) => kindOfNumber(lead.phone_number))).toEqual(
      Array(4).fill("machine"),
    );

    // Each call as the API tells it: people greeted by name, voicemails given the message after the beep.
    const calls = new Map<string, CallRecord>();
    for (const lead of leadRows)
      for (const callId of lead.call_ids)
        calls.set(callId, (await api.request<CallRecord>("GET", `/calls/${callId}`)).body);
    expect(calls.size).toBe(totalCalls);
    for (const lead of leadRows) {
      const kind = kindOfNumber(lead.phone_number);
      const attempts = lead.call_ids.map((callId) => calls.get(callId)!);
      for (const call of attempts) expect(call.to_number).toBe(lead.phone_number);
      if (kind === "human") {
        const [call] = attempts;
        expect(call).toMatchObject({ status: "completed", answered_by: "human" });
        expect(call!.transcript[0]).toMatchObject({
          role: "agent",
          text: `Hello ${lead.variables.name}, this is the clinic.`,
        });
      } else if (kind === "machine") {
        const [call] = attempts;
        expect(call).toMatchObject({
          status: "completed",
          answered_by: "machine",
          hangup_cause: "machine_message_left",
        });
        expect(call!.amd_decision_ms!).toBeLessThanOrEqual(3500 + 100);
        const agentTurns = call!.transcript.filter((turn) => turn.role === "agent");
        expect(agentTurns.map((turn) => turn.text)).toEqual([
          MESSAGE.replace("{{name}}", lead.variables.name!),
        ]);
        const messageAfterAnswerMs = Date.parse(agentTurns[0]!.started_at) - Date.parse(call!.answered_at!);
        expect(messageAfterAnswerMs).toBeGreaterThanOrEqual(audio.beepEndMs);
      } else {
        const status = kind === "busy" ? "busy" : "no_answer";
        for (const call of attempts) expect(call).toMatchObject({ status, answered_at: null });
        // The retry came after the delay, counted from the first attempt's end.
        const [first, second] = attempts as [CallRecord, CallRecord];
        expect(Date.parse(second.started_at) - Date.parse(first.started_at)).toBeGreaterThanOrEqual(
          RETRY_AFTER_MINUTES * 60_000,
        );
      }
    }

    // Pacing and concurrency, as the carrier saw them.
    const seen = carrier.calls();
    expect(seen).toHaveLength(totalCalls);
    expectAllEnded(seen);
    const most = maxConcurrent(seen);
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT);
    const spacingMs = 60_000 / CALLS_PER_MINUTE;
    const invites = seen.map((call) => call.inviteAtMs);
    const spanMs = invites.at(-1)! - invites[0]!;
    // The dispatcher spaces its dials by the pace (checked exactly on started_at below); each
    // INVITE then reaches the carrier after the bus and the gateway, with their jitter. So the
    // carrier sees no burst: any run of calls takes the pace's time, less one jitter allowance.
    const JITTER_MS = 1000;
    let worstLagMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < invites.length; i++)
      for (let j = i + 1; j < invites.length; j++)
        worstLagMs = Math.min(worstLagMs, invites[j]! - invites[i]! - (j - i) * spacingMs);
    expect(spanMs).toBeGreaterThanOrEqual((totalCalls - 1) * spacingMs - JITTER_MS);
    expect(worstLagMs).toBeGreaterThanOrEqual(-JITTER_MS);
    const starts = [...calls.values()].map((call) => Date.parse(call.started_at)).sort((a, b) => a - b);
    const startGapsMs = starts.slice(1).map((start, i) => start - starts[i]!);
    expect(Math.min(...startGapsMs)).toBeGreaterThanOrEqual(spacingMs);
    console.info(
      `campaign against SIPp: ${seen.length} calls in ${(spanMs / 1000).toFixed(1)} s (pace ${CALLS_PER_MINUTE}/min: at least ${(((totalCalls - 1) * spacingMs) / 1000).toFixed(0)} s), runs ahead of the pace by at most ${Math.max(0, -worstLagMs).toFixed(0)} ms, at most ${most} at once (cap ${MAX_CONCURRENT})`,
    );

    // The webhooks, each signed: started, one lead.completed per lead, completed.
    const deliveries = await waitFor(
      "the campaign's webhooks",
      () => {
        const verified = deliveriesOf(verify, campaignId);
        return verified.some((delivery) => delivery.type === "campaign.completed") &&
          verified.filter((delivery) => delivery.type === "lead.completed").length === 20
          ? verified
          : null;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(deliveries.filter((delivery) => delivery.type === "campaign.started")).toHaveLength(1);
    expect(deliveries.filter((delivery) => delivery.type === "campaign.completed")).toHaveLength(1);
    const leadOutcomes = deliveries
      .filter((delivery) => delivery.type === "lead.completed")
      .map((delivery) => delivery.data.outcome as string)
      .sort();
    expect(leadOutcomes).toEqual(leadRows.map((lead) => lead.outcome!).sort());
  }, 480_000);

  test("credits running out pause the campaign with campaign.paused; a top-up and resume finish it", async () => {
    const LEADS = 4;
    const carrier = await startCampaignCarrier({
      dir,
      audio,
      calls: LEADS,
      humanListenMs: 2500,
      timeoutS: 300,
    });
    // 50 cents a second: the least one can buy (100 cents) pays for about one call.
    const { api, agentId, verify } = await platformCalling(carrier.port, {
      OUTBOUND_CENTS_PER_MINUTE: "3000",
    });
    expect((await api.request("POST", "/credits/purchase", { amount_cents: 100 })).status).toBe(201);
    const created = await api.request<Campaign>("POST", "/campaigns", {
      name: "Short on credits",
      agent_id: agentId,
      schedule: { calls_per_minute: 120, max_concurrent: 1, time_zone: "UTC" },
    });
    expect(created.status).toBe(201);
    const campaignId = created.body.id;
    const leadList = Array.from({ length: LEADS }, (_, i) => ({
      phone_number: calleeNumber("human", 100 + i),
      name: `Caller ${i}`,
    }));
    expect(
      (await api.request<{ accepted: number }>("POST", `/campaigns/${campaignId}/leads`, { leads: leadList }))
        .body.accepted,
    ).toBe(LEADS);
    expect((await api.request("POST", `/campaigns/${campaignId}/start`)).status).toBe(200);

    const paused = await waitFor(
      "the campaign to pause",
      async () => {
        const current = await campaignOf(api, campaignId);
        return current.status === "paused" ? current : null;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(paused.paused_reason).toBe("insufficient_credits");
    expect(paused.counts.by_state.pending ?? 0).toBeGreaterThan(0);
    expect(await api.balanceCents()).toBeLessThanOrEqual(0);
    const pausedHook = await waitFor(
      "a signed campaign.paused",
      () => deliveriesOf(verify, campaignId).find((delivery) => delivery.type === "campaign.paused"),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(pausedHook.data).toMatchObject({
      campaign_id: campaignId,
      status: "paused",
      paused_reason: "insufficient_credits",
    });
    const dialledWhilePaused = carrier.calls().length;
    expect(dialledWhilePaused).toBe(LEADS - (paused.counts.by_state.pending ?? 0));

    expect((await api.request("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
    expect((await api.request("POST", `/campaigns/${campaignId}/resume`)).status).toBe(200);
    const done = await waitFor(
      "the campaign to complete",
      async () => {
        const current = await campaignOf(api, campaignId);
        return current.status === "completed" ? current : null;
      },
      { timeoutMs: 90_000, intervalMs: 200 },
    );
    expect(done.counts.by_outcome).toEqual({ answered: LEADS });
    const carrierResult = await carrier.done;
    expect(carrierResult.errors).toBe("");
    expect(carrier.calls()).toHaveLength(LEADS);
    for (const lead of await leadsOf(api, campaignId)) expect(lead.attempts).toBe(1);
    const types = deliveriesOf(verify, campaignId).map((delivery) => delivery.type);
    expect(types.filter((type) => type === "campaign.started")).toHaveLength(1);
    await waitFor(
      "campaign.completed",
      () => deliveriesOf(verify, campaignId).some((delivery) => delivery.type === "campaign.completed"),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }, 420_000);
});
