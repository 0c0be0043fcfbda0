// The model's tool calls in progress on one call. The caller taking the floor cancels those
// running (as on the pipeline): their result says so, and nothing is hung up for them.
import type { ToolContext, ToolResult } from "../pipeline/tools/types.ts";
import type { RealtimeTools } from "./tools.ts";

const INTERRUPTED: ToolResult = { content: JSON.stringify({ error: "cancelled: the caller interrupted" }) };

export class ToolRuns {
  private readonly runs = new Map<object, Promise<void>>();
  private interruption = new AbortController();

  constructor(
    private readonly tools: RealtimeTools,
    private readonly context: Omit<ToolContext, "signal">,
    /** Aborted when the call ends. */
    private readonly callSignal: AbortSignal,
  ) {}

  get busy(): boolean {
    return this.runs.size > 0;
  }

  /** Runs one call; `done` gets its result, and whether the caller interrupted it. */
  run(name: string, args: string, done: (result: ToolResult, interrupted: boolean) => void): void {
    const signal = AbortSignal.any([this.callSignal, this.interruption.signal]);
    const key = {};
    // The run is over (not busy) by the time `done` sees its result. Tools never throw.
    const run = this.tools.execute(name, args, { ...this.context, signal }).then((result) => {
      this.runs.delete(key);
      if (this.callSignal.aborted) return;
      const interrupted = signal.aborted;
      done(interrupted ? INTERRUPTED : result, interrupted);
    });
    this.runs.set(key, run);
  }

  /** The caller took the floor: the calls running now are cancelled. */
  interrupt(): void {
    this.interruption.abort(new DOMException("the caller interrupted", "AbortError"));
    this.interruption = new AbortController();
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.runs.values()]);
  }
}
