// The transcript's record of a realtime call's tool calls (name, arguments, result, duration,
// outcome), as on the pipeline. A record goes on the first agent turn reported after its call
// settled; those left when the call ends go on a last agent turn of their own.
import type { ToolCallRecord } from "@switchboard/shared/schemas/call";
import type { PipelineClock } from "../pipeline/clock.ts";
import type { ToolResult } from "../pipeline/tools/types.ts";

export class ToolCallRecords {
  private readonly settled: ToolCallRecord[] = [];
  private readonly running = new Set<ToolCallRecord>();

  constructor(private readonly clock: PipelineClock) {}

  /** A call started; the returned function settles its record. */
  start(name: string, args: string): (result: ToolResult, interrupted: boolean) => void {
    const startedAt = this.clock.now();
    const record: ToolCallRecord = {
      name,
      arguments: args,
      result: null,
      duration_ms: 0,
      outcome: "cancelled",
    };
    this.running.add(record);
    return (result, interrupted) => {
      if (!this.running.delete(record)) return;
      record.result = result.content;
      record.duration_ms = Math.round(this.clock.now() - startedAt);
      record.outcome = interrupted ? "cancelled" : "completed";
      this.settled.push(record);
    };
  }

  /** The settled records not yet on a turn. */
  take(): ToolCallRecord[] {
    return this.settled.splice(0);
  }

  /** At the call's end: everything left, calls still running recorded as cancelled. */
  takeAll(): ToolCallRecord[] {
    const left = [...this.settled.splice(0), ...this.running];
    this.running.clear();
    return left;
  }
}
