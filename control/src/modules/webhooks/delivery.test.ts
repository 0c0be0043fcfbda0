import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";
import { harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { type Receiver, startReceiver } from "../../testing/webhook-receiver.ts";
import { emitWebhookEvent } from "./emit.ts";
import { WebhookDeliveryWorker, type WebhookWorkerOptions } from "./worker.ts";

let h: Harness;
const receivers: Receiver[] = [];
const workers: WebhookDeliveryWorker[] = [];
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  for (const receiver of receivers) receiver.stop();
  await h.close();
});

function receiverWith(script: Receiver["script"]): Receiver {
  const receiver = startReceiver(script);
  receivers.push(receiver);
  return receiver;
}

function worker(options: Partial<WebhookWorkerOptions> = {}): WebhookDeliveryWorker {
  const created = new WebhookDeliveryWorker({
    db: h.ctx.db,
    config: h.ctx.config,
    log: createLogger("silent"),
    pollIntervalMs: 20,
    batchSize: 500,
    retryScheduleMs: [100, 100, 100, 100],
    ...options,
  });
  workers.push(created);
  return created;
}

/** An org of its own with one endpoint, so other tests' deliveries never mix in. */
async function endpointFor(
  receiver: Receiver,
  events: RequestBody<"/api/v1/webhooks", "post">["events"] = [],
) {
  const org = await h.newOrg();
  const api = harnessClient(h, org.ownerKey);
  const created = await api.POST("/api/v1/webhooks", { body: { url: receiver.url, events } });
  expect(created.response.status).toBe(201);
  return { org, api, endpointId: created.data!.id, secret: created.data!.secret! };
}

