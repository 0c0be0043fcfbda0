// Control's side of Streams.callEvents: one consumer group shared by every control instance.

import { type RunningConsumer, startConsumer } from "@switchboard/shared/bus/consumer";
import type { StreamEntry } from "@switchboard/shared/bus/contract";
import { Streams } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import { applyCallEvent, type CallEventsDeps, parseCallEvent } from "./events.ts";

export const CALL_EVENTS_GROUP = "control";

interface CallEventsConsumerOptions {
  /** Unique per process: a dead process's pending entries are claimed by the others. */
  consumerName: string;
  claimIdleMs: number;
  blockMs?: number;
}

/**
 * Persists each entry, then acks it (the ack follows the commit, so a process killed in
 * between redelivers an entry whose event id is already recorded: a no-op). An entry that is
 * not a call event is logged and acked, so it cannot block the group.
 */
export function startCallEventsConsumer(
  deps: CallEventsDeps,
  log: Logger,
  options: CallEventsConsumerOptions,
): RunningConsumer {
  return startConsumer(
    deps.bus,
    {
      stream: Streams.callEvents,
      group: CALL_EVENTS_GROUP,
      consumer: options.consumerName,
      blockMs: options.blockMs ?? 1000,
      claimIdleMs: options.claimIdleMs,
      onError: (error, entry) =>
        log.error({ err: error, entry: entry.id }, "call event not applied; will retry"),
    },
    async (entry: StreamEntry) => {
      const event = parseCallEvent(entry.data);
      if (!event) {
        log.warn({ entry: entry.id }, "unreadable call event dropped");
        return;
      }
      const outcome = await applyCallEvent(deps, event);
      if (outcome === "unknown_org") {
        log.warn(
          { entry: entry.id, call_id: event.call_id, org_id: event.org_id },
          "call event for unknown org dropped",
        );
      }
    },
  );
}
