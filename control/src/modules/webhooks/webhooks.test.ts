import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { webhookEndpoints } from "../../db/schema.ts";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { type Receiver, startReceiver } from "../../testing/webhook-receiver.ts";

let h: Harness;
let api: ApiClient;
let receiver: Receiver;
beforeAll(async () => {
  h = await createHarness();
  api = harnessClient(h);
  receiver = startReceiver();
});
afterAll(async () => {
  receiver.stop();
  await h.close();
});

const byId = (id: string) => ({ params: { path: { id } } });

async function createEndpoint(body: RequestBody<"/api/v1/webhooks", "post">, key = h.ownerKey) {
  return harnessClient(h, key).POST("/api/v1/webhooks", { body });
}

describe("webhook endpoints", () => {
  test("create shows the whsec_ secret once; it is stored encrypted", async () => {
    const created = await createEndpoint({
      url: receiver.url,
      events: ["call.ended", "credits.low"],
      description: "CRM",
    });
    expect(created.response.status).toBe(201);
    expect(created.data!).toMatchObject({
      url: receiver.url,
      events: ["call.ended", "credits.low"],
      description: "CRM",
      enabled: true,
    });
    expect(created.data!.id).toMatch(/^whk_/);
    const secret = created.data!.secret!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    const read = await api.GET("/api/v1/webhooks/{id}", byId(created.data!.id));
    expect(read.response.status).toBe(200);
    expect(read.data!).not.toHaveProperty("secret");
    const [row] = await h.ctx.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, created.data!.id));
    expect(row!.secretCiphertext).not.toContain(secret.slice(6, 20));
    expect(decryptSecret(h.ctx.config, row!.secretCiphertext)).toBe(secret);
    const list = await api.GET("/api/v1/webhooks");
    expect(list.data!.data.map((e) => e.id)).toContain(created.data!.id);
    expect(list.data!.data.every((e) => !("secret" in e))).toBe(true);
  });

  test("update and delete", async () => {
    const created = await createEndpoint({ url: receiver.url });
    expect(created.data!.events).toEqual([]);
    const endpoint = byId(created.data!.id);
    const patched = await api.PATCH("/api/v1/webhooks/{id}", {
      ...endpoint,
      body: { events: ["number.suspended"], enabled: false, description: "ops" },
    });
    expect(patched.response.status).toBe(200);
    expect(patched.data!).toMatchObject({ events: ["number.suspended"], enabled: false, description: "ops" });
    const deleted = await api.DELETE("/api/v1/webhooks/{id}", endpoint);
    expect(deleted.response.status).toBe(204);
    expect((await api.GET("/api/v1/webhooks/{id}", endpoint)).response.status).toBe(404);
    expect((await api.DELETE("/api/v1/webhooks/{id}", endpoint)).response.status).toBe(404);
  });

  test("bad input is a 422 naming the field", async () => {
    for (const body of [
      { url: "not a url" },
      { url: "ftp://example.com/x" },
      { url: receiver.url, events: ["call.exploded"] },
      { events: ["call.ended"] },
    ]) {
      // Deliberately off the documented body: the cast is the point of the test.
      const res = await createEndpoint(body as never);
      expect(res.response.status).toBe(422);
      expect(res.error!.errors?.length).toBeGreaterThan(0);
    }
    const created = await createEndpoint({ url: receiver.url });
    const bad = await api.PATCH("/api/v1/webhooks/{id}", {
      ...byId(created.data!.id),
      body: { url: "nope" },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error!.errors?.[0]?.field).toBe("url");
  });

  test("members get 403 and another org's endpoints are 404", async () => {
    const created = await createEndpoint({ url: receiver.url });
    const member = await h.newKey("member");
    expect((await harnessClient(h, member).GET("/api/v1/webhooks")).response.status).toBe(403);
    expect((await createEndpoint({ url: receiver.url }, member)).response.status).toBe(403);
    const other = await h.newOrg();
    const theirs = harnessClient(h, other.ownerKey);
    const endpoint = byId(created.data!.id);
    expect((await theirs.GET("/api/v1/webhooks/{id}", endpoint)).response.status).toBe(404);
    expect(
      (await theirs.PATCH("/api/v1/webhooks/{id}", { ...endpoint, body: { enabled: false } })).response
        .status,
    ).toBe(404);
    expect((await theirs.DELETE("/api/v1/webhooks/{id}", endpoint)).response.status).toBe(404);
    expect((await theirs.POST("/api/v1/webhooks/{id}/rotate-secret", endpoint)).response.status).toBe(404);
    expect((await theirs.GET("/api/v1/webhooks/{id}/deliveries", endpoint)).response.status).toBe(404);
    expect((await theirs.POST("/api/v1/webhooks/{id}/test", endpoint)).response.status).toBe(404);
    const list = await theirs.GET("/api/v1/webhooks");
    expect(list.data!.data).toHaveLength(0);
  });

  test("test sends a signed ping that standardwebhooks verifies, recorded in deliveries", async () => {
    const created = await createEndpoint({ url: receiver.url });
    const before = receiver.received.length;
    // The receiver takes 30 ms to answer: the recorded latency includes them.
    receiver.script = [{ status: 200, delayMs: 30 }];
    const sentAtMs = performance.now();
    const res = await api.POST("/api/v1/webhooks/{id}/test", byId(created.data!.id));
    const elapsedMs = performance.now() - sentAtMs;
    expect(res.response.status).toBe(200);
    const delivery = res.data!;
    expect(delivery).toMatchObject({
      event_type: "webhook.test",
      status: "succeeded",
      attempts: 1,
      response_code: 200,
    });
    expect(delivery.latency_ms).toBeGreaterThanOrEqual(30);
    expect(delivery.latency_ms).toBeLessThanOrEqual(Math.ceil(elapsedMs));
    const got = receiver.received[before]!;
    expect(got.headers["webhook-id"]).toBe(delivery.id);
    const verified = new Webhook(created.data!.secret!).verify(got.body, got.headers) as Record<
      string,
      unknown
    >;
    expect(verified).toMatchObject({ type: "webhook.test", data: { webhook_id: created.data!.id } });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(got.body, got.headers),
    ).toThrow();
    const deliveries = await api.GET("/api/v1/webhooks/{id}/deliveries", byId(created.data!.id));
    expect(deliveries.data!.data.map((d) => d.id)).toEqual([delivery.id]);
  });

  test("rotate-secret: both secrets sign for 24 h", async () => {
    const created = (await createEndpoint({ url: receiver.url })).data!;
    const endpoint = byId(created.id);
    const res = await api.POST("/api/v1/webhooks/{id}/rotate-secret", endpoint);
    expect(res.response.status).toBe(200);
    const rotated = res.data!;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    const graceH = (Date.parse(rotated.previous_secret_expires_at!) - Date.now()) / 3_600_000;
    expect(graceH).toBeGreaterThan(23.9);
    expect(graceH).toBeLessThanOrEqual(24);
    const before = receiver.received.length;
    await api.POST("/api/v1/webhooks/{id}/test", endpoint);
    const got = receiver.received[before]!;
    expect(got.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.secret!).verify(got.body, got.headers)).toBeTruthy();
    expect(new Webhook(created.secret!).verify(got.body, got.headers)).toBeTruthy();
  });
});

