// The bench's tables: one row per run, and per mode the current tree's medians over the
// before tree's, as ratios measured in the same run of the bench.
import { round } from "../../uac/stats.ts";
import type { PlatformMode } from "./platform-processes.ts";
import type { ModeResult } from "./run-mode.ts";

const r = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? "-" : String(round(value, digits));

export function resultsMarkdown(results: ModeResult[]): string {
  const lines = [
    "| mode | tree | calls (failed) | CPU ms per call | CPU ms per call-second | calls per core | cores used (of which postgres) | INVITE->200 p50 / p95 / p99 | greeting p50 | reply p50 | BYE->billed p50 / p95 / max (within 1 s) | BYE->call.ended delivered p50 / p95 | events persisted /s (peak) | backlog at end: events / outbox |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const run of results) {
    const postgresMs = run.cpuMs.byProcess.postgres;
    const stream = run.streamAtEnd
      ? ` (stream lag ${r(run.streamAtEnd.lag, 0)}, pending ${run.streamAtEnd.pending})`
      : "";
    lines.push(
      `| ${run.mode} | ${run.tree} | ${run.calls} (${run.failed}) | ${r(run.cpuMsPerCall)} | ${r(run.cpuMsPerCallSecond, 2)} | ${r(run.callsPerCore, 0)} | ` +
        `${r(run.coresUsed, 2)}${postgresMs === undefined ? "" : ` (${r(postgresMs / 1000 / run.windowS, 2)})`} | ` +
        `${r(run.inviteTo200Ms.p50)} / ${r(run.inviteTo200Ms.p95)} / ${r(run.inviteTo200Ms.p99)} | ${r(run.greetingP50Ms)} | ${r(run.replyLatencyP50Ms)} | ` +
        `${r(run.byeToBilledMs.p50)} / ${r(run.byeToBilledMs.p95)} / ${r(run.byeToBilledMs.max)} (${r(run.byeToBilledMs.withinOneSecond * 100, 0)}%) | ` +
        `${r(run.byeToDeliveredMs.p50)} / ${r(run.byeToDeliveredMs.p95)} | ` +
        `${r(run.database.eventsPerSecond)} (${run.database.peakEventsPerSecond}) | ${run.database.eventsAfterEnd} / ${run.database.outboxAtEnd}${stream} |`,
    );
  }
  return lines.join("\n");
}

function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

const FIGURES: [string, (run: ModeResult) => number][] = [
  ["CPU ms per call", (run) => run.cpuMsPerCall],
  ["CPU ms per call-second", (run) => run.cpuMsPerCallSecond],
  [
    "control (or embedded) CPU ms per call",
    (run) => (run.cpuMs.byProcess.control ?? run.cpuMs.byProcess.embedded ?? Number.NaN) / run.calls,
  ],
  ["PostgreSQL backends CPU ms per call", (run) => (run.cpuMs.byProcess.postgres ?? Number.NaN) / run.calls],
  ["INVITE->200 p50 ms", (run) => run.inviteTo200Ms.p50],
  ["INVITE->200 p95 ms", (run) => run.inviteTo200Ms.p95],
  ["greeting p50 ms", (run) => run.greetingP50Ms],
  ["BYE->billed p50 ms", (run) => run.byeToBilledMs.p50],
  ["BYE->billed p95 ms", (run) => run.byeToBilledMs.p95],
  ["BYE->call.ended delivered p95 ms", (run) => run.byeToDeliveredMs.p95],
];

/**
 * Per mode and figure: median before, median current, and current / before. A run with
 * failed calls measured something else (its calls never ran their course) and is left out.
 */
export function comparisonMarkdown(results: ModeResult[], modes: PlatformMode[]): string {
  const lines = [
    "| mode | figure | before (median of runs) | current (median of runs) | current / before |",
    "|---|---|---|---|---|",
  ];
  const complete = results.filter((run) => run.failed === 0);
  for (const mode of modes) {
    const runs = (tree: string) => complete.filter((run) => run.mode === mode && run.tree === tree);
    for (const [name, pick] of FIGURES) {
      const before = median(runs("before").map(pick));
      const current = median(runs("current").map(pick));
      lines.push(`| ${mode} | ${name} | ${r(before, 2)} | ${r(current, 2)} | ${r(current / before, 2)} |`);
    }
  }
  const left = results.length - complete.length;
  if (left > 0) lines.push("", `${left} run(s) with failed calls left out of the medians.`);
  return lines.join("\n");
}
