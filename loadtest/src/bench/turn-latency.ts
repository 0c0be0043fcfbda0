// Turn latency through the whole pipeline with real adapters against the stand-ins, many
// calls at once on one 20 ms clock, and how much of it is the gateway's own.
// Usage: bun loadtest/src/bench/turn-latency.ts [calls=50] [turnsPerCall=3]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallContext } from "@switchboard/gateway/call-core/application";
import { SAMPLES_PER_FRAME } from "@switchboard/gateway/media/audio-format";
import { AgentApplication } from "@switchboard/gateway/pipeline/agent-application";
import { testAgent } from "@switchboard/gateway/pipeline/testing/test-call";
import { TestCallAudio } from "@switchboard/gateway/pipeline/testing/test-call-audio";
import { WavStreamReader } from "@switchboard/gateway/providers/base/wav";
import { OpenAiLlm } from "@switchboard/gateway/providers/openai/llm";
import { OpenAiStt } from "@switchboard/gateway/providers/openai/stt";
import { OpenAiTts } from "@switchboard/gateway/providers/openai/tts";
import { SileroVadEngine } from "@switchboard/gateway/vad/silero";
import type { TranscriptTurn } from "@switchboard/shared/events";
import { startStandIns } from "@switchboard/stand-ins/index";

const calls = Number(process.argv[2] ?? 50);
const turnsPerCall = Number(process.argv[3] ?? 3);
const SILENCE_MS = 500;
const FIRST_TOKEN_MS = 200;
const STT_DELAY_MS = 100;
const TTS_FIRST_BYTE_MS = 100;

const dir = mkdtempSync(join(tmpdir(), "turn-bench-"));
const wavPath = join(dir, "caller.wav");
Bun.spawnSync([
  "flite",
  "-voice",
  "kal16",
  "-t",
  "I would like to book a table for two people",
  "-o",
  wavPath,
]);
const reader = new WavStreamReader();
const data = reader.push(new Uint8Array(readFileSync(wavPath)));
const speech = new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + (data.byteLength & ~1)));
rmSync(dir, { recursive: true, force: true });
const speechFrames: Int16Array[] = [];
for (let offset = 0; offset + SAMPLES_PER_FRAME <= speech.length; offset += SAMPLES_PER_FRAME) {
  speechFrames.push(speech.slice(offset, offset + SAMPLES_PER_FRAME));
}
const silentFrame = new Int16Array(SAMPLES_PER_FRAME);

const standIns = startStandIns({
  llm: { firstTokenMs: FIRST_TOKEN_MS, interTokenMs: 10, defaultReply: "Sure. A table for two is booked." },
  transcription: { texts: ["I would like to book a table for two people."], delayMs: STT_DELAY_MS },
  speech: { firstByteMs: TTS_FIRST_BYTE_MS, chunkMs: 40, msPerWord: 200 },
});
const connection = { baseUrl: standIns.urls.openai, apiKey: null };
const application = new AgentApplication({
  vad: await SileroVadEngine.load(),
  providers: () => ({
    llm: new OpenAiLlm(connection),
    stt: new OpenAiStt(connection),
    tts: new OpenAiTts({ ...connection, model: "gpt-4o-mini-tts" }),
  }),
});

interface BenchCall {
  audio: TestCallAudio;
  turns: TranscriptTurn[];
  /** Index into speechFrames while speaking, else -1. */
  speechFrame: number;
  nextSpeechAtTick: number;
  spoken: number;
}

