// One measured run of one mode: start the platform, provision it through the API, warm it up,
// then place the calls and measure from the first INVITE until every call is billed and its
// call.ended delivered.

import { Streams } from "@switchboard/shared/events";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { RedisClient } from "bun";
import type { CallPlan } from "../../uac/call.ts";
import { percentile, summarize } from "../../uac/stats.ts";
import { placeCalls } from "./arrivals.ts";
import { type DatabaseFigures, databaseFigures } from "./database-figures.ts";
import { cpuSpentMs, PlatformCpu } from "./platform-cpu.ts";
import { type PlatformMode, type PlatformOptions, startPlatform } from "./platform-processes.ts";
import { PlatformApi, provisionPlatform } from "./provision.ts";
import { startBenchWebhookReceiver } from "./webhook-receiver.ts";

export interface Load {
  calls: number;
  callsPerSecond: number;
  concurrency: number;
  warmupCalls: number;
  plan: CallPlan;
  endpointingSilenceMs: number;
  /** How long to wait after the last BYE for every call to be billed and announced. */
  settleTimeoutMs: number;
}

export interface ModeResult {
  mode: PlatformMode;
  tree: string;
  calls: number;
  answered: number;
  failed: number;
  failures: Record<string, number>;
  billed: number;
  windowS: number;
  callSeconds: number;
  cpuMs: { total: number; byProcess: Record<string, number>; redisShared: number | null };
  cpuMsPerCall: number;
  cpuMsPerCallSecond: number;
  /** 1000 / CPU ms per call-second: calls in conversation one core carries on this traffic. */
  callsPerCore: number;
  coresUsed: number;
  inviteTo200Ms: { p50: number; p95: number; p99: number };
  greetingP50Ms: number;
  replyLatencyP50Ms: number;
  byeToBilledMs: { p50: number; p95: number; max: number; withinOneSecond: number };
  byeToDeliveredMs: { p50: number; p95: number; max: number };
  database: DatabaseFigures;
  /** Split mode: the call-event stream's unread (lag) and unacked (pending) entries at the end. */
  streamAtEnd: { lag: number | null; pending: number } | null;
}

async function streamAtEnd(redisUrl: string): Promise<{ lag: number | null; pending: number } | null> {
  const redis = new RedisClient(redisUrl);
  await redis.connect();
  try {
    const groups = (await redis.send("XINFO", ["GROUPS", `sb:${Streams.callEvents}`])) as unknown[];
    for (const group of groups) {
      const fields = Array.isArray(group)
        ? Object.fromEntries(
            (group as unknown[]).flatMap((value, index, all) =>
              index % 2 === 0 ? [[value, all[index + 1]]] : [],
            ),
          )
        : (group as Record<string, unknown>);
      if (fields.name === "control")
        return { lag: fields.lag === null ? null : Number(fields.lag), pending: Number(fields.pending) };
    }
    return null;
  } finally {
    redis.close();
  }
}

export async function runMode(
  mode: PlatformMode,
  tree: string,
  options: PlatformOptions,
  load: Load,
  log: (line: string) => void,
): Promise<ModeResult> {
  const platform = await startPlatform(mode, options);
  const receiver = startBenchWebhookReceiver();
  try {
    const api = new PlatformApi(platform.apiUrl, platform.apiKey);
    await provisionPlatform(api, {
      webhookUrl: receiver.url,
      endpointingSilenceMs: load.endpointingSilenceMs,
      creditsCents: 1_000_000,
    });
    const gateway = { address: "127.0.0.1", port: platform.sipPort };
    const warmup = await placeCalls({
      gateway,
      calls: load.warmupCalls,
      // At the run's own rate: the JIT tiers up the code paths the measured calls take.
      callsPerSecond: load.callsPerSecond,
      concurrency: load.concurrency,
      plan: load.plan,
      callerNumber: (index) => `+1650555${String(index).padStart(4, "0")}`,
    });
    await waitFor(
      "the warm-up calls to be billed",
      () => warmup.every((call) => !call.result.connected || receiver.ended.has(call.fromNumber)),
      { timeoutMs: load.settleTimeoutMs, intervalMs: 100 },
    );
    const cpu = await PlatformCpu.open(platform);
    const cpuStart = await cpu.snapshot();
    const startEpochMs = Date.now();
    log(
      `${mode} (${tree}): ${load.calls} calls at ${load.callsPerSecond}/s, at most ${load.concurrency} at once`,
    );
    const placed = await placeCalls({
      gateway,
      calls: load.calls,
      callsPerSecond: load.callsPerSecond,
      concurrency: load.concurrency,
      plan: load.plan,
      callerNumber: (index) => `+1415556${String(index).padStart(4, "0")}`,
    });
    const answered = placed.filter((call) => call.result.connected);
    await waitFor(
      "every answered call to be billed and its call.ended delivered",
      () => answered.every((call) => receiver.ended.has(call.fromNumber)),
      { timeoutMs: load.settleTimeoutMs, intervalMs: 20 },
    ).catch((error: Error) => log(`${mode}: ${error.message}`));
    const endEpochMs = Date.now();
    const cpuEnd = await cpu.snapshot();
    await cpu.close();
    const stream = platform.redisUrl ? await streamAtEnd(platform.redisUrl) : null;
    await platform.stop();
    const database = await databaseFigures({
      databaseUrl: platform.databaseUrl,
      dataDir: platform.dataDir,
      fromEpochMs: startEpochMs,
      toEpochMs: endEpochMs,
    });
    await platform.discard();
    return summarizeRun({
      mode,
      tree,
      placed,
      receiver,
      spent: cpuSpentMs(cpuStart, cpuEnd),
      windowS: (endEpochMs - startEpochMs) / 1000,
      database,
      stream,
    });
  } catch (error) {
    await platform.stop().catch(() => {});
    log(platform.output().slice(-4000));
    await platform.discard();
    throw error;
  } finally {
    receiver.stop();
  }
}

