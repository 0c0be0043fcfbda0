// Turn latency and density: one gateway process (turn pipeline, batched Silero VAD, the real
// OpenAI adapters against the stand-ins in another process) takes 1, 10, 50, 100, 200, ...
// concurrent SIP calls from our UAC, until quality breaks. Writes docs/bench/turn-latency.svg,
// docs/bench/turn-latency.json and the table between the sweep markers in docs/BENCHMARKS.md.
// Usage: npm run bench -- [maxCalls=400] [turnsPerCall=3] [callsPerSecond=25]
// BENCH_SIP_STEPS=100,200 runs only those SIP steps; BENCH_WRITE_DOCS=0 only prints the table; BENCH_WEB_STEPS=1,10 (default) adds browser-style WebRTC calls (werift, PCMU) after the SIP
// sweep ("" for none); BENCH_PIN=0 leaves the processes unpinned (default: gateway on CPU 1, caller on CPU 0);
// BENCH_CPU_PROFILE_DIR=dir writes the gateway's CPU profile there at the end; BENCH_GATEWAY_LOG=file
// appends the gateway's output there, and BUN_JSC_* variables reach the gateway (BUN_JSC_logGC=1
// logs every garbage collection);
// BENCH_VAD=energy runs the energy VAD instead of Silero, BENCH_VAD=ungated Silero without its
// silence gate on every window (written as turn-latency-<vad>-vad.*, BENCHMARKS.md untouched).
// BENCH_REALTIME_STEPS=1,10 (default; "" for none) then runs the same SIP caller against a
// realtime agent (OpenAI Realtime stand-in, µ-law end to end) for the gateway's overhead on
// realtime turns next to the pipeline's.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthesizeUtterances } from "../uac/caller-speech.ts";
import {
  BENCH_NUMBER,
  type BenchEnvironment,
  CALLER_UTTERANCES,
  scriptedRealtimeTurnMs,
  scriptedTurnMs,
  startBenchEnvironment,
  type TurnLatency,
} from "../uac/environment.ts";
import { type LoadReport, runLoad } from "../uac/load.ts";
import { type CpuTimes, cpuTimes, machineProbeOnCpuMs, stealShare } from "../uac/machine-speed.ts";
import { coreShare, type ProcSample, sampleProcess } from "../uac/proc-stats.ts";
import { percentile, round, summarize } from "../uac/stats.ts";
import { lineChartSvg } from "../uac/svg-plot.ts";

const maxCalls = Number(process.argv[2] ?? 400);
const turnsPerCall = Number(process.argv[3] ?? 3);
const callsPerSecond = Number(process.argv[4] ?? 25);
const pin = process.env.BENCH_PIN !== "0";
/** The /proc/stat line of the gateway's core: CPU 1 when pinned, else all CPUs. */
const gatewayCpuName = pin ? "cpu1" : "cpu";
const VOICED_RMS = 300;
const OVERHEAD_P95_LIMIT_MS = 50;
const GAP_LIMIT_MS = 40;
const DOCS_DIR = join(import.meta.dir, "..", "..", "..", "docs");

const steps = (process.env.BENCH_SIP_STEPS ?? "1,10,50,100,200,300,400,600,800,1000")
  .split(",")
  .filter(Boolean)
  .map(Number)
  .filter((calls) => calls > 0 && calls <= maxCalls);
const webSteps = (process.env.BENCH_WEB_STEPS ?? "1,10")
  .split(",")
  .filter(Boolean)
  .map(Number)
  .filter((calls) => calls > 0);
const realtimeSteps = (process.env.BENCH_REALTIME_STEPS ?? "1,10")
  .split(",")
  .filter(Boolean)
  .map(Number)
  .filter((calls) => calls > 0);

