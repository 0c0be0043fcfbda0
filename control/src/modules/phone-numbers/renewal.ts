import { ApiError } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import { and, asc, eq, gt, lte } from "drizzle-orm";
import { phoneNumbers } from "../../db/schema.ts";
import { appendEntry, publishBalance } from "../credits/ledger.ts";
import { orgRates } from "../orgs/service.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import { type PhoneNumberRow, publishRoute } from "./routing.ts";
import { addMonth, type NumbersDeps } from "./service.ts";

interface RenewalOutcome {
  renewed: string[];
  suspended: string[];
  /** Already suspended and still unpaid. */
  stillSuspended: string[];
}

const BATCH = 100;

/**
 * Charges monthly renewals that are due, at the org's number price on the day (which becomes
 * the number's `monthly_cost_cents`). A paid renewal moves `renews_at` one month on; an
 * unpaid one suspends the number (the gateway refuses or forwards its calls), and the owner
 * gets a `number.suspended` webhook. Suspended numbers are retried on every tick and come
 * back to active, for a month from then, once the org has credits again.
 */
export class RenewalScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly deps: Omit<NumbersDeps, "provider">,
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    if (this.timer) return;
    const run = () => {
      if (this.inFlight) return;
      this.inFlight = this.tick(new Date())
        .catch((error) => this.log.error({ err: error }, "number renewal pass failed"))
        .finally(() => {
          this.inFlight = null;
        });
    };
    this.timer = setInterval(run, this.intervalMs);
    run();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** One pass over everything due at `now` (tests pass a future `now`). */
  async tick(now: Date): Promise<RenewalOutcome> {
    const outcome: RenewalOutcome = { renewed: [], suspended: [], stillSuspended: [] };
    let afterId = "";
    for (;;) {
      const due = await this.deps.db
        .select()
        .from(phoneNumbers)
        .where(and(lte(phoneNumbers.renewsAt, now), gt(phoneNumbers.id, afterId)))
        .orderBy(asc(phoneNumbers.id))
        .limit(BATCH);
      for (const row of due) {
        const result = await this.renew(row.id, now);
        if (result) outcome[result].push(row.id);
      }
      if (due.length < BATCH) break;
      afterId = due[due.length - 1]!.id;
    }
    return outcome;
  }

  private async renew(id: string, now: Date): Promise<keyof RenewalOutcome | null> {
    const result = await this.deps.db.transaction(async (tx) => {
      // Row lock: two schedulers (two control instances) never charge one renewal twice.
      const [row] = await tx
        .select()
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.id, id), lte(phoneNumbers.renewsAt, now)))
        .for("update");
      if (!row) return null;
      // The org's price at renewal time: a rate the operator changed applies from the next month.
      const { numberMonthlyCents: priceCents } = await orgRates(tx, this.deps.config, row.orgId);
      try {
        if (priceCents > 0) {
          await appendEntry(tx, this.deps, {
            orgId: row.orgId,
            kind: "number_renewal",
            amountCents: -priceCents,
            reference: `${row.id}:${row.renewsAt.toISOString()}`,
            description: `Monthly renewal of ${row.phoneNumber}`,
          });
        }
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== "insufficient_credits") throw error;
        if (row.status === "suspended") return { kind: "stillSuspended" as const, row: null };
        const [suspended] = await tx
          .update(phoneNumbers)
          .set({ status: "suspended", monthlyCostCents: priceCents, updatedAt: now })
          .where(eq(phoneNumbers.id, row.id))
          .returning();
        await emitWebhookEvent(tx, row.orgId, "number.suspended", {
          phone_number_id: row.id,
          phone_number: row.phoneNumber,
          reason: "renewal_unpaid",
          amount_due_cents: priceCents,
          renews_at: row.renewsAt.toISOString(),
        });
        return { kind: "suspended" as const, row: suspended! };
      }
      const renewsAt = row.status === "suspended" ? addMonth(now) : addMonth(row.renewsAt);
      const [renewed] = await tx
        .update(phoneNumbers)
        .set({ status: "active", renewsAt, monthlyCostCents: priceCents, updatedAt: now })
        .where(eq(phoneNumbers.id, row.id))
        .returning();
      return { kind: "renewed" as const, row: renewed! };
    });
    if (!result) return null;
    if (result.row) await this.afterCommit(result.row, result.kind);
    return result.kind;
  }

  private async afterCommit(row: PhoneNumberRow, kind: "renewed" | "suspended"): Promise<void> {
    await publishRoute(this.deps.bus, row);
    if (kind === "renewed") await publishBalance(this.deps.db, this.deps.bus, row.orgId);
    this.log.info({ phoneNumberId: row.id, orgId: row.orgId, outcome: kind }, "number renewal");
  }
}
