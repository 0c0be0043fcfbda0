// What Silero's silence gate saves: `calls` VAD streams each get one 32 ms window per 32 ms
// tick in real time, of the load run's caller audio (its two flite utterances through G.711
// u-law and the gateway's 8 -> 16 kHz resampler, each followed by `pauseS` of digital silence
// while the agent would talk), staggered per call. Runs Silero behind its gate (the default),
// then on every window; reports main-thread and process CPU per call-second and the share of
// windows the model ran on.
// Usage: bun loadtest/src/bench/vad-gate.ts [calls=200] [seconds=10] [pauseS=4]
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { g711Decode } from "@switchboard/gateway/media/g711";
import { Resampler } from "@switchboard/gateway/media/resampler";
import { VAD_WINDOW_MS, VAD_WINDOW_SAMPLES } from "@switchboard/gateway/vad/engine";
import { SileroVadEngine, type SileroVadOptions } from "@switchboard/gateway/vad/silero";
import { PCMU_SAMPLES_PER_FRAME, synthesizeUtterances } from "../uac/caller-speech.ts";
import { CALLER_UTTERANCES } from "../uac/environment.ts";

const calls = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 10);
const pauseS = Number(process.argv[4] ?? 4);
const SAMPLE_RATE_HZ = 16_000;

/** CPU time of this process's main (JS) thread, in ms: the first field of its schedstat (ns). */
function mainThreadCpuMs(): number {
  const schedstat = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8");
  return Number(schedstat.split(" ")[0]) / 1e6;
}

/** The caller's side of one call cycle at 16 kHz, cut into VAD windows. */
function callerWindows(): Float32Array[] {
  const resampler = new Resampler(8000, SAMPLE_RATE_HZ, PCMU_SAMPLES_PER_FRAME);
  const narrow = new Int16Array(PCMU_SAMPLES_PER_FRAME);
  const wide = new Int16Array(resampler.maxOutputSamples);
  const samples: number[] = [];
  // The threshold only marks voiced frames for the UAC; the audio is the same at any value.
  for (const utterance of synthesizeUtterances(CALLER_UTTERANCES, 300)) {
    for (const frame of utterance.frames) {
      g711Decode("PCMU", frame, 0, frame.length, narrow);
      const count = resampler.process(narrow, wide);
      for (let i = 0; i < count; i++) samples.push(wide[i]!);
    }
    for (let i = 0; i < pauseS * SAMPLE_RATE_HZ; i++) samples.push(0);
  }
  const windows: Float32Array[] = [];
  for (let offset = 0; offset + VAD_WINDOW_SAMPLES <= samples.length; offset += VAD_WINDOW_SAMPLES) {
    const window = new Float32Array(VAD_WINDOW_SAMPLES);
    for (let i = 0; i < VAD_WINDOW_SAMPLES; i++) window[i] = samples[offset + i]! / 32768;
    windows.push(window);
  }
  return windows;
}

async function measure(label: string, options: SileroVadOptions, windows: Float32Array[]) {
  const engine = await SileroVadEngine.load(options);
  const streams = Array.from({ length: calls }, () => engine.createStream());
  const ticks = Math.round((seconds * 1000) / VAD_WINDOW_MS);
  let answered = 0;
  const onResult = () => void answered++;
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const threadBefore = mainThreadCpuMs();
  for (let tick = 0; tick < ticks; tick++) {
    for (let call = 0; call < calls; call++) {
      // Calls are at different points of their cycle, as they are in a load run.
      streams[call]!.push(windows[(tick + call * 37) % windows.length]!, onResult);
    }
    await Bun.sleep(Math.max(0, startedAt + (tick + 1) * VAD_WINDOW_MS - performance.now()));
  }
  while (answered < ticks * calls) await Bun.sleep(VAD_WINDOW_MS);
  const threadMs = mainThreadCpuMs() - threadBefore;
  const cpu = process.cpuUsage(cpuBefore);
  for (const stream of streams) stream.close();
  const callSeconds = calls * seconds;
  return {
    vad: label,
    mainThreadCpuMsPerCallSecond: +(threadMs / callSeconds).toFixed(3),
    processCpuMsPerCallSecond: +((cpu.user + cpu.system) / 1000 / callSeconds).toFixed(3),
    modelWindowShare: +(engine.stats.windows / (ticks * calls)).toFixed(3),
    modelRuns: engine.stats.runs,
  };
}

const windows = callerWindows();
const silentShare =
  windows.filter((window) => window.every((sample) => sample === 0)).length / windows.length;
console.log(JSON.stringify({ calls, seconds, pauseS, digitalSilenceShare: +silentShare.toFixed(3) }));
console.log(JSON.stringify(await measure("silero (gated, default)", {}, windows)));
console.log(JSON.stringify(await measure("silero ungated", { silenceGateDbfs: null }, windows)));
console.log(JSON.stringify({ loadAverage: loadavg().map((load) => +load.toFixed(2)) }));
