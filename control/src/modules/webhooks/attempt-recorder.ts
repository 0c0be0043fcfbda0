// Records attempts as they finish, in as few writes as the database allows: one write at a
// time, and the attempts that finish while it runs go together in the next. A pass whose
// receivers answer together is recorded in one write; a slow receiver (up to the delivery
// timeout) holds back no other row's record, metric or lease.

import type { Database } from "../../db/client.ts";
import { runProcedure } from "../../db/procedure.ts";
import { countWebhookAttempt } from "../../metrics/registry.ts";
import { type AttemptRecord, recordDeliveryAttempts } from "./delivery-procedures.ts";

interface Waiting {
  record: AttemptRecord;
  recorded(): void;
  failed(error: unknown): void;
}

export class AttemptRecorder {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  /** Resolves once `record` is written (and counted), rejects with the write's error. */
  record(record: AttemptRecord): Promise<void> {
    return new Promise((recorded, failed) => {
      this.waiting.push({ record, recorded, failed });
      if (!this.writing) {
        this.writing = true;
        // The answers that arrived in the same turn of the event loop join the first write.
        setImmediate(() => void this.writeWaiting());
      }
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await runProcedure(
          this.db,
          recordDeliveryAttempts,
          batch.map((waiting) => waiting.record),
        );
      } catch (error) {
        for (const waiting of batch) waiting.failed(error);
        continue;
      }
      for (const waiting of batch) {
        countWebhookAttempt(waiting.record.status);
        waiting.recorded();
      }
    }
    this.writing = false;
  }
}
