// Outbound dispatch as an outbox: the call row is committed first (dispatched_at null), then
// exactly one process claims it (a conditional UPDATE) and appends the command. A command
// whose append failed is released for the sweeper to retry; a claimed row is never appended
// twice, so no call is dialled twice by control.
import type { Bus } from "@switchboard/shared/bus/contract";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { calls } from "../../db/schema.ts";
import type { CallRow } from "./present.ts";
import { chooseOutboundTrunk } from "./trunk-choice.ts";

interface DispatchDeps {
  db: Database;
  bus: Bus;
}

function dispatchCommandOf(row: CallRow, trunkId: string | null): DispatchCommand {
  return {
    call_id: row.id,
    org_id: row.orgId,
    agent_id: row.agentId ?? "",
    from_number: row.fromNumber,
    to_number: row.toNumber ?? "",
    objective: row.objective,
    metadata: row.metadata,
    trunk_id: trunkId,
    amd: row.amd?.enabled ? row.amd : null,
    sip_headers: row.sipHeaders ?? null,
  };
}

/** Appends the call's dispatch command unless another process already did; true when this one did. */
export async function claimAndDispatch(deps: DispatchDeps, callId: string): Promise<boolean> {
  const [claimed] = await deps.db
    .update(calls)
    .set({ dispatchedAt: new Date() })
    .where(and(eq(calls.id, callId), isNull(calls.dispatchedAt), eq(calls.status, "queued")))
    .returning();
  if (!claimed) return false;
  try {
    // The allow-list was checked when the call was placed; a trunk changed since then is the
    // gateway's to refuse (it checks the destination again).
    const choice = await chooseOutboundTrunk(deps.db, claimed.orgId, claimed.toNumber ?? "", []).catch(
      () => null,
    );
    const trunkId = choice?.kind === "org" ? choice.trunkId : null;
    await deps.bus.append(Streams.dispatch, JSON.stringify(dispatchCommandOf(claimed, trunkId)));
  } catch (error) {
    await deps.db.update(calls).set({ dispatchedAt: null }).where(eq(calls.id, callId));
    throw error;
  }
  return true;
}

/** Dispatches queued outbound calls left undispatched for `olderThanMs` (a failed append, a crash). */
export async function dispatchStragglers(
  deps: DispatchDeps,
  olderThanMs: number,
  log: Logger,
): Promise<number> {
  const rows = await deps.db
    .select({ id: calls.id })
    .from(calls)
    .where(
      and(
        eq(calls.status, "queued"),
        eq(calls.direction, "outbound"),
        isNull(calls.dispatchedAt),
        lt(calls.createdAt, new Date(Date.now() - olderThanMs)),
      ),
    )
    .limit(100);
  let dispatched = 0;
  for (const row of rows) {
    try {
      if (await claimAndDispatch(deps, row.id)) dispatched += 1;
    } catch (error) {
      log.warn({ err: error, call_id: row.id }, "dispatch retry failed");
    }
  }
  return dispatched;
}
