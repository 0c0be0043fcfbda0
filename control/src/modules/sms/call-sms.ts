// The send_sms tool of a voice call. A gateway's `call.sms` event is recorded with the call's
// other events as a queued message from the call's number (once per sms id, however often the
// event arrives), with carrier `pending`. CallSmsSender (call-sms-sender.ts) then checks,
// charges and sends it, and publishes the outcome for the gateway waiting on it.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type calls, phoneNumbers, smsMessages } from "../../db/schema.ts";
import { countSegments } from "./segments.ts";

type CallRow = typeof calls.$inferSelect;

/** The carrier of a call's message not yet checked and charged by CallSmsSender. */
export const PENDING_CARRIER = "pending";
const MAX_BODY_CHARS = 1600;

export interface CallSmsRequest {
  smsId: string;
  /** Null: the other side of the call. */
  to: string | null;
  body: string;
}

/** Inside the call events' transaction `tx`. A call without a number of the org texts nothing. */
export async function recordCallSms(tx: Database, call: CallRow, request: CallSmsRequest): Promise<void> {
  if (!call.phoneNumberId) return;
  const [number] = await tx
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.id, call.phoneNumberId), eq(phoneNumbers.orgId, call.orgId)));
  if (!number) return;
  const otherSide = call.direction === "outbound" ? call.toNumber : call.fromNumber;
  const to = (typeof request.to === "string" && request.to.trim() ? request.to : (otherSide ?? "")).trim();
  const body = request.body.slice(0, MAX_BODY_CHARS);
  const { encoding, segments } = countSegments(body);
  await tx
    .insert(smsMessages)
    .values({
      id: request.smsId,
      orgId: call.orgId,
      phoneNumberId: number.id,
      direction: "outbound",
      fromNumber: number.phoneNumber,
      toNumber: to.slice(0, 40),
      body,
      status: "queued",
      segments,
      encoding,
      costCents: 0,
      carrier: PENDING_CARRIER,
      metadata: { call_id: call.id, ...(call.agentId ? { agent_id: call.agentId } : {}) },
    })
    .onConflictDoNothing();
}
