// Sending and listing SMS. A send is charged per segment before the carrier is asked (402 and
// nothing written without the credits); a carrier's refusal marks the message failed and gives
// the charge back. Status moves only forward, from the carrier's callbacks (inbound.ts).
import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import type { SmsCarrier } from "@switchboard/shared/config-carriers";
import { ApiError, notFound, validationFailed } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { and, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { phoneNumbers, type SmsStatus, smsMessages } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { orgCarriers } from "../carriers/org-carriers.ts";
import { carrierFor, smsClient, statusCallbackUrl } from "../carriers/sms-carrier.ts";
import { appendEntry, publishBalance } from "../credits/ledger.ts";
import { parseE164 } from "../phone-numbers/e164.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import type { ListSmsQuery, SendSmsInput, SmsResponse } from "./model.ts";
import { isOptedOut } from "./opt-out.ts";
import { countSegments } from "./segments.ts";

export type SmsRow = typeof smsMessages.$inferSelect;
type PhoneNumberRow = typeof phoneNumbers.$inferSelect;

export interface SmsDeps {
  db: Database;
  bus: Bus;
  config: Pick<Config, "carriers" | "creditsLowThresholdCents" | "secretKey" | "dataDir">;
}

export function presentSms(row: SmsRow): SmsResponse {
  return {
    id: row.id,
    direction: row.direction,
    from: row.fromNumber,
    to: row.toNumber,
    body: row.body,
    status: row.status,
    phone_number_id: row.phoneNumberId,
    segments: row.segments,
    encoding: row.encoding,
    cost_cents: row.costCents,
    error_code: row.errorCode,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The webhook payload of sms.sent, sms.received and sms.failed. */
export const smsEventData = (row: SmsRow) => ({ sms: presentSms(row) });

/** One of the org's numbers, by id or by E.164 number. */
export async function findOrgNumber(
  db: Database,
  orgId: string,
  idOrNumber: string,
): Promise<PhoneNumberRow | null> {
  const match = idOrNumber.startsWith("pn_")
    ? eq(phoneNumbers.id, idOrNumber)
    : eq(phoneNumbers.phoneNumber, idOrNumber.trim());
  const [row] = await db
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), match));
  return row ?? null;
}

export async function getSms(db: Database, orgId: string, id: string): Promise<SmsRow> {
  const [row] = await db
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.orgId, orgId), eq(smsMessages.id, id)));
  if (!row) throw notFound("SMS");
  return row;
}

function parseDate(value: string | undefined, field: string): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw validationFailed([{ field, message: "must be an ISO 8601 datetime" }]);
  return date;
}

export async function listSms(
  db: Database,
  orgId: string,
  query: ListSmsQuery,
  page: PageRequest,
): Promise<SmsRow[]> {
  const where: SQL[] = [eq(smsMessages.orgId, orgId)];
  if (query.number !== undefined) {
    const number = await findOrgNumber(db, orgId, query.number);
    if (!number) return [];
    where.push(
      or(eq(smsMessages.fromNumber, number.phoneNumber), eq(smsMessages.toNumber, number.phoneNumber))!,
    );
  }
  if (query.direction) where.push(eq(smsMessages.direction, query.direction));
  if (query.status) where.push(eq(smsMessages.status, query.status));
  const from = parseDate(query.from, "from");
  const to = parseDate(query.to, "to");
  if (from) where.push(gte(smsMessages.createdAt, from));
  if (to) where.push(lt(smsMessages.createdAt, to));
  return selectPage(db.select().from(smsMessages).$dynamic(), smsMessages.id, and(...where), page);
}

