// The calls this gateway is running, by dialog and by org (for the per-org cap).

export interface RegisteredCall {
  readonly callId: string;
  readonly orgId: string;
  readonly dialogKey: string;
}

export class CallRegistry<T extends RegisteredCall> {
  private readonly byDialog = new Map<string, T>();
  private readonly perOrg = new Map<string, number>();

  get size(): number {
    return this.byDialog.size;
  }

  add(call: T): void {
    if (this.byDialog.has(call.dialogKey)) return;
    this.byDialog.set(call.dialogKey, call);
    this.perOrg.set(call.orgId, (this.perOrg.get(call.orgId) ?? 0) + 1);
  }

  remove(call: T): void {
    if (this.byDialog.get(call.dialogKey) !== call) return;
    this.byDialog.delete(call.dialogKey);
    const count = (this.perOrg.get(call.orgId) ?? 1) - 1;
    if (count <= 0) this.perOrg.delete(call.orgId);
    else this.perOrg.set(call.orgId, count);
  }

  get(dialogKey: string): T | null {
    return this.byDialog.get(dialogKey) ?? null;
  }

  countForOrg(orgId: string): number {
    return this.perOrg.get(orgId) ?? 0;
  }

  all(): T[] {
    return [...this.byDialog.values()];
  }
}
