// Cancelling a call through the API. A queued call that no gateway was handed yet is cancelled
// here at once; any other live call is cancelled by the gateway that has it (CANCEL while
// ringing, BYE once answered), which reports the outcome as usual, so billing stays with the
// events. The marker on the bus covers a command already on the stream but not yet read.
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { ApiError } from "@switchboard/shared/errors";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { calls } from "../../db/schema.ts";
import { emitWebhookEvent } from "../webhooks/emit.ts";
import { isTerminal } from "./call-status.ts";
import { type CallRow, presentCall } from "./present.ts";
import { getCallRow } from "./service.ts";

interface CancelOutcome {
  row: CallRow;
  /** true: cancelled here; false: handed to the gateways, the call ends shortly. */
  final: boolean;
}

export async function cancelCall(
  deps: { db: Database; bus: Bus; publicBaseUrl: string | null },
  orgId: string,
  callId: string,
): Promise<CancelOutcome> {
  const row = await getCallRow(deps.db, orgId, callId);
  if (isTerminal(row.status)) {
    throw new ApiError(409, "call_already_ended", `The call already ended (${row.status}).`);
  }
  const now = new Date();
  const [cancelled] = await deps.db
    .update(calls)
    .set({
      status: "canceled",
      hangupCause: "api_cancel",
      endedAt: now,
      durationS: 0,
      costCents: 0,
      // Claimed, so the dispatch sweeper never sends it.
      dispatchedAt: now,
      updatedAt: now,
    })
    .where(and(eq(calls.id, row.id), eq(calls.status, "queued"), isNull(calls.dispatchedAt)))
    .returning();
  if (cancelled) {
    await emitWebhookEvent(deps.db, orgId, "call.ended", presentCall(cancelled, deps.publicBaseUrl));
    return { row: cancelled, final: true };
  }
  await deps.bus.hashSet(Hashes.canceledCalls, row.id, "1");
  await deps.bus.publish(Channels.callCancel, row.id);
  return { row, final: false };
}
