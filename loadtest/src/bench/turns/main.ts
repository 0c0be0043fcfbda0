// bench:turns: scripted callers over SIP into a gateway, per end-of-turn mode (fixed 500 ms,
// adaptive, and model when TURN_MODEL_PATH names the weights), with transcripts timed to the
// audio by a Deepgram endpoint of the benchmark's own and the other providers on the
// stand-ins. Reports false cutoffs, the delay from the real end of speech to the agent's first
// audio, interruptions by the agent's own echo, backchannels taken for interruptions and the
// time preemptive replies saved. Figures are counts and delays on the audio's own timeline.
// Usage: npm run bench:turns -- [--turns-per-call 10] [--calls-per-kind 5] [--concurrency 8]
//        [--modes fixed,adaptive] [--out file.json]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import type { CallEvent } from "@switchboard/shared/events";
import { startScript } from "@switchboard/shared/testing/script-process";
import { startStandIns } from "@switchboard/stand-ins/index";
import { Pacer } from "../../uac/pacer.ts";
import { SipUac } from "../../uac/sip-uac.ts";
import { type CallRecord, runScriptedCall } from "./caller.ts";
import { buildCorpus, type CallScript } from "./corpus.ts";
import { type GatewayTurn, type ModeFigures, modeFigures } from "./figures.ts";
import { type TurnAudio, turnAudio } from "./speech.ts";
import { startTimedDeepgram, TimedTranscripts } from "./timed-deepgram.ts";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const turnsPerCall = Number(option("turns-per-call", "10"));
const callsPerKind = Number(option("calls-per-kind", "5"));
const concurrency = Number(option("concurrency", "8"));
const modes = option("modes", process.env.TURN_MODEL_PATH ? "fixed,adaptive,model" : "fixed,adaptive").split(
  ",",
);
const outPath = option("out", "");

/** The stand-ins' own delays: the same for every mode, so differences are the end of turn's. */
const LLM_FIRST_TOKEN_MS = 200;
const TTS_FIRST_BYTE_MS = 100;
const REPLY = "Sure, I can help with that. Let me check the details for you right now.";
const NUMBER_QUESTION = "Thanks. And what is the phone number I can reach you on?";
const QUESTION = "Can you tell me your opening hours this week?";

const corpus = buildCorpus({ turnsPerCall, callsPerKind });
const started = performance.now();
const audio = new Map<string, TurnAudio[]>();
for (const call of corpus)
  audio.set(
    call.key,
    call.turns.map((turn) => turnAudio(call.voice, turn)),
  );
const questions = new Map(
  corpus.map((call) => [
    call.key,
    turnAudio(call.voice, { kind: "complete", segments: [{ text: QUESTION, pauseAfterMs: 0 }] }),
  ]),
);
const totalTurns = corpus.reduce(
  (sum, call) => sum + call.turns.length * (call.kind === "backchannel" ? 2 : 1),
  0,
);
console.log(
  `${corpus.length} calls, ${totalTurns} caller turns in ${new Set(corpus.map((call) => call.voice.name)).size} voices, synthesised in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const standIns = startStandIns({
  llm: {
    firstTokenMs: LLM_FIRST_TOKEN_MS,
    interTokenMs: 10,
    defaultReply: REPLY,
    // After digits the agent asks for the next number, so the next turn follows a number question.
    rules: [{ match: "(zero|one|two|three|four|five|six|seven|eight|nine)\\.?$", reply: NUMBER_QUESTION }],
  },
  speech: { firstByteMs: TTS_FIRST_BYTE_MS, chunkMs: 40, chunkIntervalMs: 0, msPerWord: 200 },
});

function agentFor(call: CallScript, mode: string, deepgramPort: number): AgentSnapshot {
  const now = new Date().toISOString();
  const id = `agt_${mode}_${call.key}`;
  return {
    id,
    org_id: "org_bench",
    name: `Bench ${call.kind}`,
    system_prompt: "You answer callers briefly.",
    first_message: call.greeting,
    voice: { provider: "openai", voice_id: "alloy" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    stt: { provider: "deepgram", model: "nova-2", language: "en", credential_id: `cred_${id}` },
    language: "en",
    endpointing: { silence_ms: 500 },
    turn: { mode: mode as "fixed" | "adaptive" | "model", min_silence_ms: 200, max_silence_ms: 2000 },
    interruptions: { enabled: true, min_speech_ms: 250 },
    tools: [],
    knowledge: { mode: "none", source_ids: [], top_k: 3 },
    max_duration_s: 600,
    silence: { reprompt_ms: 600_000, max_reprompts: 0 },
    realtime: null,
    is_active: true,
    metadata: {},
    created_at: now,
    updated_at: now,
    runtime: {
      credentials: {
        stt: {
          id: `cred_${id}`,
          provider: "deepgram",
          base_url: `ws://127.0.0.1:${deepgramPort}/calls/${mode}-${call.key}/v1`,
          api_key_ciphertext: null,
        },
      },
      signing_secret_ciphertexts: [],
    },
  } as AgentSnapshot;
}

