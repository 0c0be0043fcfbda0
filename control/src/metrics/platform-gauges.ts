// Platform-wide state read at scrape time: the webhook outbox, the knowledge ingestion queue,
// the bus consumer groups' lag and pending entries and the credits charged for calls. One registry per running
// control (it needs that control's database and bus).
import type { Bus } from "@switchboard/shared/bus/contract";
import { Streams } from "@switchboard/shared/events";
import { and, count, eq, inArray, lt, sql } from "drizzle-orm";
import { Counter, Gauge, Registry } from "prom-client";
import type { Database } from "../db/client.ts";
import { creditLedger, knowledgeSources, webhookDeliveries } from "../db/schema.ts";

const QUEUED_KNOWLEDGE = ["pending", "processing"] as const;

export function platformRegistry(db: Database, bus: Bus): Registry {
  const registry = new Registry();
  new Gauge({
    name: "switchboard_webhook_outbox_backlog",
    help: "Webhook deliveries waiting in the outbox (pending, including retries not yet due).",
    registers: [registry],
    async collect() {
      const [row] = await db
        .select({ n: count() })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.status, "pending"));
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: "switchboard_knowledge_ingestion_queue",
    help: "Knowledge sources waiting for or in ingestion, by status.",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .select({ status: knowledgeSources.status, n: count() })
        .from(knowledgeSources)
        .where(inArray(knowledgeSources.status, [...QUEUED_KNOWLEDGE]))
        .groupBy(knowledgeSources.status);
      for (const status of QUEUED_KNOWLEDGE)
        this.set({ status }, rows.find((row) => row.status === status)?.n ?? 0);
    },
  });
  // Both gauges read XINFO GROUPS (or the memory bus's counts) on each scrape; groups are the
  // platform's fixed consumer groups, so the labels stay bounded.
  new Gauge({
    name: "switchboard_bus_consumer_lag",
    help: "Entries of a bus stream not yet delivered to a consumer group.",
    labelNames: ["stream", "group"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [name, stream] of Object.entries(Streams))
        for (const backlog of await bus.groupBacklogs(stream))
          this.set({ stream: name, group: backlog.group }, backlog.lag);
    },
  });
  new Gauge({
    name: "switchboard_bus_pending",
    help: "Entries of a bus stream delivered to a consumer group and not yet acked.",
    labelNames: ["stream", "group"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [name, stream] of Object.entries(Streams))
        for (const backlog of await bus.groupBacklogs(stream))
          this.set({ stream: name, group: backlog.group }, backlog.pending);
    },
  });
  new Counter({
    name: "switchboard_credits_charged_cents_total",
    help: "Credits charged for calls, in cents, from the ledger.",
    registers: [registry],
    async collect() {
      const [row] = await db
        .select({ cents: sql<string | null>`-sum(${creditLedger.amountCents})` })
        .from(creditLedger)
        .where(and(eq(creditLedger.kind, "call_usage"), lt(creditLedger.amountCents, 0)));
      this.reset();
      this.inc(Number(row?.cents ?? 0));
    },
  });
  return registry;
}
