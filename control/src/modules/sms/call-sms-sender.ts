// Sends the messages of calls' send_sms tools (call-sms.ts): each pending message is claimed
// in a transaction that checks it (a valid recipient who has not opted out, a number that can
// text) and charges it per segment, or marks it failed uncharged (insufficient_credits,
// recipient_opted_out, sms_not_available, invalid_recipient). After the commit the carrier
// gets it, and the outcome goes to the gateway on Channels.smsOutcomes.
import { Channels } from "@switchboard/shared/bus/topics";
import { ApiError } from "@switchboard/shared/errors";
import type { CallSmsOutcome } from "@switchboard/shared/events";
import { and, asc, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { CommitWokenLoop } from "../../background/commit-woken-loop.ts";
import type { ControlContext } from "../../context.ts";
import { phoneNumbers, smsMessages } from "../../db/schema.ts";
import { carrierFor } from "../carriers/sms-carrier.ts";
import { appendEntry, publishBalance } from "../credits/ledger.ts";
import { parseE164 } from "../phone-numbers/e164.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import { PENDING_CARRIER } from "./call-sms.ts";
import { isOptedOut } from "./opt-out.ts";
import { deliverQueued, type SmsRow, smsEventData } from "./service.ts";

type Deps = Pick<ControlContext, "db" | "bus" | "config" | "log">;

/** A charged call message still not with its carrier after this long was lost with its sender. */
export const STRANDED_AFTER_MS = 5 * 60_000;
type Prepared = { row: SmsRow; send: boolean };

/** Why the message cannot go, as its error code; null when it can (the carrier is returned). */
async function check(tx: ControlContext["db"], deps: Deps, row: SmsRow) {
  let to: string;
  try {
    to = parseE164(row.toNumber, "to").e164;
  } catch {
    return { error: "invalid_recipient" } as const;
  }
  const [number] = row.phoneNumberId
    ? await tx.select().from(phoneNumbers).where(eq(phoneNumbers.id, row.phoneNumberId))
    : [];
  if (!number) return { error: "no_phone_number" } as const;
  let carrier: string;
  try {
    carrier = carrierFor(deps.config, number.provider);
  } catch (error) {
    if (error instanceof ApiError) return { error: error.code } as const;
    throw error;
  }
  if (await isOptedOut(tx, row.fromNumber, to)) return { error: "recipient_opted_out" } as const;
  return { error: null, to, carrier } as const;
}

async function claimAndPrepare(deps: Deps): Promise<Prepared | null> {
  // Looked for outside a transaction first: on the embedded default an idle poll then holds
  // no lock on PGlite's one session (the call events' batches wait for it).
  const [pending] = await deps.db
    .select({ id: smsMessages.id })
    .from(smsMessages)
    .where(and(eq(smsMessages.carrier, PENDING_CARRIER), eq(smsMessages.status, "queued")))
    .limit(1);
  if (!pending) return null;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(smsMessages)
      .where(and(eq(smsMessages.carrier, PENDING_CARRIER), eq(smsMessages.status, "queued")))
      .orderBy(asc(smsMessages.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    const checked = await check(tx, deps, row);
    let error: string | null = checked.error;
    const costCents = row.segments * deps.config.carriers.smsCentsPerSegment;
    if (checked.error === null && costCents > 0) {
      try {
        await appendEntry(tx, deps, {
          orgId: row.orgId,
          kind: "sms_usage",
          amountCents: -costCents,
          reference: row.id,
          description: `SMS of ${row.segments} segment${row.segments === 1 ? "" : "s"} during a call`,
        });
      } catch (caught) {
        // The conditional debit wrote nothing, so the transaction goes on to record the refusal.
        if (!(caught instanceof ApiError) || caught.status !== 402) throw caught;
        error = caught.code;
      }
    }
    const [updated] = await tx
      .update(smsMessages)
      .set(
        error === null && checked.error === null
          ? { carrier: checked.carrier, toNumber: checked.to, costCents, updatedAt: new Date() }
          : { carrier: "none", status: "failed", errorCode: error, updatedAt: new Date() },
      )
      .where(eq(smsMessages.id, row.id))
      .returning();
    if (error !== null) await emitWebhookEvent(tx, row.orgId, "sms.failed", smsEventData(updated!));
    return { row: updated!, send: error === null };
  });
}

/**
 * Charged messages whose sender died before the carrier took them: marked failed
 * (`not_sent`) and refunded, never sent late. Answers how many.
 */
export async function settleStranded(deps: Deps, nowMs = Date.now()): Promise<number> {
  const stranded = await deps.db
    .select()
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.direction, "outbound"),
        eq(smsMessages.status, "queued"),
        ne(smsMessages.carrier, PENDING_CARRIER),
        isNull(smsMessages.carrierMessageId),
        lt(smsMessages.updatedAt, new Date(nowMs - STRANDED_AFTER_MS)),
        sql`${smsMessages.metadata} ? 'call_id'`,
      ),
    );
  for (const row of stranded) {
    const refunded = await deps.db.transaction(async (tx) => {
      const [failed] = await tx
        .update(smsMessages)
        .set({ status: "failed", errorCode: "not_sent", updatedAt: new Date() })
        .where(
          and(
            eq(smsMessages.id, row.id),
            eq(smsMessages.status, "queued"),
            isNull(smsMessages.carrierMessageId),
          ),
        )
        .returning();
      if (!failed) return false;
      if (row.costCents > 0) {
        await appendEntry(tx, deps, {
          orgId: row.orgId,
          kind: "refund",
          amountCents: row.costCents,
          reference: row.id,
          description: "SMS never handed to the carrier",
        });
      }
      await emitWebhookEvent(tx, row.orgId, "sms.failed", smsEventData(failed));
      return row.costCents > 0;
    });
    if (refunded) await publishBalance(deps.db, deps.bus, row.orgId);
  }
  return stranded.length;
}