async function runMode(mode: string): Promise<ModeFigures> {
  const transcripts = new TimedTranscripts();
  const deepgram = startTimedDeepgram(transcripts);
  const numbers = new Map(
    corpus.map((call, index) => [call.key, `+1415556${String(index).padStart(4, "0")}`]),
  );
  const dataDir = mkdtempSync(join(process.env.BENCH_DATA_DIR ?? tmpdir(), "bench-turns-"));
  const gateway = await startScript(join(import.meta.dir, "gateway-main.ts"), {
    env: {
      OPENAI_BASE_URL: standIns.urls.openai,
      DEEPGRAM_BASE_URL: standIns.urls.deepgram,
      ALLOW_PRIVATE_URLS: "true",
      DATA_DIR: dataDir,
      BENCH_CALLS: JSON.stringify(
        corpus.map((call) => ({
          number: numbers.get(call.key)!,
          agent: agentFor(call, mode, deepgram.port!),
        })),
      ),
      SIP_PORT: "0",
      GATEWAY_PORT: "0",
      SIP_BIND_ADDRESS: "127.0.0.1",
      PUBLIC_IP: "127.0.0.1",
      SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
      SIP_MAX_CALLS_PER_ORG: "100000",
      SIP_FLOOD_MAX_REQUESTS: "1000000",
      LOG_LEVEL: process.env.BENCH_GATEWAY_LOG_LEVEL ?? "error",
      ...(process.env.TURN_MODEL_PATH ? { TURN_MODEL_PATH: process.env.TURN_MODEL_PATH } : {}),
    },
    ready: /SIP_PORT=\d+\n/,
  });
  const sipPort = Number(gateway.output().match(/SIP_PORT=(\d+)/)![1]);
  const uac = await SipUac.open({ address: "127.0.0.1", port: sipPort });
  const pacer = new Pacer();
  const records: CallRecord[] = [];
  const queue = [...corpus];
  const modeStarted = performance.now();
  // Keys carry the mode: each mode's calls reach their own paths on the timed endpoint.
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let call = queue.shift(); call; call = queue.shift()) {
        const key = `${mode}-${call.key}`;
        const turnAudios = audio.get(call.key)!;
        const record = await runScriptedCall({
          uac,
          pacer,
          number: numbers.get(call.key)!,
          script: { ...call, key },
          audio: (index) => turnAudios[index]!,
          question: questions.get(call.key)!,
          transcripts,
        });
        records.push(record);
        process.stdout.write(".");
      }
    }),
  );
  const wallS = (performance.now() - modeStarted) / 1000;
  pacer.stop();
  uac.close();
  // The last calls' turn events are on their way: give the reader a moment.
  await Bun.sleep(1500);
  const epochOffsetMs = Date.now() - performance.now();
  const keyOfNumber = new Map([...numbers].map(([key, number]) => [number, `${mode}-${key}`]));
  const keyOfCall = new Map<string, string>();
  const gatewayTurns: GatewayTurn[] = [];
  for (const line of gateway.output().split("\n")) {
    // BENCH_GATEWAY_LOG_LEVEL=debug with --debug: each end of turn with the evidence weighed,
    // and each preemptive reply with where it started.
    if (process.argv.includes("--debug") && /"msg":"(end of turn|preemptive reply)"/.test(line))
      console.log(line);
    if (!line.startsWith("EVENT ")) continue;
    const event = JSON.parse(line.slice(6)) as CallEvent;
    if (event.type === "call.started")
      keyOfCall.set(event.call_id, keyOfNumber.get(event.to_number ?? "") ?? "");
    else if (event.type === "call.turn") {
      gatewayTurns.push({ callKey: keyOfCall.get(event.call_id) ?? "", turn: event.turn });
    }
  }
  await gateway.stop();
  await deepgram.stop(true);
  rmSync(dataDir, { recursive: true, force: true });
  if (process.argv.includes("--debug")) debugDump(records, gatewayTurns, epochOffsetMs);
  const figures = modeFigures(mode, records, gatewayTurns, epochOffsetMs);
  console.log(`\n${mode}: ${records.length} calls in ${wallS.toFixed(0)} s`);
  return figures;
}

