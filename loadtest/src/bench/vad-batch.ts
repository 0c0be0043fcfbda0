// Silero VAD cost per 32 ms window: one model run per call versus one batched run per tick
// for all calls, and the 8 kHz branch G.711 calls use. Usage: bun loadtest/src/bench/vad-batch.ts [calls=200] [ticks=100]
import { VAD_WINDOW_MS, VAD_WINDOW_SAMPLES } from "@switchboard/gateway/vad/engine";
import { SileroVadEngine } from "@switchboard/gateway/vad/silero";

const calls = Number(process.argv[2] ?? 200);
const ticks = Number(process.argv[3] ?? 100);
const warmupTicks = 10;

/** Speech-like audio (a voiced tone with noise), different per call. */
function windowFor(call: number, tick: number): Float32Array {
  const window = new Float32Array(VAD_WINDOW_SAMPLES);
  let seed = (call * 7919 + tick * 104729) >>> 0;
  for (let i = 0; i < VAD_WINDOW_SAMPLES; i++) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    const t = (tick * VAD_WINDOW_SAMPLES + i) / 16_000;
    window[i] = 0.3 * Math.sin(2 * Math.PI * (120 + call) * t) + 0.05 * (seed / 2 ** 32 - 0.5);
  }
  return window;
}

function freshStates() {
  return Array.from({ length: calls }, () => ({
    state: new Float32Array(256),
    context: new Float32Array(64),
  }));
}

const engine = await SileroVadEngine.load();
const inputs = Array.from({ length: warmupTicks + ticks }, (_, tick) =>
  Array.from({ length: calls }, (_, call) => windowFor(call, tick)),
);

async function measure(batched: boolean): Promise<{ msPerWindow: number; cpuMsPerWindow: number }> {
  const states = freshStates();
  let wallMs = 0;
  let cpuMicros = 0;
  for (let tick = 0; tick < warmupTicks + ticks; tick++) {
    const windows = inputs[tick]!;
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    if (batched) {
      await engine.infer(windows, states);
    } else {
      for (let call = 0; call < calls; call++) await engine.infer([windows[call]!], [states[call]!]);
    }
    if (tick >= warmupTicks) {
      wallMs += performance.now() - startedAt;
      const cpu = process.cpuUsage(cpuBefore);
      cpuMicros += cpu.user + cpu.system;
    }
  }
  const windowsRun = ticks * calls;
  return { msPerWindow: wallMs / windowsRun, cpuMsPerWindow: cpuMicros / 1000 / windowsRun };
}

/**
 * Through the engine's streams, as the pipeline uses it: windows pushed in one tick share a run.
 * `narrowband`: the streams of G.711 calls, run by the model's 8 kHz branch.
 */
async function measureStreams(narrowband: boolean): Promise<{
  msPerWindow: number;
  cpuMsPerWindow: number;
  runsPerTick: number;
}> {
  const streams = Array.from({ length: calls }, () => engine.createStream({ narrowband }));
  let wallMs = 0;
  let cpuMicros = 0;
  let runs = 0;
  for (let tick = 0; tick < warmupTicks + ticks; tick++) {
    const windows = inputs[tick]!;
    const runsBefore = engine.stats.runs;
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(
      streams.map((stream, call) => new Promise((resolve) => stream.push(windows[call]!, resolve))),
    );
    if (tick >= warmupTicks) {
      wallMs += performance.now() - startedAt;
      const cpu = process.cpuUsage(cpuBefore);
      cpuMicros += cpu.user + cpu.system;
      runs += engine.stats.runs - runsBefore;
    }
  }
  for (const stream of streams) stream.close();
  const windowsRun = ticks * calls;
  return {
    msPerWindow: wallMs / windowsRun,
    cpuMsPerWindow: cpuMicros / 1000 / windowsRun,
    runsPerTick: runs / ticks,
  };
}

const single = await measure(false);
const batched = await measure(true);
const viaStreams = await measureStreams(false);
const viaNarrowbandStreams = await measureStreams(true);
const windowsPerSecondPerCall = 1000 / VAD_WINDOW_MS;
const share = (msPerWindow: number) => ((msPerWindow * windowsPerSecondPerCall * calls) / 1000) * 100;
console.log(`calls=${calls} ticks=${ticks} (32 ms windows)`);
for (const [name, result] of [
  ["one run per call", single],
  ["one batched run per tick", batched],
  ["streams (pipeline's path)", viaStreams],
  ["streams, 8 kHz (G.711)", viaNarrowbandStreams],
] as const) {
  console.log(
    `${name.padEnd(26)} wall ${result.msPerWindow.toFixed(4)} ms/window  cpu ${result.cpuMsPerWindow.toFixed(4)} ms/window  ` +
      `-> ${share(result.cpuMsPerWindow).toFixed(1)}% of a core (cpu) for ${calls} calls`,
  );
}
console.log(`streams: ${viaStreams.runsPerTick.toFixed(2)} model runs per tick`);
console.log(`batching speed-up: ${(single.msPerWindow / batched.msPerWindow).toFixed(2)}x`);
