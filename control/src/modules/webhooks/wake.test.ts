import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { type Receiver, startReceiver } from "../../testing/webhook-receiver.ts";
import { emitWebhookEvent } from "./emit.ts";
import { WebhookDeliveryWorker } from "./worker.ts";

// The poll is set far beyond the wait, so a delivery that arrives was woken by the commit.
const POLL_MS = 120_000;
const WAKE_WAIT = { timeoutMs: 10_000, intervalMs: 5 };

let h: Harness;
const receivers: Receiver[] = [];
const workers: WebhookDeliveryWorker[] = [];
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  for (const receiver of receivers) receiver.stop();
  await h.close();
});

async function startedWorker(): Promise<WebhookDeliveryWorker> {
  const worker = new WebhookDeliveryWorker({
    db: h.ctx.db,
    config: h.ctx.config,
    log: createLogger("silent"),
    pollIntervalMs: POLL_MS,
  });
  workers.push(worker);
  worker.start();
  expect(await worker.wokenByCommits()).toBe(true);
  return worker;
}

async function endpointFor(receiver: Receiver) {
  const org = await h.newOrg();
  const api = harnessClient(h, org.ownerKey);
  const created = await api.POST("/api/v1/webhooks", { body: { url: receiver.url, events: ["call.ended"] } });
  expect(created.response.status).toBe(201);
  return org.orgId;
}

function receiver(): Receiver {
  const started = startReceiver([]);
  receivers.push(started);
  return started;
}

describe("webhook worker woken by the commit that queues deliveries", () => {
  test("a delivery committed in a transaction arrives without waiting for the poll", async () => {
    await startedWorker();
    const at = receiver();
    const orgId = await endpointFor(at);
    for (const callId of ["call_wake_1", "call_wake_2"]) {
      const [id] = await h.ctx.db.transaction((tx) =>
        emitWebhookEvent(tx, orgId, "call.ended", { call_id: callId, duration_s: 3 }),
      );
      await waitFor(
        `${callId} at the receiver`,
        () => at.received.some((got) => got.headers["webhook-id"] === id),
        WAKE_WAIT,
      );
    }
    expect(at.received).toHaveLength(2);
  });
});
