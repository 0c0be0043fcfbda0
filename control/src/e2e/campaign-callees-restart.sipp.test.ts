// A campaign against SIPp callees while control dies: control and a gateway as separate
// processes on PostgreSQL and Redis dial 20 CSV leads through a trunk to the SIPp carrier
// (people, voicemails, busy lines, lines that never answer). Control is killed with SIGKILL once
// the carrier has had 12 calls and started again on the same database and Redis: the campaign
// completes with the right outcomes, the carrier gets exactly the calls the leads' attempts
// allow (its scenario takes no more), and never more at once than max_concurrent.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { ApiClient, INBOUND_NUMBER } from "./support/acceptance.ts";
import {
  type CalleeKind,
  calleeNumber,
  expectAllEnded,
  kindOfNumber,
  makeCalleeAudio,
  maxConcurrent,
  startCampaignCarrier,
} from "./support/campaign-callees.ts";
import { LOOPBACK_GATEWAY_ENV } from "./support/cluster.ts";
import {
  controlUrlOf,
  freshDatabase,
  freshRedis,
  type RunningProcess,
  scripts,
  standInUrlsOf,
  startProcess,
} from "./support/processes.ts";

const KINDS: CalleeKind[] = ["human", "machine", "busy", "rings", "unavailable"];
const LEADS = Array.from({ length: 20 }, (_, i) => ({
  number: calleeNumber(KINDS[i % KINDS.length]!, i),
  name: `Patient ${i}`,
}));
const attemptsOf = (kind: CalleeKind) => (kind === "human" || kind === "machine" ? 1 : 2);
const TOTAL_CALLS = LEADS.reduce((sum, lead) => sum + attemptsOf(kindOfNumber(lead.number)), 0);
const MAX_CONCURRENT = 3;
/** Processes start slowly on a loaded machine. */
const START_TIMEOUT_MS = 150_000;

interface Campaign {
  id: string;
  status: string;
  counts: { by_outcome: Record<string, number> };
}

describe("a campaign against SIPp callees across a control SIGKILL", () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let redis: Awaited<ReturnType<typeof freshRedis>>;
  let standIns: RunningProcess;
  let gateway: RunningProcess;
  let control: RunningProcess;
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;

  const startControl = async () => {
    control = await startProcess(
      scripts.control,
      {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        DATA_DIR: dir,
        CONTROL_HOST: "127.0.0.1",
        CONTROL_PORT: "0",
        INIT_API_KEY: apiKey,
        NUMBER_INVENTORY: INBOUND_NUMBER,
        NUMBER_MONTHLY_CENTS: "0",
        SELF_SERVE_CREDITS: "true",
        RATE_LIMIT_PER_MINUTE: "100000",
        CALL_EVENTS_CLAIM_IDLE_MS: "500",
        LOG_LEVEL: "warn",
      },
      /Docs/,
      START_TIMEOUT_MS,
    );
    return new ApiClient(controlUrlOf(control.output()), apiKey);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sb-campaign-callees-restart-"));
    database = await freshDatabase();
    redis = await freshRedis();
    standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    for (const process of [gateway, control, standIns]) await process?.stop().catch(() => {});
    await redis?.drop();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    // A stopping process may take its 5 s grace before SIGKILL.
  }, 60_000);

  test("completes with the right outcomes, each lead dialled only as its attempts allow", async () => {
    const carrier = await startCampaignCarrier({
      dir,
      audio: makeCalleeAudio(dir),
      calls: TOTAL_CALLS,
      humanListenMs: 6000,
      timeoutS: 600,
    });
    let api = await startControl();
    gateway = await startProcess(
      scripts.gateway,
      {
        ...LOOPBACK_GATEWAY_ENV,
        REDIS_URL: redis.url,
        DATA_DIR: dir,
        GATEWAY_HEARTBEAT_INTERVAL_MS: "500",
        OPENAI_API_KEY: "sk-stand-in",
        SIP_OUTBOUND_RING_TIMEOUT_MS: "2500",
        LOG_LEVEL: "warn",
        ...standInUrlsOf(standIns.output()),
      },
      /SIP on UDP and TCP port \d+/,
      START_TIMEOUT_MS,
    );
    expect((await api.request("POST", "/credits/purchase", { amount_cents: 100_000 })).status).toBe(201);
    expect(
      (
        await api.request("POST", "/trunks", {
          name: "carrier",
          outbound_uri: `sip:127.0.0.1:${carrier.port}`,
          destination_countries: ["US"],
        })
      ).status,
    ).toBe(201);
    const agent = await api.request<{ id: string }>("POST", "/agents", {
      name: "Clinic reminders",
      first_message: "Hello {{name}}, this is the clinic.",
      stt: { provider: "openai", model: "whisper-1", language: "en" },
      llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
      voice: { provider: "espeak", voice_id: "en-us" },
      max_duration_s: 30,
    });
    expect(agent.status).toBe(201);
    expect(
      (await api.request("POST", "/phone-numbers", { phone_number: INBOUND_NUMBER, agent_id: agent.body.id }))
        .status,
    ).toBe(201);
    const campaign = await api.request<Campaign>("POST", "/campaigns", {
      name: "Appointment reminders",
      agent_id: agent.body.id,
      schedule: { calls_per_minute: 60, max_concurrent: MAX_CONCURRENT, time_zone: "UTC" },
      retry: { on: ["busy", "no_answer"], max_attempts: 2, after_minutes: 0.05 },
      amd: { enabled: true, on_machine: "leave_message", message: "Hi {{name}}, please call the clinic." },
    });
    expect(campaign.status).toBe(201);
    const csv = ["phone_number,name", ...LEADS.map((lead) => `${lead.number},${lead.name}`)].join("\n");
    expect(
      (await api.request<{ accepted: number }>("POST", `/campaigns/${campaign.body.id}/leads`, { csv })).body
        .accepted,
    ).toBe(20);
    expect((await api.request("POST", `/campaigns/${campaign.body.id}/start`)).status).toBe(200);

    await waitFor("12 calls at the carrier", () => carrier.calls().length >= 12, {
      timeoutMs: 180_000,
      intervalMs: 100,
    });
    await control.kill();
    const callsWhenKilled = carrier.calls().length;
    api = await startControl();
    const done = await waitFor(
      "the campaign to complete",
      async () => {
        const current = await api.request<Campaign>("GET", `/campaigns/${campaign.body.id}`);
        return current.body.status === "completed" ? current.body : null;
      },
      { timeoutMs: 300_000, intervalMs: 500 },
    );
    expect(done.counts.by_outcome).toEqual({ answered: 4, machine: 4, busy: 4, no_answer: 8 });
    const leads = await api.request<{ data: { phone_number: string; attempts: number }[] }>(
      "GET",
      `/campaigns/${campaign.body.id}/leads?limit=100`,
    );
    for (const lead of leads.body.data)
      expect(lead.attempts).toBe(attemptsOf(kindOfNumber(lead.phone_number)));

    const result = await carrier.done;
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    const seen = carrier.calls();
    expect(seen).toHaveLength(TOTAL_CALLS);
    expectAllEnded(seen);
    expect(maxConcurrent(seen)).toBeLessThanOrEqual(MAX_CONCURRENT);
    console.info(
      `campaign against SIPp across a control SIGKILL: killed after ${callsWhenKilled} calls, ${seen.length} in all (${TOTAL_CALLS} allowed), at most ${maxConcurrent(seen)} at once (cap ${MAX_CONCURRENT})`,
    );
  }, 600_000);
});