async function delivery(id: string) {
  const [row] = await h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

const WAIT = { timeoutMs: 20_000, intervalMs: 20 };

describe("webhook delivery worker", () => {
  test("an emitted event arrives signed, with Standard Webhooks headers", async () => {
    const receiver = receiverWith([]);
    const { org, secret } = await endpointFor(receiver, ["call.ended"]);
    const ignored = await emitWebhookEvent(h.ctx.db, org.orgId, "call.started", { call_id: "call_1" });
    expect(ignored).toEqual([]);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.ended", {
      call_id: "call_1",
      duration_s: 42,
    });
    expect(await worker().runOnce()).toBeGreaterThanOrEqual(1);
    await waitFor("the delivery at the receiver", () => receiver.received.length >= 1);
    const got = receiver.received[0]!;
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["webhook-id"]).toBe(id!);
    expect(Math.abs(Number(got.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = new Webhook(secret).verify(got.body, got.headers);
    expect(payload).toMatchObject({ type: "call.ended", data: { call_id: "call_1", duration_s: 42 } });
    expect((await delivery(id!)).status).toBe("succeeded");
  });

  test("a receiver that fails twice then succeeds gets exactly one successful delivery", async () => {
    // The successful attempt takes 30 ms at the receiver: its recorded latency includes them.
    const receiver = receiverWith([{ status: 500 }, { status: 503 }, { status: 200, delayMs: 30 }]);
    const { org, api, endpointId, secret } = await endpointFor(receiver);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.failed", { call_id: "call_2" });
    const startedAtMs = performance.now();
    const running = worker();
    running.start();
    await waitFor("the delivery to settle", async () => (await delivery(id!)).status !== "pending", WAIT);
    await running.stop();
    const elapsedMs = performance.now() - startedAtMs;
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([id!]));
    for (const attempt of receiver.received)
      expect(new Webhook(secret).verify(attempt.body, attempt.headers)).toBeTruthy();
    const listed = await api.GET("/api/v1/webhooks/{id}/deliveries", {
      params: { path: { id: endpointId } },
    });
    expect(listed.data!.data).toHaveLength(1);
    expect(listed.data!.data[0]).toMatchObject({
      id,
      status: "succeeded",
      attempts: 3,
      response_code: 200,
      error: null,
    });
    expect(listed.data!.data[0]!.latency_ms).toBeGreaterThanOrEqual(30);
    expect(listed.data!.data[0]!.latency_ms).toBeLessThanOrEqual(Math.ceil(elapsedMs));
  });

  test("a worker stopped between attempts: a fresh one resumes the retry", async () => {
    const receiver = receiverWith([{ status: 500 }]);
    const { org } = await endpointFor(receiver);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.transcript.ready", { call_id: "call_3" });
    const first = worker({ retryScheduleMs: [300, 300] });
    await first.runOnce();
    await first.stop();
    const afterFirst = await delivery(id!);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastResponseCode: 500 });
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThan(afterFirst.createdAt.getTime());

    const second = worker({ retryScheduleMs: [300, 300] });
    second.start();
    await waitFor(
      "the retried delivery to succeed",
      async () => (await delivery(id!)).status === "succeeded",
      WAIT,
    );
    await second.stop();
    expect(await delivery(id!)).toMatchObject({ attempts: 2, lastResponseCode: 200 });
    expect(receiver.received).toHaveLength(2);
  });

  test("a worker that died holding a lease: its rows are picked up once the lease runs out", async () => {
    const receiver = receiverWith([]);
    const { org } = await endpointFor(receiver);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "sms.received", { body_chars: 12 });
    const leaseUntil = new Date(Date.now() + 60_000);
    await h.ctx.db
      .update(webhookDeliveries)
      .set({ lockedUntil: leaseUntil })
      .where(eq(webhookDeliveries.id, id!));
    await worker().runOnce();
    expect((await delivery(id!)).status).toBe("pending");
    expect(receiver.received).toHaveLength(0);
    await worker({ now: () => leaseUntil.getTime() + 1 }).runOnce();
    expect((await delivery(id!)).status).toBe("succeeded");
    expect(receiver.received).toHaveLength(1);
  });

  test("410 Gone disables the endpoint", async () => {
    const receiver = receiverWith([{ status: 410 }]);
    const { org, api, endpointId } = await endpointFor(receiver);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.started", {});
    await worker().runOnce();
    expect(await delivery(id!)).toMatchObject({ status: "failed", attempts: 1, lastResponseCode: 410 });
    const endpoint = (await api.GET("/api/v1/webhooks/{id}", { params: { path: { id: endpointId } } })).data!;
    expect(endpoint.enabled).toBe(false);
    expect(endpoint.disabled_reason).toContain("410");
    expect(await emitWebhookEvent(h.ctx.db, org.orgId, "call.started", {})).toEqual([]);
  });

  test("Retry-After is honoured when longer than the backoff", async () => {
    const receiver = receiverWith([{ status: 429, headers: { "retry-after": "120" } }]);
    const { org } = await endpointFor(receiver);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.started", {});
    const before = Date.now();
    await worker().runOnce();
    const row = await delivery(id!);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastResponseCode: 429 });
    const waitS = (row.nextAttemptAt.getTime() - before) / 1000;
    expect(waitS).toBeGreaterThanOrEqual(119);
    expect(waitS).toBeLessThanOrEqual(150);
  });

  test("timeouts and refusals are retried, then given up when the schedule runs out", async () => {
    const slow = receiverWith([{ status: 200, delayMs: 2000 }]);
    const { org } = await endpointFor(slow);
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.started", {});
    await worker({ timeoutMs: 200, retryScheduleMs: [] }).runOnce();
    expect(await delivery(id!)).toMatchObject({ status: "failed", attempts: 1, lastResponseCode: null });
    expect((await delivery(id!)).lastError).toContain("timed out");

    // A target that turned private after it was registered (DNS change) is refused at send time.
    const receiver = receiverWith([]);
    const other = await endpointFor(receiver);
    const [refusedId] = await emitWebhookEvent(h.ctx.db, other.org.orgId, "call.started", {});
    await worker({ config: { ...h.ctx.config, allowPrivateUrls: false } }).runOnce();
    const refused = await delivery(refusedId!);
    expect(refused).toMatchObject({ status: "pending", attempts: 1 });
    expect(refused.lastError).toStartWith("refused: resolves to 127.0.0.1, a loopback address");
    expect(receiver.received).toHaveLength(0);
  });

  test("after rotation the old secret stops signing once its 24 h are over", async () => {
    const receiver = receiverWith([]);
    const { org, api, endpointId, secret: oldSecret } = await endpointFor(receiver);
    const rotated = (
      await api.POST("/api/v1/webhooks/{id}/rotate-secret", { params: { path: { id: endpointId } } })
    ).data!;
    await emitWebhookEvent(h.ctx.db, org.orgId, "call.started", {});
    const later = Date.now() + 25 * 3_600_000;
    await worker({ now: () => later }).runOnce();
    await waitFor("the delivery at the receiver", () => receiver.received.length >= 1);
    const got = receiver.received[0]!;
    const signatures = got.headers["webhook-signature"]!.split(" ");
    expect(signatures).toHaveLength(1);
    const at = new Date(Number(got.headers["webhook-timestamp"]) * 1000);
    expect(signatures[0]).toBe(new Webhook(rotated.secret!).sign(got.headers["webhook-id"]!, at, got.body));
    expect(signatures[0]).not.toBe(new Webhook(oldSecret).sign(got.headers["webhook-id"]!, at, got.body));
    const [endpoint] = await h.ctx.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    expect(endpoint!.enabled).toBe(true);
  });
});
