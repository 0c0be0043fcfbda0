// Calls of a gateway that stopped its heartbeat (killed, partitioned), or that began before
// the gateway's current run started (it restarted under the same id), end as failed with
// hangup cause `gateway_lost`. The end goes through the same exactly-once event path as a
// gateway's own call.ended (event id `reaper:<call id>`), so it is billed once, keeps the
// turns already persisted, and a late call.ended from the gateway changes nothing. A silent
// gateway's leases (its calls' places in their orgs' concurrent-call caps) are reclaimed at
// once, rather than when they expire a few heartbeats later.
import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import type { CallEvent } from "@switchboard/shared/events";
import { parseHeartbeat } from "@switchboard/shared/heartbeat";
import { and, inArray, isNotNull } from "drizzle-orm";
import { calls } from "../../db/schema.ts";
import { applyCallEvent, type CallEventsDeps } from "./events.ts";

export const GATEWAY_LOST_CAUSE = "gateway_lost";

/**
 * Ends the open calls of every gateway silent for more than `lostAfterMs`, answered calls
 * older than the current run of their gateway, and calls still ringing with no news for
 * `ringingMaxMs`; returns how many ended.
 */
export async function reapLostCalls(
  deps: CallEventsDeps,
  options: { lostAfterMs: number; ringingMaxMs: number },
  nowMs = Date.now(),
): Promise<number> {
  const { lostAfterMs, ringingMaxMs } = options;
  const heartbeats = await deps.bus.hashGetAll(Hashes.gatewayHeartbeats);
  const open = await deps.db
    .select({
      id: calls.id,
      orgId: calls.orgId,
      gatewayId: calls.gatewayId,
      startedAt: calls.startedAt,
      answeredAt: calls.answeredAt,
      updatedAt: calls.updatedAt,
    })
    .from(calls)
    .where(and(inArray(calls.status, ["ringing", "in_progress"]), isNotNull(calls.gatewayId)));
  await reclaimLostLeases(deps.bus, heartbeats, open, lostAfterMs, nowMs);
  let reaped = 0;
  for (const call of open) {
    const heartbeat = parseHeartbeat(heartbeats[call.gatewayId!]);
    // Both times come from the gateway's clock.
    const restarted =
      heartbeat?.started_ms != null &&
      call.answeredAt !== null &&
      call.answeredAt.getTime() < heartbeat.started_ms;
    const ringingTooLong = call.answeredAt === null && nowMs - call.updatedAt.getTime() > ringingMaxMs;
    let lastSeenMs = Math.max(heartbeat?.last_seen_ms ?? 0, call.updatedAt.getTime());
    if (restarted) lastSeenMs = Math.min(call.updatedAt.getTime(), heartbeat.started_ms!);
    else if (ringingTooLong) lastSeenMs = call.updatedAt.getTime();
    else if (nowMs - lastSeenMs <= lostAfterMs) continue;
    const answeredMs = call.answeredAt?.getTime() ?? null;
    const event: CallEvent = {
      type: "call.ended",
      event_id: `reaper:${call.id}`,
      call_id: call.id,
      org_id: call.orgId,
      gateway_id: call.gatewayId!,
      occurred_at: new Date(nowMs).toISOString(),
      status: "failed",
      hangup_cause: GATEWAY_LOST_CAUSE,
      ended_at: new Date(lastSeenMs).toISOString(),
      duration_s: answeredMs === null ? 0 : Math.max(0, (lastSeenMs - answeredMs) / 1000),
    };
    if ((await applyCallEvent(deps, event)) === "applied") reaped += 1;
  }
  return reaped;
}

/**
 * Reclaims the leases of every gateway whose last sign of life (heartbeat, or news of one of
 * its open calls) is older than `lostAfterMs`; returns how many were still live.
 */
async function reclaimLostLeases(
  bus: Bus,
  heartbeats: Record<string, string>,
  open: { gatewayId: string | null; updatedAt: Date }[],
  lostAfterMs: number,
  nowMs: number,
): Promise<number> {
  const lastSeenMs = new Map<string, number>();
  for (const [gatewayId, value] of Object.entries(heartbeats))
    lastSeenMs.set(gatewayId, parseHeartbeat(value)?.last_seen_ms ?? 0);
  for (const call of open) {
    const seenMs = lastSeenMs.get(call.gatewayId!);
    if (seenMs !== undefined) lastSeenMs.set(call.gatewayId!, Math.max(seenMs, call.updatedAt.getTime()));
  }
  let reclaimed = 0;
  for (const [gatewayId, seenMs] of lastSeenMs)
    if (nowMs - seenMs > lostAfterMs) reclaimed += await bus.reclaimLeases(gatewayId);
  return reclaimed;
}