interface StepResult {
  calls: number;
  report: Omit<LoadReport, "results">;
  overheadMs: { p50: number; p95: number; p99: number; max: number };
  gatewayStagesMs: Record<string, number>;
  /** Overhead p50 per caller utterance (turn i speaks utterance i mod the count). */
  overheadP50ByUtteranceMs: number[];
  /** Median of caller-measured latency minus the gateway's own total (receive path, VAD lag, send path). */
  outsideGatewayTotalMs: number;
  gatewayCorePercent: number;
  gatewayCpuMsPerCallSecond: number;
  gatewayRssMb: number;
  /** Gateway event-loop stalls over 30 ms during the step, and the longest. */
  gatewayStalls: { count: number; maxMs: number };
  rssPerCallKb: number;
  loadAverage: number;
  /** A fixed piece of CPU work timed on the gateway's core just before the step: lower is faster. */
  machineProbeMs: number;
  /** Share of the gateway's core taken by the hypervisor during the step. */
  stealPercent: number;
  breaks: string[];
}

function stageSummary(turns: TurnLatency[]): Record<string, number> {
  const field = (pick: (turn: TurnLatency) => number | null) =>
    percentile(
      turns.map(pick).filter((value): value is number => value !== null),
      50,
    );
  return {
    endpointing: field((turn) => turn.endpointing_ms),
    stt: field((turn) => turn.stt_ms),
    llm_first_token: field((turn) => turn.llm_first_token_ms),
    tts_first_byte: field((turn) => turn.tts_first_byte_ms),
    first_packet: field((turn) => turn.first_packet_ms),
    total: field((turn) => turn.total_ms),
    between_stages: field((turn) =>
      turn.total_ms === null
        ? null
        : turn.total_ms -
          (turn.endpointing_ms ?? 0) -
          (turn.stt_ms ?? 0) -
          (turn.llm_first_token_ms ?? 0) -
          (turn.tts_first_byte_ms ?? 0) -
          (turn.first_packet_ms ?? 0),
    ),
  };
}

if (pin) Bun.spawnSync(["taskset", "-pc", "0", String(process.pid)]);
const vad = ["energy", "ungated"].includes(process.env.BENCH_VAD ?? "")
  ? (process.env.BENCH_VAD as string)
  : "silero";
const outputName = vad === "silero" ? "turn-latency" : `turn-latency-${vad}-vad`;
const environment = await startBenchEnvironment({
  gatewayCpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR,
  gatewayEnv: { BENCH_VAD: vad },
});
const pipelineEnvironment = environment;
if (pin) Bun.spawnSync(["taskset", "-apc", "1", String(environment.gatewayPid)]);
const pipelineScriptedMs = scriptedTurnMs(environment.delays);
const utterances = synthesizeUtterances(CALLER_UTTERANCES, VOICED_RMS);
const results: StepResult[] = [];
const webResults: StepResult[] = [];
const realtimeResults: StepResult[] = [];
let baselineOverheadP95 = Number.NaN;

try {
  // One call to warm up connections and the VAD before measuring.
  await runLoad({ gateway: environment.gateway, calls: 1, callsPerSecond, plan: planFor(1) });
  environment.takeGatewayTurns();
  for (const calls of steps) {
    const step = await measureStep(calls, false);
    results.push(step);
    if (calls === 1) baselineOverheadP95 = step.overheadMs.p95;
    // The absolute overhead limit is reported; the sweep goes on until the call itself degrades
    // (failures, gaps, or overhead growing 50 ms past the one-call figure).
    const degraded =
      step.report.failed > 0 ||
      step.report.missingReplies > 0 ||
      step.report.maxGapMs > GAP_LIMIT_MS ||
      step.overheadMs.p95 > Math.max(OVERHEAD_P95_LIMIT_MS, baselineOverheadP95 + OVERHEAD_P95_LIMIT_MS);
    if (degraded) break;
  }
  for (const calls of webSteps) webResults.push(await measureStep(calls, true));
} finally {
  await environment.stop();
}

