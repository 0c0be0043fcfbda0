// The worker's claim and its records as database procedures: one claim per pass, records
// written as the answers come (a slow receiver holds back no other row), and on PGlite every
// one of them sent to the database's thread.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq } from "drizzle-orm";
import { procedureRunnerOf, runProceduresWith } from "../../db/procedure.ts";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { type Receiver, type ScriptedResponse, startReceiver } from "../../testing/webhook-receiver.ts";
import type { AttemptRecord } from "./delivery-procedures.ts";
import { emitWebhookEvent } from "./emit.ts";
import { WebhookDeliveryWorker } from "./worker.ts";

let h: Harness;
const receivers: Receiver[] = [];
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  for (const receiver of receivers) receiver.stop();
  await h.close();
});

/** An org of its own with one endpoint whose receiver answers `answer`, and one queued event. */
async function queuedDelivery(answer: ScriptedResponse) {
  const receiver = startReceiver([answer]);
  receivers.push(receiver);
  const org = await h.newOrg();
  const api = harnessClient(h, org.ownerKey);
  const created = await api.POST("/api/v1/webhooks", { body: { url: receiver.url } });
  expect(created.response.status).toBe(201);
  const [deliveryId] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.ended", { call_id: "call_p" });
  return { receiver, endpointId: created.data!.id, deliveryId: deliveryId! };
}

async function delivery(id: string) {
  const [row] = await h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

interface SentProcedure {
  name: string;
  /** The deliveries it claimed (claimDueDeliveries) or recorded (recordDeliveryAttempts). */
  deliveryIds: string[];
}

function deliveryIdsOf(name: string, input: unknown, output: unknown): string[] {
  if (name === "recordDeliveryAttempts") return (input as AttemptRecord[]).map((record) => record.deliveryId);
  if (name === "claimDueDeliveries")
    return (output as { deliveries: { id: string }[] }).deliveries.map((delivery) => delivery.id);
  return [];
}

/**
 * The procedures sent to PGlite's thread while `run` runs; null on PostgreSQL (none are sent).
 * The test process shares its database with earlier files, whose due deliveries a pass may
 * also claim, so each procedure comes with the deliveries it carried.
 */
async function proceduresSentDuring(run: () => Promise<void>): Promise<SentProcedure[] | null> {
  const runner = procedureRunnerOf(h.ctx.db);
  if (!runner) {
    await run();
    return null;
  }
  const sent: SentProcedure[] = [];
  runProceduresWith(h.ctx.db, async (module, name, input) => {
    const output = await runner(module, name, input);
    sent.push({ name, deliveryIds: deliveryIdsOf(name, input, output) });
    return output;
  });
  try {
    await run();
  } finally {
    runProceduresWith(h.ctx.db, runner);
  }
  return sent;
}

test("a pass claims in one procedure and records 2xx, 500 and 410 as they come, the slow answer last", async () => {
  const ok = await queuedDelivery({ status: 200 });
  const failing = await queuedDelivery({ status: 500 });
  const gone = await queuedDelivery({ status: 410 });
  const slow = await queuedDelivery({ status: 200, delayMs: 1500 });
  const worker = new WebhookDeliveryWorker({
    db: h.ctx.db,
    config: h.ctx.config,
    log: createLogger("silent"),
    batchSize: 500,
    retryScheduleMs: [60_000],
  });
  let slowRowWhileAnswering: Awaited<ReturnType<typeof delivery>> | null = null;
  const sent = await proceduresSentDuring(async () => {
    const pass = worker.runOnce();
    await waitFor(
      "the fast answers recorded while the slow one is still out",
      async () =>
        (await delivery(ok.deliveryId)).attempts === 1 &&
        (await delivery(failing.deliveryId)).attempts === 1 &&
        (await delivery(gone.deliveryId)).attempts === 1,
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    slowRowWhileAnswering = await delivery(slow.deliveryId);
    expect(await pass).toBeGreaterThanOrEqual(4);
  });
  expect(slowRowWhileAnswering!).toMatchObject({ status: "pending", attempts: 0 });
  expect(slowRowWhileAnswering!.lockedUntil).not.toBeNull();

  expect(await delivery(ok.deliveryId)).toMatchObject({
    status: "succeeded",
    lastResponseCode: 200,
    lastError: null,
    lockedUntil: null,
  });
  const retried = await delivery(failing.deliveryId);
  expect(retried).toMatchObject({
    status: "pending",
    lastResponseCode: 500,
    lastError: "HTTP 500",
    lockedUntil: null,
  });
  expect(retried.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  expect(retried.completedAt).toBeNull();
  expect(await delivery(gone.deliveryId)).toMatchObject({ status: "failed", lastResponseCode: 410 });
  const [endpoint] = await h.ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, gone.endpointId));
  expect(endpoint).toMatchObject({ enabled: false, disabledReason: "The endpoint answered 410 Gone." });
  const slowRow = await delivery(slow.deliveryId);
  expect(slowRow).toMatchObject({ status: "succeeded", attempts: 1, lockedUntil: null });
  expect(slowRow.lastLatencyMs).toBeGreaterThanOrEqual(1500);
  expect(slowRow.completedAt).not.toBeNull();

  if (sent !== null) {
    const ours = new Set([ok, failing, gone, slow].map((queued) => queued.deliveryId));
    const carryingOurs = sent.filter((procedure) => procedure.deliveryIds.some((id) => ours.has(id)));
    const claims = carryingOurs.filter((procedure) => procedure.name === "claimDueDeliveries");
    expect(claims).toHaveLength(1);
    expect(claims[0]!.deliveryIds).toEqual(expect.arrayContaining([...ours]));
    const records = carryingOurs.filter((procedure) => procedure.name === "recordDeliveryAttempts");
    // The slow answer needs a write of its own; the three fast ones share one or more.
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records.length).toBeLessThanOrEqual(4);
    expect(records.at(-1)!.deliveryIds).toContain(slow.deliveryId);
    expect(
      records
        .flatMap((procedure) => procedure.deliveryIds)
        .filter((id) => ours.has(id))
        .sort(),
    ).toEqual([...ours].sort());
    expect(
      sent.every(
        (procedure) => procedure.name === "claimDueDeliveries" || procedure.name === "recordDeliveryAttempts",
      ),
    ).toBe(true);
  }
});

test("an answer with U+0000 in its body is recorded with the rest of it", async () => {
  const odd = await queuedDelivery({ status: 500, body: "bad\u0000byte" });
  const worker = new WebhookDeliveryWorker({
    db: h.ctx.db,
    config: h.ctx.config,
    log: createLogger("silent"),
    batchSize: 500,
    retryScheduleMs: [60_000],
  });
  await worker.runOnce();
  expect(await delivery(odd.deliveryId)).toMatchObject({
    status: "pending",
    attempts: 1,
    lastResponseBody: "bad\uFFFDbyte",
  });
});
