// Graceful drain (SIGTERM): the front doors refuse new calls (SIP 503, WHIP 503, /health
// "draining"), calls in progress run on for up to DRAIN_TIMEOUT_S, then each remaining call
// hears the goodbye and is hung up; a call still up after the goodbye's grace is cut.
import type { Logger } from "@switchboard/shared/logger";

/** Retry-After on refusals while draining: long enough for a load balancer to fail over. */
export const DRAIN_RETRY_AFTER_S = 30;
/** The hang-up cause of calls the drain ended. */
export const DRAIN_HANGUP_CAUSE = "gateway_shutdown";
/** A call is cut this long after its goodbye regardless (call-core/call-end.ts: 10 s); a margin on top. */
const GOODBYE_WAIT_MS = 15_000;
const POLL_MS = 100;

/** A front door with calls: SIP or WebRTC. */
export interface DrainableCalls {
  /** Refuses new calls from now on; resolves once none can start any more. */
  stopTakingCalls(): Promise<void>;
  /** Calls running (or being set up) here. */
  readonly callsInProgress: number;
  /** Every remaining call: the goodbye, then hang up with `cause`. */
  sayGoodbyeToAll(text: string, cause: string): void;
}

interface DrainOptions {
  drainTimeoutMs: number;
  goodbyeMessage: string;
  log: Logger;
  goodbyeWaitMs?: number;
}

/** Drains every front door; resolves when no call is left or the goodbye wait is over. */
export async function drainCalls(doors: DrainableCalls[], options: DrainOptions): Promise<void> {
  const { log } = options;
  await Promise.all(doors.map((door) => door.stopTakingCalls()));
  const count = () => doors.reduce((sum, door) => sum + door.callsInProgress, 0);
  const startedMs = Date.now();
  log.info({ calls: count(), drainTimeoutMs: options.drainTimeoutMs }, "draining: no new calls");
  if (await allEnded(count, options.drainTimeoutMs)) {
    log.info({ durationMs: Date.now() - startedMs }, "drained: every call ended");
    return;
  }
  log.warn({ calls: count() }, "drain time is up: ending the remaining calls with the goodbye");
  for (const door of doors) door.sayGoodbyeToAll(options.goodbyeMessage, DRAIN_HANGUP_CAUSE);
  if (!(await allEnded(count, options.goodbyeWaitMs ?? GOODBYE_WAIT_MS)))
    log.warn({ calls: count() }, "calls still up after the goodbye: cutting them");
}

async function allEnded(count: () => number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (count() > 0) {
    if (Date.now() >= deadline) return false;
    await Bun.sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
  }
  return true;
}
