// CPU time and resident memory of another process, from /proc/<pid>/stat and status (Linux).
import { readFileSync } from "node:fs";

let clockTicksPerSecond: number | null = null;

function ticksPerSecond(): number {
  if (clockTicksPerSecond === null) {
    const result = Bun.spawnSync(["getconf", "CLK_TCK"]);
    const value = Number(result.stdout.toString().trim());
    clockTicksPerSecond = Number.isFinite(value) && value > 0 ? value : 100;
  }
  return clockTicksPerSecond;
}

export interface ProcSample {
  atMs: number;
  /** User + system CPU time since the process started. */
  cpuMs: number;
  rssBytes: number;
}

export function sampleProcess(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  // Fields after the parenthesised command name, which may itself hold spaces (proc(5)).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utimeTicks = Number(fields[11]);
  const stimeTicks = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "latin1");
  const rssKb = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1] ?? Number.NaN);
  return {
    atMs: performance.now(),
    cpuMs: ((utimeTicks + stimeTicks) * 1000) / ticksPerSecond(),
    rssBytes: rssKb * 1024,
  };
}

/** Share of one core used between two samples (1 = one full core). */
export function coreShare(from: ProcSample, to: ProcSample): number {
  return (to.cpuMs - from.cpuMs) / Math.max(1, to.atMs - from.atMs);
}
