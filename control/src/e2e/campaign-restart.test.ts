// A campaign of 20 leads from a CSV, dialled by control on PostgreSQL and Redis while a
// scripted gateway answers on the bus (some leads answer, some are busy once, some never
// answer). Control is killed with SIGKILL halfway and started again: the campaign still
// completes with the right counts, no lead is dialled more often than its attempts allow, no
// call is dispatched twice, and the pace and concurrency hold across the restart.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedisBus } from "@switchboard/shared/bus/redis";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import {
  type AttemptScript,
  onTheBus,
  type ScriptedGateway,
  startScriptedGateway,
} from "../modules/campaigns/testing/scripted-gateway.ts";
import { ApiClient, INBOUND_NUMBER } from "./support/acceptance.ts";
import {
  controlUrlOf,
  freshDatabase,
  freshRedis,
  type RunningProcess,
  scripts,
  startProcess,
} from "./support/processes.ts";

const LEADS = 20;
const CALLS_PER_MINUTE = 240;
const MAX_CONCURRENT = 3;
const leadNumber = (i: number) => `+14155552${String(i).padStart(3, "0")}`;
/** Leads 0,1 of every 4 answer; 2 is busy once then answers; 3 never answers. */
const script = (to: string, attempt: number): AttemptScript => {
  const kind = Number(to.slice(-3)) % 4;
  if (kind === 3) return "no_answer";
  if (kind === 2 && attempt === 1) return "busy";
  return "answer";
};
const expectedAttempts = (i: number) => (i % 4 >= 2 ? 2 : 1);

describe("a campaign across a control SIGKILL", () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let redis: Awaited<ReturnType<typeof freshRedis>>;
  let control: RunningProcess;
  let bus: RedisBus;
  let gateway: ScriptedGateway;
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
        SELF_SERVE_CREDITS: "true",
        CALL_EVENTS_CLAIM_IDLE_MS: "500",
        LOG_LEVEL: "warn",
      },
      /Docs/,
    );
    return new ApiClient(controlUrlOf(control.output()), apiKey);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sb-campaign-restart-"));
    database = await freshDatabase();
    redis = await freshRedis();
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    await bus?.close();
    await control?.stop();
    await redis?.drop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("completes with the right counts, each lead dialled only as its attempts allow", async () => {
    let api = await startControl();
    expect((await api.request("POST", "/credits/purchase", { amount_cents: 100_000 })).status).toBe(201);
    const agent = await api.request<{ id: string }>("POST", "/agents", {
      name: "Renewals",
      first_message: "Hello {{name}}, this is about your renewal.",
    });
    expect(agent.status).toBe(201);
    expect(
      (await api.request("POST", "/phone-numbers", { phone_number: INBOUND_NUMBER, agent_id: agent.body.id }))
        .status,
    ).toBe(201);
    const campaign = await api.request<{ id: string }>("POST", "/campaigns", {
      name: "Renewals",
      agent_id: agent.body.id,
      schedule: { calls_per_minute: CALLS_PER_MINUTE, max_concurrent: MAX_CONCURRENT, time_zone: "UTC" },
      retry: { on: ["busy", "no_answer"], max_attempts: 2, after_minutes: 0.02 },
    });
    expect(campaign.status).toBe(201);
    const csv = [
      "phone_number,name",
      ...Array.from({ length: LEADS }, (_, i) => `${leadNumber(i)},Lead ${i}`),
    ].join("\n");
    const report = await api.request<{ accepted: number }>("POST", `/campaigns/${campaign.body.id}/leads`, {
      csv,
    });
    expect(report.body.accepted).toBe(LEADS);

    bus = await RedisBus.connect(redis.url);
    gateway = await startScriptedGateway(onTheBus(bus), script, {
      campaignId: campaign.body.id,
      answeredMs: 300,
    });
    expect((await api.request("POST", `/campaigns/${campaign.body.id}/start`)).status).toBe(200);

    await waitFor("half the calls", () => gateway.commands.length >= 12, { timeoutMs: 30_000 });
    await control.kill();
    api = await startControl();
    const done = await waitFor(
      "the campaign to complete",
      async () => {
        const current = await api.request<{ status: string; counts: { by_outcome: Record<string, number> } }>(
          "GET",
          `/campaigns/${campaign.body.id}`,
        );
        return current.body.status === "completed" ? current.body : null;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(done.counts.by_outcome).toEqual({ answered: 15, no_answer: 5 });

    const perNumber = new Map<string, number>();
    for (const command of gateway.commands)
      perNumber.set(command.to_number, (perNumber.get(command.to_number) ?? 0) + 1);
    for (let i = 0; i < LEADS; i++) expect(perNumber.get(leadNumber(i))).toBe(expectedAttempts(i));
    expect(new Set(gateway.commands.map((command) => command.call_id)).size).toBe(gateway.commands.length);
    expect(gateway.commands.find((command) => command.to_number === leadNumber(7))?.metadata.name).toBe(
      "Lead 7",
    );
    expect(gateway.maxLive).toBeLessThanOrEqual(MAX_CONCURRENT);

    const calls = await api.request<{ data: { to_number: string; started_at: string }[] }>(
      "GET",
      "/calls?limit=100",
    );
    const starts = calls.body.data
      .filter((call) => perNumber.has(call.to_number))
      .map((call) => Date.parse(call.started_at))
      .sort((a, b) => a - b);
    expect(starts).toHaveLength(gateway.commands.length);
    const gapsMs = starts.slice(1).map((start, i) => start - starts[i]!);
    const spacingMs = 60_000 / CALLS_PER_MINUTE;
    expect(Math.min(...gapsMs)).toBeGreaterThanOrEqual(spacingMs);
    console.info(
      `campaign across a SIGKILL: ${starts.length} calls, gaps min ${Math.min(...gapsMs)} ms (spacing ${spacingMs} ms), at most ${gateway.maxLive} live (cap ${MAX_CONCURRENT})`,
    );
  }, 120_000);
});
