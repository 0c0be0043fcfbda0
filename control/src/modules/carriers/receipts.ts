// Callbacks already taken, by the id their sender gave them: a second delivery of the same one
// (a replay, or a retry of one already applied) is refused. Written in the transaction that
// applies the callback, so a failed apply can be retried.
import type { Database } from "../../db/client.ts";
import { callbackReceipts } from "../../db/schema.ts";

/** True the first time (source, id) is seen in a committed transaction. */
export async function claimCallback(tx: Database, source: string, callbackId: string): Promise<boolean> {
  const rows = await tx
    .insert(callbackReceipts)
    .values({ source, callbackId })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}
