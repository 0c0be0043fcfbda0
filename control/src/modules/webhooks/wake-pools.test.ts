// NOTIFY across connection pools: a worker on one pool is woken by a commit made on another,
// as control instances sharing one PostgreSQL are. PGlite has one connection, so this runs once,
// on a real PostgreSQL database of its own.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type DatabaseHandle, openDatabase } from "../../db/client.ts";
import { createFreshDatabase } from "../../testing/fresh-database.ts";
import { type Receiver, startReceiver } from "../../testing/webhook-receiver.ts";
import { createOrg } from "../orgs/service.ts";
import { emitWebhookEvent } from "./emit.ts";
import { createWebhook } from "./service.ts";
import { WebhookDeliveryWorker } from "./worker.ts";

// The poll is set far beyond the wait, so a delivery that arrives was woken by the commit.
const POLL_MS = 120_000;
const config = loadConfig({ ALLOW_PRIVATE_URLS: "true" });

let database: { url: string; drop(): Promise<void> };
let emitting: DatabaseHandle;
let delivering: DatabaseHandle;
let worker: WebhookDeliveryWorker | null = null;
let receiver: Receiver | null = null;

beforeAll(async () => {
  database = await createFreshDatabase("switchboard_wake");
  emitting = await openDatabase({ databaseUrl: database.url, dataDir: null });
  delivering = await openDatabase({ databaseUrl: database.url, dataDir: null });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  receiver?.stop();
  await delivering?.close();
  await emitting?.close();
  await database?.drop();
});

test("a worker on another connection pool is woken by the commit that queues a delivery", async () => {
  worker = new WebhookDeliveryWorker({
    db: delivering.db,
    config,
    log: createLogger("silent"),
    pollIntervalMs: POLL_MS,
  });
  worker.start();
  expect(await worker.wokenByCommits()).toBe(true);
  receiver = startReceiver([]);
  const org = await createOrg(emitting.db, "wake-pools");
  await createWebhook(emitting.db, config, org.id, { url: receiver.url, events: ["call.ended"] });
  const [id] = await emitting.db.transaction((tx) =>
    emitWebhookEvent(tx, org.id, "call.ended", { call_id: "call_wake_pools", duration_s: 3 }),
  );
  expect(id).toBeString();
  await waitFor(
    "the delivery at the receiver",
    () => receiver!.received.some((got) => got.headers["webhook-id"] === id),
    { timeoutMs: 10_000, intervalMs: 5 },
  );
});
