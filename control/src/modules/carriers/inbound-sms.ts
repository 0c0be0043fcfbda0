// An inbound SMS, once its carrier's signature checked out: stored, opt-out keywords applied
// (before anything else may answer it), sms.received queued and, when the number has an agent,
// the agent's reply job written (sms/agent-replies.ts), all in the caller's transaction.
import { newId } from "@switchboard/shared/ids";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { phoneNumbers, smsAgentReplies, smsMessages } from "../../db/schema.ts";
import { isOptedOut, optKeyword, recordOptOut, removeOptOut } from "../sms/opt-out.ts";
import { countSegments } from "../sms/segments.ts";
import { type SmsRow, smsEventData } from "../sms/service.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";

export interface InboundSms {
  carrier: "twilio" | "telnyx";
  carrierMessageId: string;
  from: string;
  to: string;
  body: string;
}

export type InboundResult =
  | { kind: "stored"; row: SmsRow; optKeyword: "stop" | "start" | null }
  | { kind: "unknown_number" }
  | { kind: "duplicate" };

export async function receiveSms(tx: Database, sms: InboundSms): Promise<InboundResult> {
  const [number] = await tx.select().from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, sms.to));
  if (!number) return { kind: "unknown_number" };
  const { encoding, segments } = countSegments(sms.body);
  const [row] = await tx
    .insert(smsMessages)
    .values({
      id: newId("sms"),
      orgId: number.orgId,
      phoneNumberId: number.id,
      direction: "inbound",
      fromNumber: sms.from,
      toNumber: sms.to,
      body: sms.body,
      status: "received",
      segments,
      encoding,
      carrier: sms.carrier,
      carrierMessageId: sms.carrierMessageId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return { kind: "duplicate" };
  const keyword = optKeyword(sms.body);
  if (keyword === "stop") await recordOptOut(tx, number.orgId, sms.to, sms.from);
  if (keyword === "start") await removeOptOut(tx, sms.to, sms.from);
  await emitWebhookEvent(tx, number.orgId, "sms.received", { ...smsEventData(row), opt_keyword: keyword });
  // Opt-out keywords never reach the agent; nor does anything from a sender who opted out.
  if (number.agentId !== null && keyword === null && !(await isOptedOut(tx, sms.to, sms.from))) {
    await tx
      .insert(smsAgentReplies)
      .values({ inboundSmsId: row.id, orgId: number.orgId, agentId: number.agentId });
  }
  return { kind: "stored", row, optKeyword: keyword };
}
