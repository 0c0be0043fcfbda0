// A worker's loop woken by the NOTIFY a trigger sends when the transaction that queued its work
// commits (migrations 0016 and 0023), in this process or another on the same database. The
// loop's poll stays, seldom, for a lost notice, work coming due and a lease running out.
import type { Logger } from "@switchboard/shared/logger";
import { type Database, listenToDatabase } from "../db/client.ts";

export class NotifyWake {
  private unlisten: Promise<(() => Promise<void>) | null> | null = null;

  constructor(
    private readonly db: Database,
    private readonly channel: string,
    private readonly log: Logger,
  ) {}

  /** Calls `wake` on each notice on the channel from now on. */
  start(wake: () => void): void {
    this.unlisten ??= (listenToDatabase(this.db, this.channel, wake) ?? Promise.resolve(null)).catch(
      (error) => {
        this.log.warn({ err: error, channel: this.channel }, "worker not woken by commits; polling only");
        return null;
      },
    );
  }

  /** Resolves once started: true when commits wake the worker, false when it only polls. */
  async listening(): Promise<boolean> {
    return (await this.unlisten) != null;
  }

  async stop(): Promise<void> {
    const unlisten = await this.unlisten;
    this.unlisten = null;
    await unlisten?.().catch(() => {});
  }
}
