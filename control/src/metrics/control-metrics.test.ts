import { afterAll, beforeAll, expect, test } from "bun:test";
import { createHarness, type Harness } from "../testing/harness.ts";
import { readExposition } from "./testing/exposition.ts";

let open: Harness;
let guarded: Harness;
const METRICS_TOKEN = `metrics-${crypto.randomUUID()}`;

beforeAll(async () => {
  open = await createHarness();
  guarded = await createHarness({ config: { metricsToken: METRICS_TOKEN } });
}, 30_000);

afterAll(async () => {
  await open?.close();
  await guarded?.close();
});

async function scrape(harness: Harness, token: string | null = null) {
  const response = await harness.request("GET", "/metrics", { key: token });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return readExposition(await response.text());
}

test("requests are counted by route template, never by id, and the scrape parses", async () => {
  const before = await scrape(open);
  const missing = `call_${crypto.randomUUID().replaceAll("-", "")}`;
  expect((await open.request("GET", `/api/v1/calls/${missing}`)).status).toBe(404);
  expect((await open.request("GET", `/api/v1/calls/${missing}`)).status).toBe(404);
  expect((await open.request("GET", "/api/v1/agents")).status).toBe(200);
  const after = await scrape(open);
  const byRoute = (route: string, status: string) =>
    after.value("switchboard_http_requests_total", { method: "GET", route, status }) -
    before.value("switchboard_http_requests_total", { method: "GET", route, status });
  expect(byRoute("/api/v1/calls/:call_id", "404")).toBe(2);
  expect(byRoute("/api/v1/agents", "200")).toBe(1);
  expect(
    after.value("switchboard_http_request_duration_seconds_count", {
      method: "GET",
      route: "/api/v1/agents",
    }) -
      before.value("switchboard_http_request_duration_seconds_count", {
        method: "GET",
        route: "/api/v1/agents",
      }),
  ).toBe(1);
  const text = await (await open.request("GET", "/metrics", { key: null })).text();
  expect(text).not.toContain(missing);
  for (const name of [
    "switchboard_webhook_deliveries_total",
    "switchboard_webhook_outbox_backlog",
    "switchboard_knowledge_ingestion_queue",
    "switchboard_bus_consumer_lag",
    "switchboard_bus_pending",
    "switchboard_credits_charged_cents_total",
    "process_cpu_seconds_total",
    "nodejs_eventloop_lag_seconds",
  ])
    expect(after.families.has(name)).toBe(true);
});

test("with METRICS_TOKEN set, a scrape without it is a 401 problem and one with it is answered", async () => {
  const anonymous = await guarded.request("GET", "/metrics", { key: null });
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
  expect((await guarded.request("GET", "/metrics", { key: "wrong" })).status).toBe(401);
  // A tenant's API key is not the metrics token.
  expect((await guarded.request("GET", "/metrics")).status).toBe(401);
  const scraped = await scrape(guarded, METRICS_TOKEN);
  expect(scraped.families.has("switchboard_http_requests_total")).toBe(true);
});

test("a pending webhook delivery shows in the outbox backlog", async () => {
  const before = (await scrape(open)).value("switchboard_webhook_outbox_backlog");
  const { webhookDeliveries, webhookEndpoints } = await import("../db/schema.ts");
  const endpointId = `we_${crypto.randomUUID().replaceAll("-", "")}`;
  await open.ctx.db.insert(webhookEndpoints).values({
    id: endpointId,
    orgId: open.orgId,
    url: "http://127.0.0.1:9/hooks",
    eventTypes: ["call.ended"],
    secretCiphertext: "unused",
  });
  await open.ctx.db.insert(webhookDeliveries).values({
    id: `wd_${crypto.randomUUID().replaceAll("-", "")}`,
    orgId: open.orgId,
    endpointId,
    eventType: "call.ended",
    payload: "{}",
    nextAttemptAt: new Date(Date.now() + 3_600_000),
  });
  expect((await scrape(open)).value("switchboard_webhook_outbox_backlog")).toBe(before + 1);
});
