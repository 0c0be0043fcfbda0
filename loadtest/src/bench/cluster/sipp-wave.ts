// One wave of SIPp calls for the cluster benchmark: its successes and failures and each
// answered call's INVITE -> 200 OK time (SIPp's rtd, from its -trace_rtt file).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freeUdpPort } from "@switchboard/shared/testing/ports";

export interface Wave {
  calls: number;
  successful: number;
  failed: number;
  setupMs: number[];
}

export interface WaveOptions {
  host: string;
  port: number;
  scenario: string;
  calls: number;
  callsPerSecond: number;
  /** The scenario's <pause/> (-d). */
  pauseMs: number;
  number: string;
}

function counter(stdout: string, label: string): number {
  const match = new RegExp(`${label}\\s+\\|\\s+\\d+\\s+\\|\\s+(\\d+)`).exec(stdout);
  return match ? Number(match[1]) : 0;
}

export async function runWave(options: WaveOptions): Promise<Wave> {
  const workDir = mkdtempSync(join(tmpdir(), "sipp-cluster-bench-"));
  try {
    const child = Bun.spawn(
      [
        "sipp",
        `${options.host}:${options.port}`,
        "-sf",
        options.scenario,
        "-s",
        options.number,
        "-i",
        "127.0.0.1",
        "-p",
        String(await freeUdpPort()),
        "-mp",
        String(await freeUdpPort()),
        "-m",
        String(options.calls),
        "-r",
        String(options.callsPerSecond),
        "-l",
        String(options.calls),
        "-d",
        String(options.pauseMs),
        "-nostdin",
        "-trace_rtt",
        "-rtt_freq",
        "1",
        "-timeout",
        "120s",
      ],
      { cwd: workDir, stdout: "pipe", stderr: "pipe" },
    );
    const [stdout] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
    ]);
    await child.exited;
    const rttFile = (await Array.fromAsync(new Bun.Glob("*_rtt.csv").scan(workDir)))[0];
    const setupMs = rttFile
      ? (await Bun.file(join(workDir, rttFile)).text())
          .split("\n")
          .slice(1)
          .map((line) => Number(line.split(";")[1]))
          .filter((value) => Number.isFinite(value) && value > 0)
      : [];
    return {
      calls: options.calls,
      successful: counter(stdout, "Successful call"),
      failed: counter(stdout, "Failed call"),
      setupMs,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** p50, p95 and max in ms, one decimal. */
export function percentiles(values: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(at(50)), p95: round(at(95)), max: round(sorted.at(-1) ?? Number.NaN) };
}
