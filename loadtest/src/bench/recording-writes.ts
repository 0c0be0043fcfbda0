// Call recording cost on the gateway's JS thread: `calls` WavRecorders (16 kHz stereo, as the
// RTP session records) each get one 20 ms frame per 20 ms tick for `seconds`, then close.
// Reports per call-second the main thread's CPU (from /proc, so the thread pool's file writes
// are not in it) and the whole process's (process.cpuUsage), less the same tick loop run
// without recorders, and the slowest single write() (which includes a chunk's flush).
// Measured at 200 calls: the recorder's 1 s chunks through fs/promises cost the least on the JS
// thread (about 0.11 ms per call-second, nearly all of it interleaving the samples); 2 s and 5 s
// chunks, writeSync, a Bun FileSink and planar copies interleaved per chunk all cost more.
// Usage: bun loadtest/src/bench/recording-writes.ts [calls=200] [seconds=10] [directory=tmpdir]
// [chunkMs=the recorder's default]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { WavRecorder } from "@switchboard/gateway/media/wav-recorder";

const calls = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 10);
const parent = process.argv[4] ?? tmpdir();
const chunkMs = process.argv[5] ? Number(process.argv[5]) : undefined;
const SAMPLE_RATE_HZ = 16_000;
const FRAME_MS = 20;
const FRAME_SAMPLES = (SAMPLE_RATE_HZ * FRAME_MS) / 1000;
/** CPU time of this process's main (JS) thread, in ms: the first field of its schedstat (ns). */
function mainThreadCpuMs(): number {
  const schedstat = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8");
  return Number(schedstat.split(" ")[0]) / 1e6;
}

interface TickCost {
  mainThreadMs: number;
  processMs: number;
  writeCallsMs: number;
  maxWriteCallMs: number;
  writeCallsOver1Ms: number;
}

const caller = Int16Array.from({ length: FRAME_SAMPLES }, (_, index) => (index * 37) % 2000);
const agent = Int16Array.from({ length: FRAME_SAMPLES }, (_, index) => (index * 53) % 3000);
const ticks = Math.round((seconds * 1000) / FRAME_MS);

/** One frame per call per 20 ms tick in real time; with no recorders, what the loop costs alone. */
async function runTicks(recorders: WavRecorder[] | null): Promise<TickCost> {
  let maxWriteCallMs = 0;
  let writeCallsMs = 0;
  let writeCallsOver1Ms = 0;
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const threadBefore = mainThreadCpuMs();
  for (let tick = 0; tick < ticks; tick++) {
    for (let call = 0; call < calls; call++) {
      const writeStartedAt = performance.now();
      if (recorders) recorders[call]!.write(caller, agent, FRAME_SAMPLES);
      const writeMs = performance.now() - writeStartedAt;
      writeCallsMs += writeMs;
      if (writeMs > maxWriteCallMs) maxWriteCallMs = writeMs;
      if (writeMs > 1) writeCallsOver1Ms++;
    }
    // Writes in flight complete between ticks, as they do between a call's packets.
    await Bun.sleep(Math.max(0, startedAt + (tick + 1) * FRAME_MS - performance.now()));
  }
  if (recorders) await Promise.all(recorders.map((recorder) => recorder.close()));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    mainThreadMs: mainThreadCpuMs() - threadBefore,
    processMs: (cpu.user + cpu.system) / 1000,
    writeCallsMs,
    maxWriteCallMs,
    writeCallsOver1Ms,
  };
}

const directory = mkdtempSync(join(parent, "recording-writes-"));
const recorders = await Promise.all(
  Array.from({ length: calls }, (_, call) =>
    WavRecorder.create(join(directory, `${call}.wav`), SAMPLE_RATE_HZ, chunkMs),
  ),
);
// Calls start at different times: spread the recorders' chunk boundaries over 50 ticks.
recorders.forEach((recorder, call) => {
  for (let frame = 0; frame < call % 50; frame++) recorder.write(caller, agent, FRAME_SAMPLES);
});
const loopOnly = await runTicks(null);
const recording = await runTicks(recorders);
rmSync(directory, { recursive: true, force: true });

const perCallSecond = (ms: number) => +(ms / (calls * seconds)).toFixed(3);
console.log(
  JSON.stringify({
    calls,
    seconds,
    directory: parent,
    chunkMs: chunkMs ?? "default",
    // The recorders' share: the run with recorders minus the same loop without them.
    mainThreadCpuMsPerCallSecond: perCallSecond(recording.mainThreadMs - loopOnly.mainThreadMs),
    processCpuMsPerCallSecond: perCallSecond(recording.processMs - loopOnly.processMs),
    writeCallsMsPerCallSecond: perCallSecond(recording.writeCallsMs - loopOnly.writeCallsMs),
    maxWriteCallMs: +recording.maxWriteCallMs.toFixed(2),
    writeCallsOver1Ms: recording.writeCallsOver1Ms,
    loopOnlyMainThreadCpuMsPerCallSecond: perCallSecond(loopOnly.mainThreadMs),
    loadAverage: loadavg().map((load) => +load.toFixed(2)),
  }),
);
