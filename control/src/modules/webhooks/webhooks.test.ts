import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { webhookEndpoints } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { type Receiver, startReceiver } from "../../testing/webhook-receiver.ts";

let h: Harness;
let receiver: Receiver;
beforeAll(async () => {
  h = await createHarness();
  receiver = startReceiver();
});
afterAll(async () => {
  receiver.stop();
  await h.close();
});

type Endpoint = {
  id: string;
  url: string;
  events: string[];
  description: string;
  enabled: boolean;
  secret?: string;
  previous_secret_expires_at: string | null;
};
type Delivery = {
  id: string;
  event_type: string;
  status: string;
  attempts: number;
  response_code: number | null;
  latency_ms: number | null;
};
type Problem = { code: string; detail: string; errors?: Array<{ field: string; message: string }> };

async function createEndpoint(body: Record<string, unknown>, key = h.ownerKey) {
  return h.json<Endpoint & Problem>("POST", "/api/v1/webhooks", { key, body });
}

describe("webhook endpoints", () => {
  test("create shows the whsec_ secret once; it is stored encrypted", async () => {
    const created = await createEndpoint({
      url: receiver.url,
      events: ["call.ended", "credits.low"],
      description: "CRM",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: receiver.url,
      events: ["call.ended", "credits.low"],
      description: "CRM",
      enabled: true,
    });
    expect(created.body.id).toMatch(/^whk_/);
    const secret = created.body.secret!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    const read = await h.json<Endpoint>("GET", `/api/v1/webhooks/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    const [row] = await h.ctx.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, created.body.id));
    expect(row!.secretCiphertext).not.toContain(secret.slice(6, 20));
    expect(decryptSecret(h.ctx.config, row!.secretCiphertext)).toBe(secret);
    const list = await h.json<{ data: Endpoint[] }>("GET", "/api/v1/webhooks");
    expect(list.body.data.map((e) => e.id)).toContain(created.body.id);
    expect(list.body.data.every((e) => e.secret === undefined)).toBe(true);
  });

  test("update and delete", async () => {
    const created = await createEndpoint({ url: receiver.url });
    expect(created.body.events).toEqual([]);
    const patched = await h.json<Endpoint>("PATCH", `/api/v1/webhooks/${created.body.id}`, {
      body: { events: ["number.suspended"], enabled: false, description: "ops" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ events: ["number.suspended"], enabled: false, description: "ops" });
    const deleted = await h.request("DELETE", `/api/v1/webhooks/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await h.json("GET", `/api/v1/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await h.json("DELETE", `/api/v1/webhooks/${created.body.id}`)).status).toBe(404);
  });

  test("bad input is a 422 naming the field", async () => {
    for (const body of [
      { url: "not a url" },
      { url: "ftp://example.com/x" },
      { url: receiver.url, events: ["call.exploded"] },
      { events: ["call.ended"] },
    ]) {
      const res = await createEndpoint(body);
      expect(res.status).toBe(422);
      expect(res.body.errors?.length).toBeGreaterThan(0);
    }
    const created = await createEndpoint({ url: receiver.url });
    const bad = await h.json<Problem>("PATCH", `/api/v1/webhooks/${created.body.id}`, {
      body: { url: "nope" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.field).toBe("url");
  });

  test("members get 403 and another org's endpoints are 404", async () => {
    const created = await createEndpoint({ url: receiver.url });
    const member = await h.newKey("member");
    expect((await h.json("GET", "/api/v1/webhooks", { key: member })).status).toBe(403);
    expect((await createEndpoint({ url: receiver.url }, member)).status).toBe(403);
    const other = await h.newOrg();
    const key = other.ownerKey;
    const id = created.body.id;
    expect((await h.json("GET", `/api/v1/webhooks/${id}`, { key })).status).toBe(404);
    expect((await h.json("PATCH", `/api/v1/webhooks/${id}`, { key, body: { enabled: false } })).status).toBe(
      404,
    );
    expect((await h.json("DELETE", `/api/v1/webhooks/${id}`, { key })).status).toBe(404);
    expect((await h.json("POST", `/api/v1/webhooks/${id}/rotate-secret`, { key })).status).toBe(404);
    expect((await h.json("GET", `/api/v1/webhooks/${id}/deliveries`, { key })).status).toBe(404);
    expect((await h.json("POST", `/api/v1/webhooks/${id}/test`, { key })).status).toBe(404);
    const list = await h.json<{ data: Endpoint[] }>("GET", "/api/v1/webhooks", { key });
    expect(list.body.data).toHaveLength(0);
  });

  test("test sends a signed ping that standardwebhooks verifies, recorded in deliveries", async () => {
    const created = await createEndpoint({ url: receiver.url });
    const before = receiver.received.length;
    // The receiver takes 30 ms to answer: the recorded latency includes them.
    receiver.script = [{ status: 200, delayMs: 30 }];
    const sentAtMs = performance.now();
    const res = await h.json<Delivery>("POST", `/api/v1/webhooks/${created.body.id}/test`);
    const elapsedMs = performance.now() - sentAtMs;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      event_type: "webhook.test",
      status: "succeeded",
      attempts: 1,
      response_code: 200,
    });
    expect(res.body.latency_ms).toBeGreaterThanOrEqual(30);
    expect(res.body.latency_ms).toBeLessThanOrEqual(Math.ceil(elapsedMs));
    const got = receiver.received[before]!;
    expect(got.headers["webhook-id"]).toBe(res.body.id);
    const verified = new Webhook(created.body.secret!).verify(got.body, got.headers) as Record<
      string,
      unknown
    >;
    expect(verified).toMatchObject({ type: "webhook.test", data: { webhook_id: created.body.id } });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(got.body, got.headers),
    ).toThrow();
    const deliveries = await h.json<{ data: Delivery[] }>(
      "GET",
      `/api/v1/webhooks/${created.body.id}/deliveries`,
    );
    expect(deliveries.body.data.map((d) => d.id)).toEqual([res.body.id]);
  });

  test("rotate-secret: both secrets sign for 24 h", async () => {
    const created = await createEndpoint({ url: receiver.url });
    const rotated = await h.json<Endpoint>("POST", `/api/v1/webhooks/${created.body.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const graceH = (Date.parse(rotated.body.previous_secret_expires_at!) - Date.now()) / 3_600_000;
    expect(graceH).toBeGreaterThan(23.9);
    expect(graceH).toBeLessThanOrEqual(24);
    const before = receiver.received.length;
    await h.json("POST", `/api/v1/webhooks/${created.body.id}/test`);
    const got = receiver.received[before]!;
    expect(got.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.body.secret!).verify(got.body, got.headers)).toBeTruthy();
    expect(new Webhook(created.body.secret!).verify(got.body, got.headers)).toBeTruthy();
  });
});

describe("webhook targets on private networks", () => {
  let strict: Harness;
  beforeAll(async () => {
    strict = await createHarness({ config: { allowPrivateUrls: false } });
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
      const res = await strict.json<Problem>("POST", "/api/v1/webhooks", { body: { url } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("webhook_url_not_allowed");
      expect(res.body.errors?.[0]?.field).toBe("url");
      expect(res.body.detail).toEndWith("only public addresses are allowed (ALLOW_PRIVATE_URLS).");
    }
    const credentials = await strict.json<Problem>("POST", "/api/v1/webhooks", {
      body: { url: "https://user:pw@93.184.216.34/hook" },
    });
    expect(credentials.status).toBe(422);
    expect(credentials.body.detail).toBe(
      "The webhook url contains credentials (user:password@), which are not allowed.",
    );
    const ok = await strict.json<Endpoint>("POST", "/api/v1/webhooks", {
      body: { url: "https://93.184.216.34/hook" },
    });
    expect(ok.status).toBe(201);
    const moved = await strict.json<Problem>("PATCH", `/api/v1/webhooks/${ok.body.id}`, {
      body: { url: "http://169.254.169.254/latest/meta-data" },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.detail).toContain("169.254.169.254, a link-local address (cloud metadata)");
  });
});
