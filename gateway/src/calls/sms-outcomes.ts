// What became of a call's send_sms requests: control publishes each outcome on
// Channels.smsOutcomes; a tool call waits here for its own, up to a deadline.
import type { Bus, Unsubscribe } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";
import type { CallSmsOutcome } from "@switchboard/shared/events";

export class SmsOutcomes {
  private readonly waiters = new Map<string, (outcome: CallSmsOutcome) => void>();
  private unsubscribe: Unsubscribe | null = null;

  constructor(private readonly bus: Bus) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(Channels.smsOutcomes, (message) => {
      let outcome: CallSmsOutcome;
      try {
        outcome = JSON.parse(message) as CallSmsOutcome;
      } catch {
        return;
      }
      this.waiters.get(outcome.sms_id)?.(outcome);
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /**
   * Resolves with the outcome of `smsId`, or null after `timeoutMs` or on `signal`. Call it
   * before the request is written, so an early outcome is not missed.
   */
  wait(smsId: string, timeoutMs: number, signal: AbortSignal): Promise<CallSmsOutcome | null> {
    return new Promise((resolve) => {
      const done = (outcome: CallSmsOutcome | null) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.waiters.delete(smsId);
        resolve(outcome);
      };
      const onAbort = () => done(null);
      const timer = setTimeout(() => done(null), timeoutMs);
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiters.set(smsId, done);
    });
  }
}