describe("webhook targets on private networks", () => {
  let strict: Harness;
  let strictApi: ApiClient;
  beforeAll(async () => {
    strict = await createHarness({ config: { allowPrivateUrls: false } });
    strictApi = harnessClient(strict);
  });
  afterAll(async () => {
    await strict.close();
  });

  test("loopback, private, link-local and localhost are refused with a reason", async () => {
    for (const url of [
      receiver.url,
      "http://10.1.2.3/hook",
      "http://192.168.0.10/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]:8080/hook",
      "http://localhost:3000/hook",
      "http://0.0.0.0/hook",
      "http://100.64.0.1/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://[::ffff:a00:1]/hook",
    ]) {
      const res = await strictApi.POST("/api/v1/webhooks", { body: { url } });
      expect(res.response.status).toBe(422);
      expect(res.error!.code).toBe("webhook_url_not_allowed");
      expect(res.error!.errors?.[0]?.field).toBe("url");
      expect(res.error!.detail).toEndWith("only public addresses are allowed (ALLOW_PRIVATE_URLS).");
    }
    const credentials = await strictApi.POST("/api/v1/webhooks", {
      body: { url: "https://user:pw@93.184.216.34/hook" },
    });
    expect(credentials.response.status).toBe(422);
    expect(credentials.error!.detail).toBe(
      "The webhook url contains credentials (user:password@), which are not allowed.",
    );
    const ok = await strictApi.POST("/api/v1/webhooks", { body: { url: "https://93.184.216.34/hook" } });
    expect(ok.response.status).toBe(201);
    const moved = await strictApi.PATCH("/api/v1/webhooks/{id}", {
      ...byId(ok.data!.id),
      body: { url: "http://169.254.169.254/latest/meta-data" },
    });
    expect(moved.response.status).toBe(422);
    expect(moved.error!.detail).toContain("169.254.169.254, a link-local address (cloud metadata)");
  });
});
