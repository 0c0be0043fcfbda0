// Runs the retention job once a day (first a minute after start, so a restart loop does not
// run it back to back). Every control instance runs it; a run is idempotent, so two at once
// only repeat each other's deletes.
import type { ControlContext } from "../../context.ts";
import { runRetention } from "./job.ts";
import { RecordingFiles } from "./recording-files.ts";

export const RETENTION_INTERVAL_MS = 86_400_000;
const FIRST_RUN_DELAY_MS = 60_000;

export interface RetentionScheduler {
  stop(): Promise<void>;
}

export function startRetentionScheduler(ctx: ControlContext): RetentionScheduler {
  const log = ctx.log.child({ component: "retention" });
  const deps = { db: ctx.db, files: new RecordingFiles(ctx.config), log };
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runRetention(deps)
        .catch((error) => log.error({ err: error }, "retention run failed"))
        .finally(() => schedule(RETENTION_INTERVAL_MS));
    }, delayMs);
    timer.unref?.();
  };
  schedule(FIRST_RUN_DELAY_MS);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
