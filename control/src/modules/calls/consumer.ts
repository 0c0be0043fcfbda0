// Control's side of Streams.callEvents: one consumer group shared by every control instance.

import { type RunningConsumer, startBatchConsumer } from "@switchboard/shared/bus/consumer";
import type { StreamEntry } from "@switchboard/shared/bus/contract";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import { publishBalance } from "../credits/ledger.ts";
import {
  type ApplyOutcome,
  applyCallEvent,
  type CallEventsDeps,
  parseCallEvent,
  persistEvents,
} from "./events.ts";

export const CALL_EVENTS_GROUP = "control";

/**
 * Entries persisted per transaction at most. Large, so a consumer that fell behind catches up
 * in a few transactions (one message each to PGlite's thread on the embedded default) however
 * long the event loop takes to come back to it; a calm stream gives batches of a few entries.
 */
const DEFAULT_BATCH_SIZE = 256;

interface CallEventsConsumerOptions {
  /** Unique per process: a dead process's pending entries are claimed by the others. */
  consumerName: string;
  claimIdleMs: number;
  blockMs?: number;
  /** Entries read, and persisted in one transaction, at a time. */
  batchSize?: number;
  /**
   * The wait after a read that was not full. A call's events trickle in one at a time, so
   * without it each event costs a read, a transaction (with its own lookups) and an ack; with
   * it the events of every call in progress during those milliseconds share them. It adds at
   * most this much to when an event is persisted, and nothing to the first after a quiet spell.
   */
  gatherMs?: number;
}

/**
 * Persists each read's entries in one transaction, then acks them (the ack follows the
 * commit, so a process killed in between redelivers entries whose event ids are already
 * recorded: no-ops). When that transaction fails, the entries are applied one by one, so
 * one bad event cannot hold back the others; an entry that still fails stays pending and is
 * retried. An entry that is not a call event is logged and acked, so it cannot block the group.
 */
export function startCallEventsConsumer(
  deps: CallEventsDeps,
  log: Logger,
  options: CallEventsConsumerOptions,
): RunningConsumer {
  const reportOutcome = (entry: StreamEntry, event: CallEvent, outcome: ApplyOutcome) => {
    if (outcome === "unknown_org")
      log.warn(
        { entry: entry.id, call_id: event.call_id, org_id: event.org_id },
        "call event for unknown org dropped",
      );
  };
  return startBatchConsumer(
    deps.bus,
    {
      stream: Streams.callEvents,
      group: CALL_EVENTS_GROUP,
      consumer: options.consumerName,
      blockMs: options.blockMs ?? 1000,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      gatherMs: options.gatherMs,
      claimIdleMs: options.claimIdleMs,
    },
    async (entries) => {
      const done: string[] = [];
      const readable: { entry: StreamEntry; event: CallEvent }[] = [];
      for (const entry of entries) {
        const event = parseCallEvent(entry.data);
        if (event) readable.push({ entry, event });
        else {
          log.warn({ entry: entry.id }, "unreadable call event dropped");
          done.push(entry.id);
        }
      }
      try {
        const { outcomes, chargedOrgs } = await persistEvents(
          deps,
          readable.map((item) => item.event),
        );
        for (const [index, item] of readable.entries())
          reportOutcome(item.entry, item.event, outcomes[index]!);
        // The balance mirror follows the commit without holding back the ack and the next read
        // (publishBalance orders its refreshes per org; the bus-state reconciler repairs a miss).
        for (const orgId of chargedOrgs)
          publishBalance(deps.db, deps.bus, orgId).catch((error) =>
            log.warn({ err: error, org_id: orgId }, "balance mirror not refreshed"),
          );
        return [...done, ...readable.map((item) => item.entry.id)];
      } catch (error) {
        log.warn(
          { err: error, entries: readable.length },
          "call event batch not applied; applying one by one",
        );
      }
      for (const { entry, event } of readable) {
        try {
          reportOutcome(entry, event, await applyCallEvent(deps, event));
          done.push(entry.id);
        } catch (error) {
          log.error({ err: error, entry: entry.id }, "call event not applied; will retry");
        }
      }
      return done;
    },
  );
}