function summarizeRun(run: {
  mode: PlatformMode;
  tree: string;
  placed: Awaited<ReturnType<typeof placeCalls>>;
  receiver: ReturnType<typeof startBenchWebhookReceiver>;
  spent: ReturnType<typeof cpuSpentMs>;
  windowS: number;
  database: DatabaseFigures;
  stream: { lag: number | null; pending: number } | null;
}): ModeResult {
  const results = run.placed.map((call) => call.result);
  const failures: Record<string, number> = {};
  for (const result of results) {
    const failure = result.failure ?? (result.connected ? null : `status ${result.status}`);
    if (failure) failures[failure] = (failures[failure] ?? 0) + 1;
  }
  const delivered = run.placed
    .map((call) => ({ call, ended: run.receiver.ended.get(call.fromNumber) }))
    .filter((item) => item.ended !== undefined && item.call.result.byeSentAtEpochMs !== null);
  const toBilled = delivered.map((item) => item.ended!.billedAtEpochMs - item.call.result.byeSentAtEpochMs!);
  const toDelivered = delivered.map(
    (item) => item.ended!.receivedAtEpochMs - item.call.result.byeSentAtEpochMs!,
  );
  const callSeconds = delivered.reduce((sum, item) => sum + item.ended!.durationS, 0);
  const setup = summarize(results.map((result) => result.setupMs).filter((ms): ms is number => ms !== null));
  const billedSummary = summarize(toBilled);
  const deliveredSummary = summarize(toDelivered);
  const cpuMsPerCallSecond = run.spent.totalMs / Math.max(1, callSeconds);
  return {
    mode: run.mode,
    tree: run.tree,
    calls: results.length,
    answered: results.filter((result) => result.connected).length,
    failed: Object.values(failures).reduce((sum, count) => sum + count, 0),
    failures,
    billed: delivered.length,
    windowS: run.windowS,
    callSeconds,
    cpuMs: { total: run.spent.totalMs, byProcess: run.spent.byProcessMs, redisShared: run.spent.redisMs },
    cpuMsPerCall: run.spent.totalMs / Math.max(1, results.length),
    cpuMsPerCallSecond,
    callsPerCore: 1000 / cpuMsPerCallSecond,
    coresUsed: run.spent.totalMs / 1000 / run.windowS,
    inviteTo200Ms: { p50: setup.p50, p95: setup.p95, p99: setup.p99 },
    greetingP50Ms: percentile(
      results.map((result) => result.greetingMs).filter((ms): ms is number => ms !== null),
      50,
    ),
    replyLatencyP50Ms: percentile(
      results.flatMap((result) => result.turnLatenciesMs),
      50,
    ),
    byeToBilledMs: {
      p50: billedSummary.p50,
      p95: billedSummary.p95,
      max: billedSummary.max,
      withinOneSecond: toBilled.filter((ms) => ms <= 1000).length / Math.max(1, toBilled.length),
    },
    byeToDeliveredMs: { p50: deliveredSummary.p50, p95: deliveredSummary.p95, max: deliveredSummary.max },
    database: run.database,
    streamAtEnd: run.stream,
  };
}
