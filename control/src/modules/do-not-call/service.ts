// The org's do-not-call list. Every outbound call and every campaign lead is checked against it.
import { ApiError, notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type DoNotCallSource, doNotCall } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { e164Problem, parseE164 } from "../phone-numbers/e164.ts";
import type { DoNotCallEntry } from "./model.ts";

type DoNotCallRow = typeof doNotCall.$inferSelect;

export function presentDoNotCall(row: DoNotCallRow): DoNotCallEntry {
  return {
    id: row.id,
    phone_number: row.phoneNumber,
    reason: row.reason,
    source: row.source,
    call_id: row.callId,
    created_at: row.createdAt.toISOString(),
  };
}

/** Adds a number; adding one already listed changes nothing and returns the existing entry. */
export async function addToDoNotCall(
  db: Database,
  orgId: string,
  input: { phoneNumber: string; reason?: string | null; source: DoNotCallSource; callId?: string | null },
): Promise<{ row: DoNotCallRow; created: boolean }> {
  const phoneNumber = parseE164(input.phoneNumber, "phone_number").e164;
  const [inserted] = await db
    .insert(doNotCall)
    .values({
      id: newId("dnc"),
      orgId,
      phoneNumber,
      reason: input.reason ?? null,
      source: input.source,
      callId: input.callId ?? null,
    })
    .onConflictDoNothing({ target: [doNotCall.orgId, doNotCall.phoneNumber] })
    .returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db
    .select()
    .from(doNotCall)
    .where(and(eq(doNotCall.orgId, orgId), eq(doNotCall.phoneNumber, phoneNumber)));
  return { row: existing!, created: false };
}

export async function listDoNotCall(
  db: Database,
  orgId: string,
  page: PageRequest,
  phoneNumber: string | null,
): Promise<DoNotCallRow[]> {
  const where: SQL[] = [eq(doNotCall.orgId, orgId)];
  if (phoneNumber) where.push(eq(doNotCall.phoneNumber, parseE164(phoneNumber, "phone_number").e164));
  return selectPage(db.select().from(doNotCall).$dynamic(), doNotCall.id, and(...where), page);
}

export async function removeFromDoNotCall(db: Database, orgId: string, phoneNumber: string): Promise<void> {
  const e164 = parseE164(phoneNumber, "phone_number").e164;
  const removed = await db
    .delete(doNotCall)
    .where(and(eq(doNotCall.orgId, orgId), eq(doNotCall.phoneNumber, e164)))
    .returning({ id: doNotCall.id });
  if (removed.length === 0) throw notFound("Do-not-call entry");
}

/** Which of `numbers` (E.164) are on the org's list. */
export async function numbersOnDoNotCall(
  db: Database,
  orgId: string,
  numbers: string[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .select({ phoneNumber: doNotCall.phoneNumber })
    .from(doNotCall)
    .where(and(eq(doNotCall.orgId, orgId), inArray(doNotCall.phoneNumber, numbers)));
  return new Set(rows.map((row) => row.phoneNumber));
}

/** 409 `do_not_call` when `toNumber` (E.164) is on the org's list: the call is refused, not queued. */
export async function assertCallable(db: Database, orgId: string, toNumber: string): Promise<void> {
  if ((await numbersOnDoNotCall(db, orgId, [toNumber])).size > 0) {
    throw new ApiError(
      409,
      "do_not_call",
      "to_number is on this organization's do-not-call list; remove it with DELETE /do-not-call/{phone_number} to call it.",
      [{ field: "to_number", message: "is on the do-not-call list" }],
    );
  }
}

/**
 * A call's other side asked not to be called again: the callee of an outbound call, the caller
 * of an inbound one. Applied with the call event, in its transaction; a call with no valid
 * number (a browser call) lists nothing.
 */
export async function listCalledParty(
  tx: Database,
  call: { id: string; orgId: string; direction: string; fromNumber: string | null; toNumber: string | null },
  reason: string | null,
): Promise<void> {
  const number =
    call.direction === "outbound" ? call.toNumber : call.direction === "inbound" ? call.fromNumber : null;
  if (!number || e164Problem(number) !== null) return;
  await addToDoNotCall(tx, call.orgId, {
    phoneNumber: number,
    reason: reason?.slice(0, 500) ?? null,
    source: "call",
    callId: call.id,
  });
}
