// Runs the campaign dispatcher in control: a pass after each change, else every `idleMs`.
import { PollLoop } from "../../background/poll-loop.ts";
import type { ControlContext } from "../../context.ts";
import { dispatchPass } from "./dispatcher.ts";

/** Pacing is kept to this: a dial due between passes waits at most this long. */
const DEFAULT_IDLE_MS = 250;

export function startCampaignDispatcher(ctx: ControlContext, options: { idleMs?: number } = {}) {
  const log = ctx.log.child({ component: "campaigns" });
  const loop = new PollLoop(
    () => dispatchPass({ db: ctx.db, bus: ctx.bus, config: ctx.config, log }),
    options.idleMs ?? DEFAULT_IDLE_MS,
    (error) => log.error({ err: error }, "campaign dispatch pass failed"),
  );
  loop.start();
  return { stop: () => loop.stop() };
}
