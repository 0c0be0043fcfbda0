// What the provider adapters add on top of the providers' own latency: each adapter runs
// against its stand-in with a scripted delay, and the figure is measured minus scripted.
//   LLM: request -> first token, minus the stand-in's time to first token
//   TTS: request -> first audio chunk (16 kHz, resampled where needed), minus time to first byte
//   STT: flush -> final transcript, minus the scripted finalization delay
// Runs `rounds` sequential requests per adapter, then `concurrency` at once.
//
//   bun loadtest/src/bench/provider-overhead.ts [rounds=100] [concurrency=50]

import { withLlmBase } from "@switchboard/gateway/providers/base/llm";
import { withSttBase } from "@switchboard/gateway/providers/base/stt";
import { withTtsBase } from "@switchboard/gateway/providers/base/tts";
import { CustomLlm } from "@switchboard/gateway/providers/custom-llm/llm";
import { DeepgramStt } from "@switchboard/gateway/providers/deepgram/stt";
import { ElevenLabsTts } from "@switchboard/gateway/providers/elevenlabs/tts";
import { EspeakTts } from "@switchboard/gateway/providers/espeak/tts";
import { OpenAiLlm } from "@switchboard/gateway/providers/openai/llm";
import { OpenAiStt } from "@switchboard/gateway/providers/openai/stt";
import { OpenAiTts } from "@switchboard/gateway/providers/openai/tts";
import type { LlmProvider, SttProvider, TtsProvider } from "@switchboard/gateway/providers/types";
import { startStandIns } from "@switchboard/stand-ins/index";

const rounds = Number(process.argv[2] ?? 100);
const concurrency = Number(process.argv[3] ?? 50);
const SCRIPTED_MS = 50;

const standIns = startStandIns({
  llm: { firstTokenMs: SCRIPTED_MS, interTokenMs: 0, defaultReply: "Sure, I can help with that." },
  speech: { firstByteMs: SCRIPTED_MS },
  elevenlabs: { firstByteMs: SCRIPTED_MS },
  deepgram: { finalizationDelayMs: SCRIPTED_MS },
  transcription: { delayMs: SCRIPTED_MS },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(name: string, scriptedMs: number, once: () => Promise<number>): Promise<void> {
  for (let i = 0; i < 5; i++) await once();
  const sequential: number[] = [];
  for (let i = 0; i < rounds; i++) sequential.push((await once()) - scriptedMs);
  const parallel = (await Promise.all(Array.from({ length: concurrency }, once))).map(
    (ms) => ms - scriptedMs,
  );
  const show = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms`;
  };
  console.log(`${name.padEnd(34)} sequential ${show(sequential)} | ${concurrency} at once ${show(parallel)}`);
}

const request = { model: "m", temperature: 0, messages: [{ role: "user" as const, content: "hello" }] };
const llmFirstToken = (llm: LlmProvider) => async () => {
  const start = performance.now();
  let first = 0;
  for await (const event of llm.stream(request, new AbortController().signal)) {
    if (!first && event.type === "text") first = performance.now() - start;
  }
  return first;
};
const ttsFirstChunk = (tts: TtsProvider, voiceId: string) => async () => {
  const start = performance.now();
  let first = 0;
  for await (const _chunk of tts.synthesize(
    "Sure, I can help with that.",
    { voiceId, sampleRateHz: 16_000 },
    new AbortController().signal,
  )) {
    if (!first) first = performance.now() - start;
  }
  return first;
};
const speech = new Int16Array(16_000 * 0.6).map((_, i) =>
  Math.round(8000 * Math.sin((2 * Math.PI * 150 * i) / 16_000)),
);
const sttFinal = (stt: SttProvider) => async () => {
  let resolveFinal: (ms: number) => void = () => {};
  const final = new Promise<number>((resolve) => {
    resolveFinal = resolve;
  });
  let flushedAt = 0;
  const session = await stt.open(
    { model: "m", language: "en", sampleRateHz: 16_000 },
    (event) => {
      if (event.isFinal && event.text) resolveFinal(performance.now() - flushedAt);
    },
    (error) => console.error(error.message),
  );
  for (let offset = 0; offset < speech.length; offset += 320)
    session.sendAudio(speech.subarray(offset, offset + 320));
  await Bun.sleep(20);
  flushedAt = performance.now();
  session.flush();
  const ms = await final;
  await session.close();
  return ms;
};

const openai = { baseUrl: standIns.urls.openai, apiKey: "k" };
await measure("LLM openai first token", SCRIPTED_MS, llmFirstToken(withLlmBase(new OpenAiLlm(openai))));
await measure(
  "LLM custom webhook first token",
  SCRIPTED_MS,
  llmFirstToken(
    withLlmBase(
      // The stand-in is on loopback: reachable only with ALLOW_PRIVATE_URLS.
      new CustomLlm({
        webhookUrl: `${standIns.urls.openai}/chat/completions`,
        urlPolicy: { allowPrivate: true },
      }),
    ),
  ),
);
await measure(
  "TTS openai first chunk (24->16k)",
  SCRIPTED_MS,
  ttsFirstChunk(withTtsBase(new OpenAiTts({ ...openai, model: "m" })), "alloy"),
);
await measure(
  "TTS elevenlabs first chunk",
  SCRIPTED_MS,
  ttsFirstChunk(
    withTtsBase(new ElevenLabsTts({ baseUrl: standIns.urls.elevenlabs, apiKey: "k", modelId: "m" })),
    "v",
  ),
);
await measure("TTS espeak-ng first chunk (local)", 0, ttsFirstChunk(withTtsBase(new EspeakTts()), "en-us"));
await measure(
  "STT deepgram flush -> final",
  SCRIPTED_MS,
  sttFinal(
    withSttBase(new DeepgramStt({ baseUrl: standIns.urls.deepgram, apiKey: "k", endpointingMs: 10_000 })),
  ),
);
await measure("STT openai flush -> final", SCRIPTED_MS, sttFinal(withSttBase(new OpenAiStt(openai))));
await standIns.stop();
