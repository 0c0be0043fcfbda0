// The bus is a cache, the database is the truth: control and two gateways as processes on
// PostgreSQL and a redis-server of the test's own (no persistence). FLUSHALL while idle, and
// separately a Redis restart: within the reconcile interval both gateways answer again with
// the agent, and every INVITE meanwhile is a 503 with Retry-After (never 480 or 404).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OwnRedis, startOwnRedis } from "@switchboard/shared/testing/redis-server";
import { ApiClient, INBOUND_NUMBER, provisionInbound, startWebhookReceiver } from "./support/acceptance.ts";
import {
  type CallOutcome,
  callOnce,
  callUntilAnswered,
  completedInboundCalls,
  expectGreetedCall,
} from "./support/call-outcome.ts";
import {
  controlUrlOf,
  freshDatabase,
  gatewayAddressOf,
  type RunningProcess,
  scripts,
  standInUrlsOf,
  startProcess,
} from "./support/processes.ts";

const GREETING = "Hello.";
const RECONCILE_INTERVAL_S = 2;
/** A call is set up and listened to for a few seconds; allow that on top of the interval. */
const ANSWERED_AGAIN_WITHIN_MS = RECONCILE_INTERVAL_S * 1000 + 8000;

let dir: string;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let redis: OwnRedis;
let standIns: RunningProcess;
let control: RunningProcess;
let api: ApiClient;
const gateways: Array<RunningProcess & { sipPort: number }> = [];

async function startGatewayProcess(standInUrls: Record<string, string>) {
  const gateway = await startProcess(
    scripts.gateway,
    {
      REDIS_URL: redis.url,
      DATA_DIR: dir,
      SIP_PORT: "0",
      SIP_BIND_ADDRESS: "127.0.0.1",
      PUBLIC_IP: "127.0.0.1",
      GATEWAY_PORT: "0",
      RTP_PORT_MIN: "0",
      RTP_PORT_MAX: "1",
      SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
      GATEWAY_HEARTBEAT_INTERVAL_MS: "500",
      OPENAI_API_KEY: "sk-stand-in",
      LOG_LEVEL: "warn",
      ...standInUrls,
    },
    /SIP on UDP and TCP port \d+/,
  );
  gateways.push({ ...gateway, ...gatewayAddressOf(gateway.output()) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bus-flush-acceptance-"));
  database = await freshDatabase();
  redis = await startOwnRedis();
  standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/);
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
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
      ALLOW_PRIVATE_URLS: "true",
      SELF_SERVE_CREDITS: "true",
      RATE_LIMIT_PER_MINUTE: "100000",
      BUS_RECONCILE_INTERVAL_S: String(RECONCILE_INTERVAL_S),
      LOG_LEVEL: "warn",
    },
    /Docs/,
  );
  api = new ApiClient(controlUrlOf(control.output()), apiKey);
  const standInUrls = standInUrlsOf(standIns.output());
  await Promise.all([startGatewayProcess(standInUrls), startGatewayProcess(standInUrls)]);
  const receiver = startWebhookReceiver();
  await provisionInbound(api, receiver.url);
  receiver.stop();
  // Both gateways answer before anything is lost (and gateway A has the route cached).
  for (const gateway of gateways) {
    const before = await completedInboundCalls(api);
    expect(await callOnce(dir, gateway.sipPort)).toMatchObject({ answered: true });
    await expectGreetedCall(api, GREETING, before);
  }
}, 180_000);

afterAll(async () => {
  for (const process of [...gateways, control, standIns]) await process?.stop().catch(() => {});
  await redis?.stop().catch(() => {});
  await database?.drop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Every gateway answers again with the agent within the interval; refusals meanwhile are 503. */
async function expectEveryGatewayAnswersAgain(lostAtMs: number): Promise<CallOutcome[]> {
  const refusals: CallOutcome[] = [];
  for (const gateway of gateways) {
    const before = await completedInboundCalls(api);
    const result = await callUntilAnswered(dir, gateway.sipPort, lostAtMs + ANSWERED_AGAIN_WITHIN_MS);
    expect(result.answeredAtMs - lostAtMs).toBeLessThan(ANSWERED_AGAIN_WITHIN_MS);
    await expectGreetedCall(api, GREETING, before);
    refusals.push(...result.refusals);
  }
  return refusals;
}

describe("the bus rebuilt from the database: PostgreSQL, Redis, control and two gateways as processes", () => {
  test("FLUSHALL while idle: calls to both gateways are answered again within the interval, 503 meanwhile", async () => {
    expect(await redis.command(["FLUSHALL"])).toBe("OK");
    const flushedAtMs = Date.now();
    const refusals = await expectEveryGatewayAnswersAgain(flushedAtMs);
    // The state is back on the bus: the marker says so.
    expect(await redis.command(["HGET", "sb:control:state", "published_at_ms"])).not.toBeNull();
    console.info(`after FLUSHALL: ${refusals.length} INVITE(s) refused with 503 before answers resumed`);
  }, 120_000);

  test("Redis restarted empty: control rebuilds on reconnect; both gateways answer again, 503 meanwhile", async () => {
    await redis.restart();
    const restartedAtMs = Date.now();
    const refusals = await expectEveryGatewayAnswersAgain(restartedAtMs);
    expect(await redis.command(["HGET", "sb:control:state", "published_at_ms"])).not.toBeNull();
    console.info(`after the restart: ${refusals.length} INVITE(s) refused with 503 before answers resumed`);
  }, 120_000);
});
