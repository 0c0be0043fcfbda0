// How fast this machine is right now. On a shared virtual machine the same load can take 60%
// of a core in one hour and 90% in the next, so each benchmark step records a fixed piece of
// CPU work timed on the gateway's core just before it, and the share of that core the
// hypervisor took (steal time) during it. Steps are comparable when these match.
import { readFileSync } from "node:fs";

const PROBE_SAMPLES = 1 << 22;
const PROBE_PASSES = 5;

/** One pass: a biquad low-pass over a pseudo-random signal, about what audio work costs. */
function probePass(samples: Float64Array): number {
  let y1 = 0;
  let y2 = 0;
  let x1 = 0;
  let x2 = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    const y = 0.2 * x + 0.4 * x1 + 0.2 * x2 + 0.6 * y1 - 0.2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return y1;
}

/** Milliseconds for the fixed work: the fastest of a few passes, so one preemption does not count. */
function machineProbeMs(): number {
  const samples = new Float64Array(PROBE_SAMPLES);
  let state = 0x2545f491;
  for (let i = 0; i < samples.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    samples[i] = (state | 0) / 2 ** 31;
  }
  let fastestMs = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let pass = 0; pass < PROBE_PASSES; pass++) {
    const startedMs = performance.now();
    sink += probePass(samples);
    fastestMs = Math.min(fastestMs, performance.now() - startedMs);
  }
  if (Number.isNaN(sink)) throw new Error("probe diverged");
  return fastestMs;
}

/**
 * The probe run on one CPU (the gateway's) in a child process pinned there, so it sees that
 * core as the gateway does; on the calling thread when `cpu` is null.
 */
export function machineProbeOnCpuMs(cpu: number | null): number {
  if (cpu === null) return machineProbeMs();
  const child = Bun.spawnSync(["taskset", "-c", String(cpu), process.execPath, import.meta.path]);
  const probeMs = Number(child.stdout.toString().trim());
  return child.exitCode === 0 && Number.isFinite(probeMs) ? probeMs : Number.NaN;
}

if (import.meta.main) console.log(machineProbeMs());

export interface CpuTimes {
  steal: number;
  total: number;
}

/**
 * Jiffies of one CPU (`cpu1`) or of all (`cpu`) from /proc/stat (proc(5): user nice system
 * idle iowait irq softirq steal ...).
 */
export function cpuTimes(name: string): CpuTimes {
  const line = readFileSync("/proc/stat", "latin1")
    .split("\n")
    .find((candidate) => candidate.startsWith(`${name} `));
  if (!line) return { steal: 0, total: 0 };
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { steal: fields[7] ?? 0, total: fields.reduce((sum, value) => sum + value, 0) };
}

/** Share (0-1) of the CPU's time between two readings that the hypervisor gave elsewhere. */
export function stealShare(from: CpuTimes, to: CpuTimes): number {
  const total = to.total - from.total;
  return total > 0 ? (to.steal - from.steal) / total : 0;
}
