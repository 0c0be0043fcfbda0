// The bus is a cache, the database is the truth: control and two gateways as processes on
// PostgreSQL and a redis-server of the test's own (no persistence). FLUSHALL while idle, and
// separately a Redis restart: within the reconcile interval both gateways answer again with
// the agent, and every INVITE meanwhile is a 503 with Retry-After (never 480 or 404).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type OwnRedis, startOwnRedis } from "@switchboard/shared/testing/redis-server";
import { type ApiClient, provisionInbound, startWebhookReceiver } from "./support/acceptance.ts";
import {
  type CallOutcome,
  callOnce,
  callUntilAnswered,
  completedInboundCalls,
  expectGreetedCall,
} from "./support/call-outcome.ts";
import { type Cluster, type GatewayProcess, startCluster } from "./support/cluster.ts";

const GREETING = "Hello.";
const RECONCILE_INTERVAL_S = 2;
/** A call is set up and listened to for a few seconds; allow that on top of the interval. */
const ANSWERED_AGAIN_WITHIN_MS = RECONCILE_INTERVAL_S * 1000 + 8000;

let redis: OwnRedis;
let cluster: Cluster;
let dir: string;
let api: ApiClient;
let gateways: GatewayProcess[];

beforeAll(async () => {
  redis = await startOwnRedis();
  cluster = await startCluster({
    name: "bus-flush-acceptance",
    redisUrl: redis.url,
    control: { BUS_RECONCILE_INTERVAL_S: String(RECONCILE_INTERVAL_S) },
  });
  ({ dir, api, gateways } = cluster);
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
  await cluster?.stop();
  await redis?.stop().catch(() => {});
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
