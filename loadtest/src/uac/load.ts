// Places N concurrent calls against a gateway (started at a steady rate) and aggregates
// what the callers measured.
import { type CallPlan, type CallResult, runCall } from "./call.ts";
import { Pacer } from "./pacer.ts";
import { SipUac } from "./sip-uac.ts";
import { Histogram, type Percentiles, summarize } from "./stats.ts";
import { runWebCall, type WebCallTarget } from "./web-call.ts";

interface LoadOptions {
  gateway: { address: string; port: number };
  /** Set: browser-style WebRTC calls to this target instead of SIP calls. */
  web?: WebCallTarget;
  calls: number;
  /** New calls per second while ramping up. */
  callsPerSecond: number;
  plan: CallPlan;
  /** Runs once every INVITE has its final response. */
  onAllSettled?: () => void;
  /** Runs when the first call ends (the end of the window with every call up). */
  onFirstEnded?: () => void;
}

export interface LoadReport {
  calls: number;
  connected: number;
  failed: number;
  failures: Record<string, number>;
  setupMs: Percentiles;
  greetingMs: Percentiles;
  turnLatencyMs: Percentiles;
  missingReplies: number;
  packetsReceived: number;
  gapsOverThreshold: number;
  maxGapMs: number;
  arrivalDeviationMs: { p50: number; p99: number; max: number };
  jitterMs: Percentiles;
  /** The caller's own 20 ms clock lateness: large values make its figures suspect. */
  uacLatenessMs: { p50: number; p99: number; max: number };
  results: CallResult[];
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const uac = await SipUac.open(options.gateway);
  const pacer = new Pacer();
  const intervalMs = 1000 / options.callsPerSecond;
  const running: Promise<CallResult>[] = [];
  let settled = 0;
  let ended = 0;
  try {
    const startMs = performance.now();
    for (let i = 0; i < options.calls; i++) {
      const waitMs = startMs + i * intervalMs - performance.now();
      if (waitMs > 0) await Bun.sleep(waitMs);
      const onSettled = () => {
        if (++settled === options.calls) options.onAllSettled?.();
      };
      const call = options.web
        ? runWebCall(options.web, pacer, options.plan, onSettled)
        : runCall(uac, pacer, options.plan, onSettled);
      running.push(call);
      void call.finally(() => {
        if (++ended === 1) options.onFirstEnded?.();
      });
    }
    const results = await Promise.all(running);
    return aggregate(results, pacer);
  } finally {
    pacer.stop();
    uac.close();
  }
}

function aggregate(results: CallResult[], pacer: Pacer): LoadReport {
  const failures: Record<string, number> = {};
  for (const result of results) {
    if (result.failure) failures[result.failure] = (failures[result.failure] ?? 0) + 1;
  }
  const deviation = new Histogram(0.1, 10_000);
  for (const result of results) deviation.merge(result.arrivalDeviation);
  const numbers = (pick: (result: CallResult) => number | null) =>
    results.map(pick).filter((value): value is number => value !== null && Number.isFinite(value));
  return {
    calls: results.length,
    connected: results.filter((result) => result.connected).length,
    failed: results.filter((result) => result.failure !== null || !result.connected).length,
    failures,
    setupMs: summarize(numbers((result) => result.setupMs)),
    greetingMs: summarize(numbers((result) => result.greetingMs)),
    turnLatencyMs: summarize(results.flatMap((result) => result.turnLatenciesMs)),
    missingReplies: results.reduce((sum, result) => sum + result.missingReplies, 0),
    packetsReceived: results.reduce((sum, result) => sum + result.packetsReceived, 0),
    gapsOverThreshold: results.reduce((sum, result) => sum + result.gapsOverThreshold, 0),
    maxGapMs: results.reduce((max, result) => Math.max(max, result.maxGapMs), 0),
    arrivalDeviationMs: { p50: deviation.percentile(50), p99: deviation.percentile(99), max: deviation.max },
    jitterMs: summarize(numbers((result) => result.jitterMs)),
    uacLatenessMs: {
      p50: pacer.lateness.percentile(50),
      p99: pacer.lateness.percentile(99),
      max: pacer.lateness.max,
    },
    results,
  };
}
