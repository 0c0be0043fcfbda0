import type { Logger } from "@switchboard/shared/logger";
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { PollLoop } from "../../background/poll-loop.ts";
import { type Database, listenToDatabase } from "../../db/client.ts";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema.ts";
import { DEFAULT_RETRY_SCHEDULE_MS } from "./backoff.ts";
import { attemptDelivery, DEFAULT_DELIVERY_TIMEOUT_MS, type DeliveryOptions } from "./delivery.ts";

export interface WebhookWorkerOptions {
  db: Database;
  config: DeliveryOptions["config"];
  log: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
  timeoutMs?: number;
  retryScheduleMs?: number[];
  now?: () => number;
}

/** Sent by migration 0016's trigger when a transaction that queued deliveries commits. */
export const DELIVERIES_QUEUED_CHANNEL = "webhook_deliveries_queued";

/**
 * Delivers the outbox. Rows are claimed with a lease (`locked_until`) under
 * FOR UPDATE SKIP LOCKED, so several control instances share the work, and a worker that dies
 * mid-attempt only delays its rows until the lease runs out. Everything lives in the table,
 * so a restarted process resumes every pending retry at its scheduled time. A NOTIFY from the
 * commit that queued deliveries wakes every worker at once (in this process or another); the
 * poll stays as the fallback for a lost notice, a retry coming due and a lease running out.
 */
export class WebhookDeliveryWorker {
  private readonly options: DeliveryOptions;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly loop: PollLoop;
  private unlisten: Promise<(() => Promise<void>) | null> | null = null;

  constructor(private readonly deps: WebhookWorkerOptions) {
    const timeoutMs = deps.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
    this.options = {
      config: deps.config,
      timeoutMs,
      retryScheduleMs: deps.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
      now: deps.now ?? Date.now,
    };
    this.pollIntervalMs = deps.pollIntervalMs ?? 1000;
    this.batchSize = deps.batchSize ?? 20;
    this.leaseMs = timeoutMs * 2 + 5000;
    this.loop = new PollLoop(
      async () => (await this.runOnce()) > 0,
      this.pollIntervalMs,
      (error) => this.deps.log.error({ err: error }, "webhook delivery pass failed"),
    );
  }

  start(): void {
    this.loop.start();
    this.unlisten ??= (
      listenToDatabase(this.deps.db, DELIVERIES_QUEUED_CHANNEL, () => this.loop.wake()) ??
      Promise.resolve(null)
    ).catch((error) => {
      this.deps.log.warn({ err: error }, "webhook worker not woken by commits; polling only");
      return null;
    });
  }

  /** Resolves once started: true when commits wake this worker, false when it only polls. */
  async wokenByCommits(): Promise<boolean> {
    return (await this.unlisten) != null;
  }

  /** Finishes the attempts in hand, then stops. */
  async stop(): Promise<void> {
    const unlisten = await this.unlisten;
    this.unlisten = null;
    await unlisten?.().catch(() => {});
    await this.loop.stop();
  }

  /** Claims the due deliveries and attempts each once; returns how many it attempted. */
  async runOnce(): Promise<number> {
    const { db } = this.deps;
    const nowMs = this.options.now();
    const now = new Date(nowMs);
    const due = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
          eq(webhookEndpoints.enabled, true),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(this.batchSize)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    const claimed = await db
      .update(webhookDeliveries)
      .set({ lockedUntil: new Date(nowMs + this.leaseMs) })
      .where(inArray(webhookDeliveries.id, due))
      .returning();
    if (claimed.length === 0) return 0;
    const endpointIds = [...new Set(claimed.map((row) => row.endpointId))];
    const endpoints = await db
      .select()
      .from(webhookEndpoints)
      .where(inArray(webhookEndpoints.id, endpointIds));
    const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    await Promise.all(
      claimed.map(async (delivery) => {
        const endpoint = byId.get(delivery.endpointId);
        if (!endpoint) return;
        const result = await attemptDelivery(db, this.options, endpoint, delivery);
        this.deps.log.debug(
          {
            deliveryId: delivery.id,
            endpointId: endpoint.id,
            status: result.status,
            responseCode: result.responseCode,
            latencyMs: result.latencyMs,
          },
          "webhook attempt",
        );
      }),
    );
    return claimed.length;
  }
}