if (realtimeSteps.length > 0) {
  // The same caller and words against a realtime agent: the model's scripted end-of-speech
  // silence and first-audio delay replace the pipeline's stages.
  const realtime = await startBenchEnvironment({ realtime: true, gatewayEnv: { BENCH_VAD: vad } });
  if (pin) Bun.spawnSync(["taskset", "-apc", "1", String(realtime.gatewayPid)]);
  try {
    await runLoad({ gateway: realtime.gateway, calls: 1, callsPerSecond, plan: planFor(1) });
    realtime.takeGatewayTurns();
    for (const calls of realtimeSteps)
      realtimeResults.push(
        await measureStep(calls, false, {
          env: realtime,
          scriptedMs: scriptedRealtimeTurnMs(realtime.delays),
        }),
      );
  } finally {
    await realtime.stop();
  }
}

async function measureStep(
  calls: number,
  web: boolean,
  realtime: { env: BenchEnvironment; scriptedMs: number } | null = null,
): Promise<StepResult> {
  const environment = realtime?.env ?? pipelineEnvironment;
  const scriptedMs = realtime?.scriptedMs ?? pipelineScriptedMs;
  await Bun.sleep(1000);
  const probeMs = machineProbeOnCpuMs(pin ? 1 : null);
  const idle = sampleProcess(environment.gatewayPid);
  let windowStart: ProcSample | null = null;
  let windowEnd: ProcSample | null = null;
  let stealStart: CpuTimes | null = null;
  let stealEnd: CpuTimes | null = null;
  const report = await runLoad({
    gateway: environment.gateway,
    web: web ? environment.web : undefined,
    calls,
    callsPerSecond,
    plan: planFor(turnsPerCall),
    onAllSettled: () => {
      windowStart = sampleProcess(environment.gatewayPid);
      stealStart = cpuTimes(gatewayCpuName);
    },
    onFirstEnded: () => {
      windowEnd = sampleProcess(environment.gatewayPid);
      stealEnd = cpuTimes(gatewayCpuName);
    },
  });
  await Bun.sleep(500);
  // Answers to the caller (not greetings): the pipeline's have an endpointing stage; a realtime
  // turn has none of its own, only the caller's speech end (total_ms).
  const gatewayTurns = environment
    .takeGatewayTurns()
    .filter((turn) => (realtime ? turn.total_ms !== null : turn.endpointing_ms !== null));
  const stalls = environment.takeGatewayStalls();
  const start: ProcSample = windowStart ?? idle;
  const end: ProcSample = windowEnd ?? sampleProcess(environment.gatewayPid);
  const { results: perCall, ...summary } = report;
  const overheads = perCall.flatMap((call) => call.turnLatenciesMs.map((latency) => latency - scriptedMs));
  const overhead = summarize(overheads);
  const share = coreShare(start, end);
  const stages = stageSummary(gatewayTurns);
  const breaks: string[] = [];
  if (summary.failed > 0) breaks.push(`${summary.failed} failed calls`);
  if (summary.missingReplies > 0) breaks.push(`${summary.missingReplies} missing replies`);
  if (summary.maxGapMs > GAP_LIMIT_MS) breaks.push(`${summary.gapsOverThreshold} gaps > ${GAP_LIMIT_MS} ms`);
  if (overhead.p95 > OVERHEAD_P95_LIMIT_MS) breaks.push(`overhead p95 > ${OVERHEAD_P95_LIMIT_MS} ms`);
  const step: StepResult = {
    calls,
    report: summary,
    overheadMs: { p50: overhead.p50, p95: overhead.p95, p99: overhead.p99, max: overhead.max },
    gatewayStagesMs: stages,
    overheadP50ByUtteranceMs: utterances.map((_, index) =>
      percentile(
        perCall.flatMap((call) =>
          call.turnLatenciesMs
            .filter((_, turn) => turn % utterances.length === index)
            .map((latency) => latency - scriptedMs),
        ),
        50,
      ),
    ),
    outsideGatewayTotalMs:
      percentile(
        perCall.flatMap((call) => call.turnLatenciesMs),
        50,
      ) - stages.total!,
    gatewayCorePercent: share * 100,
    gatewayCpuMsPerCallSecond: (share * 1000) / calls,
    gatewayRssMb: end.rssBytes / 2 ** 20,
    gatewayStalls: { count: stalls.length, maxMs: stalls.length ? Math.max(...stalls) : 0 },
    rssPerCallKb: Math.max(0, end.rssBytes - idle.rssBytes) / 1024 / calls,
    loadAverage: Number(readFileSync("/proc/loadavg", "latin1").split(" ")[0]),
    machineProbeMs: probeMs,
    stealPercent: stealStart && stealEnd ? stealShare(stealStart, stealEnd) * 100 : Number.NaN,
    breaks,
  };
  console.log(
    `${calls} ${web ? "WebRTC" : realtime ? "realtime SIP" : "SIP"} calls: overhead p50/p95/p99 ${round(overhead.p50)}/${round(overhead.p95)}/${round(overhead.p99)} ms, ` +
      `(by utterance ${step.overheadP50ByUtteranceMs.map((value) => round(value)).join(" / ")}), ` +
      `setup p95 ${round(summary.setupMs.p95)} ms, max gap ${round(summary.maxGapMs)} ms, ` +
      `gateway ${round(share * 100)}% of a core, ${round(step.rssPerCallKb)} KB/call, ` +
      `gateway stalls > 30 ms ${stalls.length} (max ${round(step.gatewayStalls.maxMs)}), ` +
      `uac lateness p99 ${round(summary.uacLatenessMs.p99)} ms, machine probe ${round(probeMs)} ms, ` +
      `steal ${round(step.stealPercent)}%; ${breaks.join(", ") || "ok"}`,
  );
  return step;
}

