// What control runs for calls besides the API: the call events consumer, the lost-gateway
// reaper and the dispatch sweeper.
import { hostname } from "node:os";
import type { RunningConsumer } from "@switchboard/shared/bus/consumer";
import type { ControlContext } from "../../context.ts";
import { startCallEventsConsumer } from "./consumer.ts";
import { dispatchStragglers } from "./dispatch.ts";
import { reapLostCalls } from "./reaper.ts";

/** Undispatched queued calls younger than this are still in their request's hands. */
const DISPATCH_RETRY_AFTER_MS = 10_000;

interface CallsBackground {
  consumer: RunningConsumer;
  stop(): Promise<void>;
}

export function startCallsBackground(ctx: ControlContext): CallsBackground {
  const log = ctx.log.child({ component: "calls" });
  const consumer = startCallEventsConsumer(ctx, log, {
    // Stable across restarts on a fixed port, so a restarted process re-reads its own pending
    // entries at once instead of waiting for the claim.
    consumerName:
      ctx.config.controlPort > 0
        ? `control-${hostname()}-${ctx.config.controlPort}`
        : `control-${hostname()}-${crypto.randomUUID().slice(0, 8)}`,
    claimIdleMs: ctx.config.callEventsClaimIdleMs,
    gatherMs: ctx.config.callEventsGatherMs,
  });
  const sweepEveryMs = Math.max(500, Math.min(5000, Math.floor(ctx.config.gatewayLostAfterMs / 3)));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      const reaped = await reapLostCalls(ctx, {
        lostAfterMs: ctx.config.gatewayLostAfterMs,
        ringingMaxMs: ctx.config.sipOutboundRingTimeoutMs + ctx.config.gatewayLostAfterMs,
      });
      if (reaped > 0) log.warn({ reaped }, "calls of lost gateways ended as failed");
      await dispatchStragglers(ctx, DISPATCH_RETRY_AFTER_MS, log);
    } catch (error) {
      log.error({ err: error }, "calls sweep failed");
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep().finally(schedule);
    }, sweepEveryMs);
    timer.unref?.();
  };
  schedule();

  return {
    consumer,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await consumer.stop();
    },
  };
}