const running: BenchCall[] = [];
const stops: (() => Promise<void>)[] = [];
for (let i = 0; i < calls; i++) {
  const audio = new TestCallAudio();
  const call: BenchCall = { audio, turns: [], speechFrame: -1, nextSpeechAtTick: 25 + (i % 25), spoken: 0 };
  const context: CallContext = {
    callId: `call_${i}`,
    orgId: "org_bench",
    agent: testAgent({ endpointing: { silence_ms: SILENCE_MS }, silence: { reprompt_ms: 600_000 } }),
    direction: "inbound",
    fromNumber: null,
    toNumber: null,
    objective: null,
    metadata: {},
    audio,
    control: { hangup: async () => {}, transfer: async () => ({ ok: false, status: null, reason: "bench" }) },
    reporter: { turn: (turn) => call.turns.push(turn) },
  };
  const app = await application.start(context);
  stops.push(() => app.stop());
  running.push(call);
}

// One self-correcting 20 ms clock for every call, as the gateway's media clock.
const startedAt = performance.now();
let tick = 0;
let lateMsMax = 0;
await new Promise<void>((done) => {
  const step = () => {
    tick++;
    lateMsMax = Math.max(lateMsMax, performance.now() - (startedAt + tick * 20));
    let finished = 0;
    for (const call of running) {
      const agentTurns = call.turns.filter((turn) => turn.role === "agent").length;
      if (
        call.speechFrame < 0 &&
        call.spoken < turnsPerCall &&
        agentTurns >= call.spoken &&
        tick >= call.nextSpeechAtTick
      ) {
        call.speechFrame = 0;
      }
      let frame: Int16Array = silentFrame;
      if (call.speechFrame >= 0) {
        frame = speechFrames[call.speechFrame++]!;
        if (call.speechFrame >= speechFrames.length) {
          call.speechFrame = -1;
          call.spoken++;
          // Speak again 1 s after the agent's reply has been played.
          call.nextSpeechAtTick = Number.POSITIVE_INFINITY;
        }
      } else if (
        call.nextSpeechAtTick === Number.POSITIVE_INFINITY &&
        agentTurns >= call.spoken &&
        call.audio.queuedSamples === 0
      ) {
        call.nextSpeechAtTick = tick + 50;
      }
      call.audio.tick(frame);
      if (call.spoken >= turnsPerCall && agentTurns >= turnsPerCall) finished++;
    }
    if (finished === running.length || tick > 3000 + turnsPerCall * 1000) return done();
    setTimeout(step, Math.max(0, startedAt + (tick + 1) * 20 - performance.now()));
  };
  setTimeout(step, 20);
});
for (const stop of stops) await stop();
await standIns.stop();

const turns = running.flatMap((call) => call.turns.filter((turn) => turn.role === "agent" && turn.latency));
const field = (name: keyof NonNullable<TranscriptTurn["latency"]>) =>
  turns.map((turn) => turn.latency![name]).filter((value): value is number => value !== null);
const gaps = turns.flatMap((turn) => {
  const l = turn.latency!;
  const parts = [l.endpointing_ms, l.stt_ms, l.llm_first_token_ms, l.tts_first_byte_ms, l.first_packet_ms];
  if (l.total_ms === null || parts.some((part) => part === null)) return [];
  return [l.total_ms - parts.reduce((sum, part) => sum! + part!, 0)!];
});
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
console.log(
  `calls=${calls} turns=${turns.length} ticks=${tick} worst tick lateness ${lateMsMax.toFixed(1)} ms`,
);
console.log(
  `scripted: endpointing ${SILENCE_MS} ms, STT ${STT_DELAY_MS} ms, LLM first token ${FIRST_TOKEN_MS} ms, TTS first byte ${TTS_FIRST_BYTE_MS} ms`,
);
for (const name of [
  "endpointing_ms",
  "stt_ms",
  "llm_first_token_ms",
  "tts_first_byte_ms",
  "first_packet_ms",
  "total_ms",
] as const) {
  const values = field(name);
  console.log(`${name.padEnd(20)} p50 ${percentile(values, 50)}  p99 ${percentile(values, 99)}`);
}
console.log(`gateway's own (total minus stages) p50 ${percentile(gaps, 50)}  p99 ${percentile(gaps, 99)}`);
process.exit(0);
