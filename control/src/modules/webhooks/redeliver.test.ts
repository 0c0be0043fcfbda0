import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { Webhook } from "standardwebhooks";
import { harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { type Receiver, startReceiver } from "../../testing/webhook-receiver.ts";
import { MAX_RESPONSE_BODY_BYTES } from "./delivery.ts";
import { WebhookDeliveryWorker } from "./worker.ts";

let h: Harness;
let receiver: Receiver;
let worker: WebhookDeliveryWorker;
beforeAll(async () => {
  h = await createHarness();
  receiver = startReceiver();
  worker = new WebhookDeliveryWorker({
    db: h.ctx.db,
    config: h.ctx.config,
    log: createLogger("silent"),
    pollIntervalMs: 20,
    retryScheduleMs: [100, 100],
  });
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  receiver.stop();
  await h.close();
});

/** An org of its own with one endpoint on the receiver. */
async function endpoint() {
  const org = await h.newOrg();
  const api = harnessClient(h, org.ownerKey);
  const created = await api.POST("/api/v1/webhooks", { body: { url: receiver.url } });
  expect(created.response.status).toBe(201);
  return { org, api, id: created.data!.id, secret: created.data!.secret! };
}

describe("the answer's body on a delivery", () => {
  test("is kept, and cut at MAX_RESPONSE_BODY_BYTES", async () => {
    const { api, id } = await endpoint();
    receiver.script = [{ status: 500, body: '{"error":"database down"}' }];
    const failed = await api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id } } });
    expect(failed.data!).toMatchObject({ status: "failed", response_code: 500 });
    expect(failed.data!.response_body).toBe('{"error":"database down"}');
    receiver.script = [{ status: 200, body: "é".repeat(MAX_RESPONSE_BODY_BYTES) }];
    const long = await api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id } } });
    expect(long.data!.status).toBe("succeeded");
    const kept = long.data!.response_body!;
    expect(new TextEncoder().encode(kept).byteLength).toBeLessThanOrEqual(MAX_RESPONSE_BODY_BYTES + 2);
    expect(kept.startsWith("é".repeat(MAX_RESPONSE_BODY_BYTES / 2 - 1))).toBe(true);
    const listed = await api.GET("/api/v1/webhooks/{id}/deliveries", { params: { path: { id } } });
    expect(listed.data!.data.map((d) => d.response_body)).toEqual([kept, '{"error":"database down"}']);
  });
});

describe("POST /webhooks/{id}/deliveries/{delivery_id}/redeliver", () => {
  test("queues the same event as a new signed delivery that the worker sends", async () => {
    const { api, id, secret } = await endpoint();
    receiver.script = [{ status: 503, body: "busy" }];
    const ping = (await api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id } } })).data!;
    expect(ping.status).toBe("failed");
    const before = receiver.received.length;
    const res = await api.POST("/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver", {
      params: { path: { id, delivery_id: ping.id } },
    });
    expect(res.response.status).toBe(202);
    const queued = res.data!;
    expect(queued.id).not.toBe(ping.id);
    expect(queued).toMatchObject({ event_type: "webhook.test", status: "pending", attempts: 0 });
    await waitFor("the redelivery to succeed", async () => {
      const list = await api.GET("/api/v1/webhooks/{id}/deliveries", { params: { path: { id } } });
      return list.data!.data.find((d) => d.id === queued.id)?.status === "succeeded";
    });
    const got = receiver.received.slice(before).find((r) => r.headers["webhook-id"] === queued.id)!;
    expect(got).toBeDefined();
    const original = receiver.received.find((r) => r.headers["webhook-id"] === ping.id)!;
    expect(got.body).toBe(original.body);
    expect(new Webhook(secret).verify(got.body, got.headers)).toMatchObject({ type: "webhook.test" });
    const list = await api.GET("/api/v1/webhooks/{id}/deliveries", { params: { path: { id } } });
    expect(list.data!.data.map((d) => [d.id, d.status, d.response_body])).toEqual([
      [queued.id, "succeeded", "ok"],
      [ping.id, "failed", "busy"],
    ]);
  });

  test("404 for another org's delivery, an unknown one, or one of another endpoint; 403 for members; 409 when disabled", async () => {
    const mine = await endpoint();
    const ping = (await mine.api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id: mine.id } } }))
      .data!;
    const path = { id: mine.id, delivery_id: ping.id };
    const route = "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver" as const;
    const theirs = await endpoint();
    expect((await theirs.api.POST(route, { params: { path } })).response.status).toBe(404);
    expect(
      (await theirs.api.POST(route, { params: { path: { id: theirs.id, delivery_id: ping.id } } })).response
        .status,
    ).toBe(404);
    const second = await mine.api.POST("/api/v1/webhooks", { body: { url: receiver.url } });
    expect(
      (await mine.api.POST(route, { params: { path: { id: second.data!.id, delivery_id: ping.id } } }))
        .response.status,
    ).toBe(404);
    expect(
      (await mine.api.POST(route, { params: { path: { id: mine.id, delivery_id: "dlv_nope" } } })).response
        .status,
    ).toBe(404);
    const member = await h.newKey("member", mine.org.orgId);
    expect((await harnessClient(h, member).POST(route, { params: { path } })).response.status).toBe(403);
    await mine.api.PATCH("/api/v1/webhooks/{id}", {
      params: { path: { id: mine.id } },
      body: { enabled: false },
    });
    const disabled = await mine.api.POST(route, { params: { path } });
    expect(disabled.response.status).toBe(409);
    expect(disabled.error!.code).toBe("conflict");
    const list = await mine.api.GET("/api/v1/webhooks/{id}/deliveries", {
      params: { path: { id: mine.id } },
    });
    expect(list.data!.data.map((d) => d.id)).toEqual([ping.id]);
  });
});