const knee = results.filter((step) => !step.breaks.some((reason) => !reason.startsWith("overhead"))).at(-1);
const markdown = [
  tableMarkdown(results, knee?.calls ?? null),
  ...(webResults.length
    ? [
        "",
        "Browser-style WebRTC calls (werift caller, PCMU, signed call token; setup is POST offer -> SDP answer, greeting is answer -> first voiced packet, so it includes ICE and DTLS):",
        "",
        rowsMarkdown(webResults),
      ]
    : []),
  ...(realtimeResults.length
    ? [
        "",
        "Realtime agents (the same SIP caller; the agent on the OpenAI Realtime stand-in in audio/pcmu, no resampling; overhead is the turn latency minus the stand-in's scripted end-of-speech silence and first-audio delay; LLM is speech end -> the model's first audio delta, first packet is that delta -> its first packet out):",
        "",
        rowsMarkdown(realtimeResults),
      ]
    : []),
].join("\n");
console.log(`\n${markdown}`);
if (process.env.BENCH_WRITE_DOCS !== "0") writeDocs();
process.exit(0);

function planFor(turns: number) {
  return {
    number: BENCH_NUMBER,
    utterances,
    turns,
    voicedRms: VOICED_RMS,
    quietMs: 800,
    replyTimeoutMs: 10_000,
  };
}

function tableMarkdown(steps: StepResult[], kneeCalls: number | null): string {
  return [
    rowsMarkdown(steps),
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench -- ${maxCalls} ${turnsPerCall} ${callsPerSecond}\` ` +
      `(${vad} VAD${pin ? ", gateway pinned to CPU 1, caller to CPU 0" : ""}); times in ms.`,
    "",
    kneeCalls === null
      ? "Knee: no step ran without gaps over 40 ms or failed calls."
      : `Knee: ${kneeCalls} concurrent calls, the largest step with no audio gap over 40 ms and no failed call or missing reply.`,
  ].join("\n");
}