function outcomeOf(row: SmsRow, status: CallSmsOutcome["status"]): CallSmsOutcome {
  return {
    sms_id: row.id,
    status,
    error_code: row.errorCode,
    segments: row.segments,
    cost_cents: row.costCents,
  };
}

/** Sent by migration 0023's trigger when a transaction that wrote messages commits. */
export const SMS_MESSAGES_QUEUED_CHANNEL = "sms_messages_queued";

/**
 * Sends pending call messages, woken by the commit that records one (the call's `call.sms`
 * event); `runOnce` handles at most one. The poll is the fallback for a lost notice.
 */
export class CallSmsSender {
  private readonly loop: CommitWokenLoop;

  constructor(
    private readonly deps: Deps,
    pollIntervalMs = 2000,
  ) {
    this.loop = new CommitWokenLoop(
      () => this.runOnce(),
      pollIntervalMs,
      (error) => this.deps.log.error({ err: error }, "call SMS sender: poll failed"),
      { db: deps.db, channel: SMS_MESSAGES_QUEUED_CHANNEL, log: deps.log },
    );
  }

  async runOnce(): Promise<boolean> {
    const prepared = await claimAndPrepare(this.deps);
    if (!prepared) {
      await settleStranded(this.deps);
      return false;
    }
    let outcome = outcomeOf(prepared.row, "failed");
    if (prepared.send) {
      if (prepared.row.costCents > 0) await publishBalance(this.deps.db, this.deps.bus, prepared.row.orgId);
      try {
        outcome = outcomeOf(await deliverQueued(this.deps, prepared.row), "sent");
      } catch (error) {
        if (!(error instanceof ApiError)) {
          this.deps.log.error({ err: error, sms_id: prepared.row.id }, "call SMS not handed to the carrier");
          outcome = outcomeOf(prepared.row, "queued");
        } else outcome = { ...outcomeOf(prepared.row, "failed"), error_code: error.code, cost_cents: 0 };
      }
    }
    await this.deps.bus.publish(Channels.smsOutcomes, JSON.stringify(outcome));
    return true;
  }

  start(): void {
    this.loop.start();
  }

  /** Resolves once started: true when commits wake the sender, false when it only polls. */
  wokenByCommits(): Promise<boolean> {
    return this.loop.wokenByCommits();
  }

  /** Lets the pass in hand finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }
}
