// How every process stops: SIGTERM or SIGINT starts one graceful shutdown that runs the stop
// steps the process registered, in registration order, then exits; a second signal exits at
// once with 128 + the signal's number. Shutdown runs once: a later call awaits the first.
import type { Logger } from "./logger.ts";

type StopStep = () => Promise<void> | void;

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
type ShutdownSignal = keyof typeof SIGNAL_NUMBERS;

interface LifecycleOptions {
  log: Logger;
  /** Ends the process (tests pass their own). */
  exit?: (code: number) => void;
}

export class Lifecycle {
  private readonly steps: Array<{ name: string; run: StopStep }> = [];
  private stopping: Promise<number> | null = null;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: LifecycleOptions) {
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  get shuttingDown(): boolean {
    return this.stopping !== null;
  }

  /** Adds a stop step; steps run one after another in the order they were added. */
  onStop(name: string, run: StopStep): this {
    this.steps.push({ name, run });
    return this;
  }

  /**
   * Runs every step once, each even when an earlier one failed; resolves with the exit code
   * (0, or 1 when a step failed). A second call gets the first call's promise.
   */
  shutdown(reason = "requested"): Promise<number> {
    if (!this.stopping) this.stopping = this.runSteps(reason);
    return this.stopping;
  }

  /** SIGTERM and SIGINT: the first shuts down and exits with its code, a second exits at once. */
  handleSignals(signals: ShutdownSignal[] = ["SIGTERM", "SIGINT"]): this {
    for (const signal of signals) {
      process.on(signal, () => this.signal(signal));
    }
    return this;
  }

  /** What a signal does (public for tests that can't send real signals to themselves). */
  signal(signal: ShutdownSignal): void {
    const { log } = this.options;
    if (this.stopping) {
      log.warn({ signal }, "second signal during shutdown: exiting now");
      this.exit(128 + SIGNAL_NUMBERS[signal]);
      return;
    }
    log.info({ signal }, "shutting down");
    void this.shutdown(signal).then((code) => this.exit(code));
  }

  private async runSteps(reason: string): Promise<number> {
    const { log } = this.options;
    const startedMs = Date.now();
    let failed = false;
    for (const step of this.steps) {
      try {
        await step.run();
      } catch (error) {
        failed = true;
        log.error({ err: error, step: step.name }, "stop step failed");
      }
    }
    log.info({ reason, durationMs: Date.now() - startedMs, failed }, "stopped");
    return failed ? 1 : 0;
  }
}
