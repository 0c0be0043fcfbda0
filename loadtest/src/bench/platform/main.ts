// `npm run bench:platform`: the whole platform as users run it, from INVITE to billing.
// (a) the embedded default (`npm start`: one process, PGlite, in-process bus) and (b) control
// and a gateway as separate processes on PostgreSQL and Redis, with the stand-in providers,
// take short calls (greeting, one caller utterance, the agent's reply, the caller's BYE) from
// the load generator's SIP UAC at a steady arrival rate. Per mode: CPU of every platform
// process per call and per call-second, INVITE -> 200, the greeting, events persisted per
// second, the backlog at the end, and each call's BYE -> billed and BYE -> call.ended delivered.
//
// Usage: npm run bench:platform -- [--rate 20] [--calls 300] [--concurrency 100] [--warmup 100]
//   [--modes embedded,split] [--rounds 1] [--before DIR] [--cpu-prof DIR] [--log-level info]
//   [--out docs/bench/platform.json] [--from-json FILE]
// --before DIR also runs the checkout in DIR (after `bun install` there) in every round,
// alternating which tree goes first, and reports after/before ratios of the medians.
// --from-json FILE prints the tables of a run written earlier, without running anything.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startScript } from "@switchboard/shared/testing/script-process";
import type { PartialScript } from "@switchboard/stand-ins/index";
import { synthesizeUtterances } from "../../uac/caller-speech.ts";
import { CALLER_UTTERANCES } from "../../uac/environment.ts";
import type { PlatformMode } from "./platform-processes.ts";
import { comparisonMarkdown, resultsMarkdown } from "./report.ts";
import { type Load, type ModeResult, runMode } from "./run-mode.ts";

const REPO_ROOT = join(import.meta.dir, "..", "..", "..", "..");
const { values: args } = parseArgs({
  options: {
    rate: { type: "string", default: "20" },
    calls: { type: "string", default: "300" },
    concurrency: { type: "string", default: "100" },
    warmup: { type: "string", default: "100" },
    modes: { type: "string", default: "embedded,split" },
    rounds: { type: "string", default: "1" },
    before: { type: "string" },
    "cpu-prof": { type: "string" },
    "log-level": { type: "string", default: "info" },
    out: { type: "string", default: join(REPO_ROOT, "docs", "bench", "platform.json") },
    "from-json": { type: "string" },
  },
});

if (args["from-json"]) {
  const saved = JSON.parse(readFileSync(args["from-json"], "utf8")) as {
    runs: ModeResult[];
    command?: string;
  };
  const savedModes = [...new Set(saved.runs.map((run) => run.mode))];
  console.log(resultsMarkdown(saved.runs));
  if (saved.runs.some((run) => run.tree === "before"))
    console.log(`\n${comparisonMarkdown(saved.runs, savedModes)}`);
  process.exit(0);
}

const DELAYS = { endpointingSilenceMs: 500, sttMs: 100, llmFirstTokenMs: 200, ttsFirstByteMs: 100 };
const VOICED_RMS = 300;
const STAND_INS_NICENESS = 10;

const standInScript: PartialScript = {
  llm: { firstTokenMs: DELAYS.llmFirstTokenMs, interTokenMs: 0, defaultReply: "Sure. Your table is booked." },
  transcription: { texts: [CALLER_UTTERANCES[0]!], delayMs: DELAYS.sttMs, speechRmsThreshold: 100 },
  speech: { firstByteMs: DELAYS.ttsFirstByteMs, chunkMs: 40, chunkIntervalMs: 0, msPerWord: 200 },
};

const modes = args.modes.split(",").filter(Boolean) as PlatformMode[];
const rounds = Number(args.rounds);
const trees: { name: string; root: string }[] = [{ name: "current", root: REPO_ROOT }];
if (args.before) trees.push({ name: "before", root: resolve(args.before) });
const load: Load = {
  calls: Number(args.calls),
  callsPerSecond: Number(args.rate),
  concurrency: Number(args.concurrency),
  warmupCalls: Number(args.warmup),
  endpointingSilenceMs: DELAYS.endpointingSilenceMs,
  settleTimeoutMs: 120_000,
  plan: {
    number: "+14155550100",
    utterances: synthesizeUtterances([CALLER_UTTERANCES[0]!], VOICED_RMS),
    turns: 1,
    voicedRms: VOICED_RMS,
    quietMs: 800,
    replyTimeoutMs: 10_000,
  },
};
const cpuProfileDir = args["cpu-prof"] ? resolve(args["cpu-prof"]) : null;
if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });

const standIns = await startScript(join(import.meta.dir, "..", "..", "uac", "stand-ins-main.ts"), {
  env: { BENCH_STAND_IN_SCRIPT: JSON.stringify(standInScript) },
  ready: /OPENAI_BASE_URL=\S+\n/,
  niceness: STAND_INS_NICENESS,
});
const standInEnv = { OPENAI_BASE_URL: standIns.output().match(/OPENAI_BASE_URL=(\S+)/)![1]! };
const results: ModeResult[] = [];
const startedAt = new Date();
try {
  for (let round = 0; round < rounds; round++) {
    // Alternating which tree goes first, so a drift in the machine's load favours neither.
    const order = round % 2 === 0 ? trees : [...trees].reverse();
    for (const mode of modes) {
      for (const tree of order) {
        const result = await runMode(
          mode,
          tree.name,
          { root: tree.root, standInEnv, logLevel: args["log-level"], cpuProfileDir },
          load,
          (line) => console.log(line),
        );
        results.push(result);
        console.log(resultsMarkdown([result]));
      }
    }
  }
} finally {
  await standIns.stop();
}

const loadAverage = (await Bun.file("/proc/loadavg").text()).split(" ").slice(0, 3).join(" ");
const markdown = [
  resultsMarkdown(results),
  ...(trees.length > 1 ? ["", comparisonMarkdown(results, modes)] : []),
  "",
  `Measured ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench:platform -- --rate ${load.callsPerSecond} --calls ${load.calls} --concurrency ${load.concurrency} --rounds ${rounds}${args.before ? " --before <checkout>" : ""}\`, LOG_LEVEL=${args["log-level"]}; load average at the end ${loadAverage}.`,
].join("\n");
console.log(`\n${markdown}`);
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(
  args.out,
  `${JSON.stringify(
    {
      measured_at: startedAt.toISOString(),
      load: { ...load, plan: { ...load.plan, utterances: CALLER_UTTERANCES.slice(0, 1) } },
      scripted_ms: DELAYS,
      log_level: args["log-level"],
      load_average_at_end: loadAverage,
      runs: results,
    },
    null,
    2,
  )}\n`,
);
process.exit(0);