function rowsMarkdown(steps: StepResult[]): string {
  const r = (value: number) => (Number.isFinite(value) ? String(round(value)) : "-");
  const lines = [
    "| calls | turns | turn latency p50 / p95 | overhead p50 / p95 / p99 (p50 per utterance) | gateway stages p50: endpointing / STT / LLM / TTS / first packet / between | caller p50 minus gateway total p50 | setup p50 / p95 | greeting p50 | max gap (gaps > 40 ms) | arrival dev. p99 | gateway loop stalls > 30 ms (max) | failed | gateway CPU (% of a core) | CPU ms per call-second | RSS (MB) / per call (KB) | load avg | machine probe ms / steal % |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const step of steps) {
    const s = step.gatewayStagesMs;
    const rep = step.report;
    lines.push(
      `| ${step.calls} | ${rep.turnLatencyMs.count} | ${r(rep.turnLatencyMs.p50)} / ${r(rep.turnLatencyMs.p95)} | ` +
        `${r(step.overheadMs.p50)} / ${r(step.overheadMs.p95)} / ${r(step.overheadMs.p99)} (${step.overheadP50ByUtteranceMs.map(r).join(", ")}) | ` +
        `${r(s.endpointing!)} / ${r(s.stt!)} / ${r(s.llm_first_token!)} / ${r(s.tts_first_byte!)} / ${r(s.first_packet!)} / ${r(s.between_stages!)} | ${r(step.outsideGatewayTotalMs)} | ` +
        `${r(rep.setupMs.p50)} / ${r(rep.setupMs.p95)} | ${r(rep.greetingMs.p50)} | ${r(rep.maxGapMs)} (${rep.gapsOverThreshold}) | ${r(rep.arrivalDeviationMs.p99)} | ` +
        `${step.gatewayStalls.count} (${r(step.gatewayStalls.maxMs)}) | ` +
        `${rep.failed + rep.missingReplies} | ${r(step.gatewayCorePercent)} | ${r(step.gatewayCpuMsPerCallSecond)} | ` +
        `${r(step.gatewayRssMb)} / ${r(step.rssPerCallKb)} | ${r(step.loadAverage)} | ` +
        `${r(step.machineProbeMs)} / ${r(step.stealPercent)} |`,
    );
  }
  return lines.join("\n");
}

function writeDocs(): void {
  mkdirSync(join(DOCS_DIR, "bench"), { recursive: true });
  writeFileSync(
    join(DOCS_DIR, "bench", `${outputName}.json`),
    `${JSON.stringify(
      {
        measured_at: new Date().toISOString(),
        vad,
        scripted_ms: environment.delays,
        steps: results,
        web_steps: webResults,
        realtime_steps: realtimeResults,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(DOCS_DIR, "bench", `${outputName}.svg`),
    lineChartSvg({
      title: `Turn overhead at the caller vs concurrency (${vad} VAD)`,
      xLabel: "concurrent SIP calls on one gateway process",
      yLabel: "ms (turn latency minus scripted provider delays and endpointing)",
      xValues: results.map((step) => step.calls),
      series: [
        { name: "overhead p50", color: "#1f77b4", values: results.map((step) => step.overheadMs.p50) },
        { name: "overhead p95", color: "#ff7f0e", values: results.map((step) => step.overheadMs.p95) },
        { name: "overhead p99", color: "#d62728", values: results.map((step) => step.overheadMs.p99) },
        {
          name: "setup p95 (INVITE->200)",
          color: "#2ca02c",
          dashed: true,
          values: results.map((step) => step.report.setupMs.p95),
        },
        {
          name: "max audio gap",
          color: "#9467bd",
          dashed: true,
          values: results.map((step) => step.report.maxGapMs),
        },
      ],
      reference: { value: OVERHEAD_P95_LIMIT_MS, label: "50 ms limit" },
    }),
  );
  const benchmarksPath = join(DOCS_DIR, "BENCHMARKS.md");
  const benchmarks = readFileSync(benchmarksPath, "utf8");
  const marked = /<!-- sweep:start -->[\s\S]*<!-- sweep:end -->/;
  if (vad === "silero" && marked.test(benchmarks)) {
    writeFileSync(
      benchmarksPath,
      benchmarks.replace(marked, `<!-- sweep:start -->\n${markdown}\n<!-- sweep:end -->`),
    );
  }
}