/** Sends `input.body` from one of the org's numbers; returns the message as stored. */
export async function sendSms(deps: SmsDeps, orgId: string, input: SendSmsInput): Promise<SmsRow> {
  const number = await findOrgNumber(deps.db, orgId, input.from);
  if (!number) throw notFound("Phone number");
  const to = parseE164(input.to, "to").e164;
  const carrier = carrierFor(deps.config, number.provider);
  if (await isOptedOut(deps.db, number.phoneNumber, to)) {
    throw new ApiError(
      422,
      "recipient_opted_out",
      "The recipient texted STOP to this number; nothing can be sent to them from it until they text START.",
      [{ field: "to", message: "has opted out of messages from this number" }],
    );
  }
  const { encoding, segments } = countSegments(input.body);
  const costCents = segments * deps.config.carriers.smsCentsPerSegment;
  const id = newId("sms");
  const queued = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(smsMessages)
      .values({
        id,
        orgId,
        phoneNumberId: number.id,
        direction: "outbound",
        fromNumber: number.phoneNumber,
        toNumber: to,
        body: input.body,
        status: "queued",
        segments,
        encoding,
        costCents,
        carrier,
        metadata: input.metadata ?? {},
      })
      .returning();
    if (costCents > 0) {
      await appendEntry(tx, deps, {
        orgId,
        kind: "sms_usage",
        amountCents: -costCents,
        reference: id,
        description: `SMS of ${segments} segment${segments === 1 ? "" : "s"}`,
      });
    }
    return row!;
  });
  if (costCents > 0) await publishBalance(deps.db, deps.bus, orgId);
  return deliverQueued(deps, queued);
}

/**
 * Hands a queued outbound message to its carrier: the carrier's id is stored and sms.sent
 * queued; a refusal marks it failed, refunds its charge and throws 502 carrier_rejected.
 */
export async function deliverQueued(deps: SmsDeps, queued: SmsRow): Promise<SmsRow> {
  const { id, orgId, costCents } = queued;
  const carrier = queued.carrier as SmsCarrier;
  const callback = statusCallbackUrl(deps.config, carrier);
  // The org's own carrier account when it brought one (ORG_CARRIER_CREDENTIALS), else the platform's.
  const carriers = await orgCarriers(deps.db, deps.config, orgId);
  const outcome = await smsClient({ carriers }, carrier).send({
    from: queued.fromNumber,
    to: queued.toNumber,
    body: queued.body,
    statusCallbackUrl: callback === null ? null : `${callback}?sms_id=${id}`,
  });
  if (!outcome.ok) {
    await deps.db.transaction(async (tx) => {
      const [failed] = await tx
        .update(smsMessages)
        .set({ status: "failed", errorCode: outcome.code, updatedAt: new Date() })
        .where(eq(smsMessages.id, id))
        .returning();
      if (costCents > 0) {
        await appendEntry(tx, deps, {
          orgId,
          kind: "refund",
          amountCents: costCents,
          reference: id,
          description: "SMS the carrier refused",
        });
      }
      await emitWebhookEvent(tx, orgId, "sms.failed", smsEventData(failed!));
    });
    if (costCents > 0) await publishBalance(deps.db, deps.bus, orgId);
    throw new ApiError(
      502,
      "carrier_rejected",
      `The carrier refused the message (${outcome.code}): ${outcome.message}`,
    );
  }
  return deps.db.transaction(async (tx) => {
    const [sent] = await tx
      .update(smsMessages)
      .set({ carrierMessageId: outcome.carrierMessageId, updatedAt: new Date() })
      .where(eq(smsMessages.id, id))
      .returning();
    await emitWebhookEvent(tx, orgId, "sms.sent", smsEventData(sent!));
    return sent ?? queued;
  });
}

const STATUS_RANK: Record<SmsStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  undelivered: 2,
  failed: 2,
  received: 0,
};

/** A carrier's report on an outbound message; never moves a status back. */
export async function applyDeliveryStatus(
  tx: Database,
  smsId: string,
  carrier: string,
  status: SmsStatus,
  errorCode: string | null,
): Promise<SmsRow | null> {
  const [row] = await tx
    .select()
    .from(smsMessages)
    .where(
      and(eq(smsMessages.id, smsId), eq(smsMessages.carrier, carrier), eq(smsMessages.direction, "outbound")),
    )
    .for("update");
  if (!row || STATUS_RANK[status] <= STATUS_RANK[row.status]) return null;
  const [updated] = await tx
    .update(smsMessages)
    .set({ status, errorCode: errorCode ?? row.errorCode, updatedAt: new Date() })
    .where(eq(smsMessages.id, smsId))
    .returning();
  if (status === "undelivered" || status === "failed") {
    await emitWebhookEvent(tx, row.orgId, "sms.failed", smsEventData(updated!));
  }
  return updated ?? null;
}
