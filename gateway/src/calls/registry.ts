// The calls this gateway is running, by dialog.

export interface RegisteredCall {
  readonly callId: string;
  readonly orgId: string;
  readonly dialogKey: string;
}

export class CallRegistry<T extends RegisteredCall> {
  private readonly byDialog = new Map<string, T>();
  /** Ends of calls already removed, until their final events are written. */
  private readonly ends = new Set<Promise<void>>();

  get size(): number {
    return this.byDialog.size;
  }

  add(call: T): void {
    if (this.byDialog.has(call.dialogKey)) return;
    this.byDialog.set(call.dialogKey, call);
  }

  remove(call: T): void {
    if (this.byDialog.get(call.dialogKey) !== call) return;
    this.byDialog.delete(call.dialogKey);
  }

  get(dialogKey: string): T | null {
    return this.byDialog.get(dialogKey) ?? null;
  }

  all(): T[] {
    return [...this.byDialog.values()];
  }

  /** Counts `end` in `ending` until it settles (a drain waits for the calls' records). */
  trackEnd(end: Promise<void>): void {
    this.ends.add(end);
    end.finally(() => this.ends.delete(end)).catch(() => {});
  }

  /** Calls whose end (final events, recording) is still being written. */
  get ending(): number {
    return this.ends.size;
  }
}
