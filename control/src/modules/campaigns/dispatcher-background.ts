// Runs the campaign dispatcher in control: a pass after each change, else every `idleMs` while a
// campaign runs and every `quietIdleMs` while none does. A campaign's creation or change of
// status (in this process or another) wakes it at once, by the NOTIFY of migration 0023.
import { CommitWokenLoop } from "../../background/commit-woken-loop.ts";
import type { ControlContext } from "../../context.ts";
import { dispatchPass } from "./dispatcher.ts";

/** Pacing is kept to this: a dial due between passes waits at most this long. */
const DEFAULT_IDLE_MS = 250;
/**
 * With no campaign running, only calls of paused or canceled campaigns ending are left to
 * settle, and they wait at most this long.
 */
const DEFAULT_QUIET_IDLE_MS = 2000;
/** Sent by migration 0023's trigger when a transaction that created or moved a campaign commits. */
export const CAMPAIGNS_CHANGED_CHANNEL = "campaigns_changed";

export function startCampaignDispatcher(
  ctx: ControlContext,
  options: { idleMs?: number; quietIdleMs?: number } = {},
) {
  const log = ctx.log.child({ component: "campaigns" });
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const quietIdleMs = options.quietIdleMs ?? DEFAULT_QUIET_IDLE_MS;
  let running = true;
  const loop = new CommitWokenLoop(
    async () => {
      const pass = await dispatchPass({ db: ctx.db, bus: ctx.bus, config: ctx.config, log });
      running = pass.runningCampaigns > 0;
      return pass.worked;
    },
    () => (running ? idleMs : quietIdleMs),
    (error) => log.error({ err: error }, "campaign dispatch pass failed"),
    { db: ctx.db, channel: CAMPAIGNS_CHANGED_CHANNEL, log },
  );
  loop.start();
  return loop;
}
