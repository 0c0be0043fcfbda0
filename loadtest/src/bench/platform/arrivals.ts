// Calls arriving at a steady rate from the bench's UAC, each from a number of its own so its
// billing and webhook can be told apart; at most `concurrency` at once (a call due while
// that many are up waits for one to end, and its INVITE time counts from when it is sent).
import { type CallPlan, type CallResult, runCall } from "../../uac/call.ts";
import { Pacer } from "../../uac/pacer.ts";
import { SipUac } from "../../uac/sip-uac.ts";

export interface ArrivalOptions {
  gateway: { address: string; port: number };
  calls: number;
  callsPerSecond: number;
  concurrency: number;
  plan: CallPlan;
  /** The caller's number for call `index`. */
  callerNumber(index: number): string;
  /** Runs just before the first INVITE is sent. */
  onFirstInvite?: () => void;
}

export interface PlacedCall {
  fromNumber: string;
  result: CallResult;
}

export async function placeCalls(options: ArrivalOptions): Promise<PlacedCall[]> {
  const uac = await SipUac.open(options.gateway);
  const pacer = new Pacer();
  const intervalMs = 1000 / options.callsPerSecond;
  const running: Promise<PlacedCall>[] = [];
  let up = 0;
  let slotFreed: (() => void) | null = null;
  try {
    const startMs = performance.now();
    for (let index = 0; index < options.calls; index++) {
      const waitMs = startMs + index * intervalMs - performance.now();
      if (waitMs > 0) await Bun.sleep(waitMs);
      while (up >= options.concurrency) await new Promise<void>((resolve) => (slotFreed = resolve));
      if (index === 0) options.onFirstInvite?.();
      const fromNumber = options.callerNumber(index);
      up++;
      const call = runCall(uac, pacer, options.plan, () => {}, fromNumber)
        .then((result) => ({ fromNumber, result }))
        .finally(() => {
          up--;
          slotFreed?.();
          slotFreed = null;
        });
      running.push(call);
    }
    return await Promise.all(running);
  } finally {
    pacer.stop();
    uac.close();
  }
}
