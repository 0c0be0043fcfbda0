// A worker's loop woken by the NOTIFY a trigger sends when the transaction that queued its work
// commits (migrations 0016 and 0023), in this process or another on the same database. The
// loop's poll stays, seldom, for a lost notice, work coming due and a lease running out.
import type { Logger } from "@switchboard/shared/logger";
import { type Database, listenToDatabase } from "../db/client.ts";
import { PollLoop } from "./poll-loop.ts";

export interface CommitNotices {
  db: Database;
  /** The channel the queue's trigger notifies. */
  channel: string;
  log: Logger;
}

export class CommitWokenLoop extends PollLoop {
  private unlisten: Promise<(() => Promise<void>) | null> | null = null;

  constructor(
    pass: () => Promise<boolean>,
    idleMs: number | (() => number),
    onError: (error: unknown) => void,
    private readonly notices: CommitNotices,
  ) {
    super(pass, idleMs, onError);
  }

  override start(): void {
    super.start();
    const { db, channel, log } = this.notices;
    this.unlisten ??= (listenToDatabase(db, channel, () => this.wake()) ?? Promise.resolve(null)).catch(
      (error) => {
        log.warn({ err: error, channel }, "worker not woken by commits; polling only");
        return null;
      },
    );
  }

  /** Resolves once started: true when commits wake the loop, false when it only polls. */
  async wokenByCommits(): Promise<boolean> {
    return (await this.unlisten) != null;
  }

  /** Stops listening, then lets the pass in hand finish. */
  override async stop(): Promise<void> {
    const unlisten = await this.unlisten;
    this.unlisten = null;
    await unlisten?.().catch(() => {});
    await super.stop();
  }
}