/** Each call's timeline, relative to its first turn: what was said, heard and reported. */
function debugDump(records: CallRecord[], gatewayTurns: GatewayTurn[], epochOffsetMs: number): void {
  for (const record of records) {
    const zero = record.turns[0]?.speech[0]?.startAtMs ?? 0;
    const t = (value: number) => Math.round(value - zero);
    const script = corpus.find((call) => record.key.endsWith(call.key));
    console.log(
      `\n${record.key} ${record.kind} echo=${JSON.stringify(script?.echo)} failed=${record.failed}`,
    );
    for (const turn of record.turns) {
      console.log(
        `  said ${turn.kind} ${turn.speech.map((span) => `${t(span.startAtMs)}-${t(span.endAtMs)}`).join(",")} agent onsets ${turn.agentOnsetsAtMs.map(t).join(",")}`,
      );
    }
    for (const entry of gatewayTurns.filter((candidate) => candidate.callKey === record.key)) {
      const turn = entry.turn;
      console.log(
        `  gateway ${turn.role} ${t(Date.parse(turn.started_at) - epochOffsetMs)}-${t(Date.parse(turn.ended_at) - epochOffsetMs)} interrupted=${turn.interrupted} "${turn.text.slice(0, 50)}"${turn.latency ? ` ${JSON.stringify(turn.latency)}` : ""}`,
      );
    }
  }
}

function row(figures: ModeFigures): string {
  const ms = (value: number | null) => (value === null ? "-" : `${Math.round(value)}`);
  return [
    figures.mode,
    `${figures.falseCutoffs.percent}% (${figures.falseCutoffs.count}/${figures.falseCutoffs.of})`,
    `${ms(figures.replyDelayMs.p50)} / ${ms(figures.replyDelayMs.p95)}`,
    `${ms(figures.replyDelayMs.byKind.complete?.p50 ?? null)}`,
    `${ms(figures.endpointingMs.p50)} / ${ms(figures.endpointingMs.p95)}`,
    `${ms(figures.endpointingMs.byKind.complete?.p50 ?? null)}`,
    `${figures.echoInterruptions.count} (${figures.echoInterruptions.echoCalls} calls)`,
    `${figures.backchannels.interrupted}/${figures.backchannels.count} (${figures.backchannels.resumed} resumed, ${figures.backchannels.answered} answered), ${figures.backchannels.held} held`,
    `${figures.preemptive.replies} / ${ms(figures.preemptive.savedMs.p50)}`,
  ].join(" | ");
}

const results: ModeFigures[] = [];
try {
  // One mode at a time: they share the machine, not each other's calls.
  for (const mode of modes) results.push(await runMode(mode));
} finally {
  await standIns.stop();
}
console.log(
  "\nmode | false cutoffs | reply delay p50 / p95 ms | p50 after complete sentences | gateway endpointing p50 / p95 ms | its p50 after complete sentences | interruptions by echo | backchannels that stopped the agent (resumed, answered), held and went on | preemptive replies / saved p50 ms",
);
console.log("---|---|---|---|---|---|---|---|---");
for (const figures of results) console.log(row(figures));
for (const figures of results) {
  console.log(`${figures.mode} cutoffs by kind: ${JSON.stringify(figures.falseCutoffs.byKind)}`);
  console.log(`${figures.mode} reply delay by kind: ${JSON.stringify(figures.replyDelayMs.byKind)}`);
  console.log(`${figures.mode} gateway endpointing by kind: ${JSON.stringify(figures.endpointingMs.byKind)}`);
}
if (outPath)
  writeFileSync(
    outPath,
    `${JSON.stringify({ date: new Date().toISOString(), turnsPerCall, callsPerKind, concurrency, results }, null, 2)}\n`,
  );
