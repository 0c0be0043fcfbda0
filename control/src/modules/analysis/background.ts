// The analysis worker loop in control: due jobs one after another, then a short sleep.
import type { ControlContext } from "../../context.ts";
import { type AnalysisWorkerOptions, DEFAULT_ANALYSIS_OPTIONS, runOneAnalysis } from "./worker.ts";

const IDLE_POLL_MS = 1000;

export function startAnalysisBackground(
  ctx: ControlContext,
  options: AnalysisWorkerOptions = DEFAULT_ANALYSIS_OPTIONS,
  pollMs = IDLE_POLL_MS,
): { stop(): Promise<void> } {
  const log = ctx.log.child({ component: "analysis" });
  const deps = { db: ctx.db, config: ctx.config, log };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const drain = async () => {
    try {
      while (!stopped && (await runOneAnalysis(deps, options))) {}
    } catch (error) {
      log.error({ err: error }, "analysis loop failed");
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain().finally(schedule);
    }, pollMs);
    timer.unref?.();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
