// Control's Prometheus metrics. Counters of what this process did (requests, webhook
// deliveries, credits charged) live in one registry per process; gauges read from the
// database and the bus at scrape time are platform-wide, the same on every control instance
// (aggregate them with max, not sum). Labels take only bounded values.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export const controlProcessRegistry = new Registry();

collectDefaultMetrics({ register: controlProcessRegistry });

export const httpRequestsTotal = new Counter({
  name: "switchboard_http_requests_total",
  help: "HTTP requests to control, by method, route template and status.",
  labelNames: ["method", "route", "status"] as const,
  registers: [controlProcessRegistry],
});

export const httpRequestSeconds = new Histogram({
  name: "switchboard_http_request_duration_seconds",
  help: "Time control took to answer, by method and route template.",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [controlProcessRegistry],
});

export const webhookDeliveriesTotal = new Counter({
  name: "switchboard_webhook_deliveries_total",
  help: "Webhook delivery attempts, by outcome (succeeded, retrying, failed).",
  labelNames: ["outcome"] as const,
  registers: [controlProcessRegistry],
});

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A method outside the HTTP ones is "other": a client must not mint series. */
export function methodLabel(method: string): string {
  return HTTP_METHODS.has(method) ? method : "other";
}

/** One attempt's outcome, as webhooks/delivery.ts records it on the outbox row. */
export function countWebhookAttempt(status: "succeeded" | "pending" | "failed"): void {
  webhookDeliveriesTotal.inc({ outcome: status === "pending" ? "retrying" : status });
}
