// A worker's loop: run a pass while there is work; when a pass finds none, wait `idleMs` or
// until woken (a bus notice, a stop). A wake during a pass is kept, so the next wait returns at
// once and no notice is lost. stop() lets the pass in hand finish.

export class PollLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeWaiter: (() => void) | null = null;
  private woken = false;

  constructor(
    /** One pass; true when it did some work (another pass follows at once). */
    private readonly pass: () => Promise<boolean>,
    /** How long an idle loop waits; a function is asked before each wait. */
    private readonly idleMs: number | (() => number),
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeWaiter?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.pass();
      } catch (error) {
        this.onError(error);
      }
      if (!worked && this.running) await this.idle();
    }
  }

  private async idle(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, typeof this.idleMs === "number" ? this.idleMs : this.idleMs());
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeWaiter = null;
        self.woken = false;
        resolve();
      }
      this.wakeWaiter = done;
    });
  }
}
