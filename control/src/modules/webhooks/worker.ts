import type { Logger } from "@switchboard/shared/logger";
import { CommitWokenLoop } from "../../background/commit-woken-loop.ts";
import type { Database } from "../../db/client.ts";
import { runProcedure } from "../../db/procedure.ts";
import { AttemptRecorder } from "./attempt-recorder.ts";
import { DEFAULT_RETRY_SCHEDULE_MS } from "./backoff.ts";
import { DEFAULT_DELIVERY_TIMEOUT_MS, type DeliveryOptions, sendAttempt } from "./delivery.ts";
import { claimDueDeliveries } from "./delivery-procedures.ts";

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
  private readonly loop: CommitWokenLoop;
  private readonly recorder: AttemptRecorder;

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
    this.recorder = new AttemptRecorder(deps.db);
    this.loop = new CommitWokenLoop(
      // Fewer rows than a batch: every due row was claimed, so the next pass waits for a
      // commit's notice (kept if it came during this pass) or the poll, not an empty claim.
      async () => (await this.runOnce()) >= this.batchSize,
      this.pollIntervalMs,
      (error) => this.deps.log.error({ err: error }, "webhook delivery pass failed"),
      { db: deps.db, channel: DELIVERIES_QUEUED_CHANNEL, log: deps.log },
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Resolves once started: true when commits wake this worker, false when it only polls. */
  wokenByCommits(): Promise<boolean> {
    return this.loop.wokenByCommits();
  }

  /** Finishes the attempts in hand, then stops. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Claims the due deliveries and attempts each once; returns how many it claimed. The claim
   * is one procedure, and the attempts are recorded as they finish (AttemptRecorder).
   */
  async runOnce(): Promise<number> {
    const { deliveries, endpoints } = await runProcedure(this.deps.db, claimDueDeliveries, {
      nowMs: this.options.now(),
      leaseMs: this.leaseMs,
      batchSize: this.batchSize,
    });
    const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    await Promise.all(
      deliveries.map(async (delivery) => {
        const endpoint = byId.get(delivery.endpointId);
        if (!endpoint) return;
        const { result, record } = await sendAttempt(this.options, endpoint, delivery);
        await this.recorder.record(record);
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
    return deliveries.length;
  }
}
