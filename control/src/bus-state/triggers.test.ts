// When the rebuild runs, on a redis-server of the test's own: at start, when Redis comes back
// empty after a restart, when a gateway asks for the state, and every interval after a flush.
import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import { RedisBus } from "@switchboard/shared/bus/redis";
import { PublishedState, STATE_PUBLISHED_AT_FIELD } from "@switchboard/shared/bus/state";
import { Hashes } from "@switchboard/shared/bus/topics";
import { createLogger } from "@switchboard/shared/logger";
import { type OwnRedis, startOwnRedis } from "@switchboard/shared/testing/redis-server";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { createHarness, type Harness } from "../testing/harness.ts";
import { BusStateReconciler } from "./reconcile.ts";

let redis: OwnRedis;
let bus: RedisBus;
let h: Harness;
let reconciler: BusStateReconciler | null = null;
let agentId: string;

beforeAll(async () => {
  redis = await startOwnRedis();
  bus = await RedisBus.connect(redis.url);
  h = await createHarness({ bus });
  // An agent, so a rebuild has something gateways would miss.
  const agent = await h.json<{ id: string }>("POST", "/api/v1/agents", { body: { name: "Desk" } });
  expect(agent.status).toBe(201);
  agentId = agent.body.id;
  // The first harness of a test process pays PGlite's cold start (about 6 s here).
}, 60_000);
afterEach(async () => {
  await reconciler?.stop();
  reconciler = null;
});
afterAll(async () => {
  await h?.close();
  await bus?.close();
  await redis?.stop();
});

const published = async () => (await bus.hashGet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD)) !== null;

/** Fails unless the state (marker and the agent's snapshot) is back within `timeoutMs`. */
async function untilRepublished(timeoutMs: number): Promise<void> {
  await waitFor(
    "the state to be republished",
    async () => (await published()) && (await bus.hashGet(Hashes.agentSnapshots, agentId)) !== null,
    { timeoutMs, intervalMs: 20 },
  );
}

function startReconciler(intervalMs: number): Promise<unknown> {
  reconciler = new BusStateReconciler(h.ctx, createLogger("silent"), intervalMs);
  return reconciler.start();
}

test("start publishes everything before it returns", async () => {
  await redis.command(["FLUSHALL"]);
  await startReconciler(60_000);
  expect(await published()).toBe(true);
  expect(await bus.hashGet(Hashes.agentSnapshots, agentId)).not.toBeNull();
});

test("a restarted, empty Redis is rebuilt on reconnect, long before the interval", async () => {
  await startReconciler(60_000);
  await redis.restart();
  await untilRepublished(10_000);
});

test("a gateway that finds the state missing gets it at once", async () => {
  await startReconciler(60_000);
  await redis.command(["FLUSHALL"]);
  const gatewaySide = new PublishedState(bus);
  expect(await gatewaySide.published()).toBe(false);
  await untilRepublished(5000);
  expect(await gatewaySide.published()).toBe(true);
});

test("a flush nobody notices is repaired within the interval", async () => {
  await startReconciler(1000);
  await redis.command(["FLUSHALL"]);
  expect(await published()).toBe(false);
  await untilRepublished(3000);
});
