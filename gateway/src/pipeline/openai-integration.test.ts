// The pipeline with the real OpenAI adapters (chat completions, transcription, speech) against
// the loopback stand-ins, in real time.
import { afterAll, afterEach, describe, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { OpenAiLlm } from "../providers/openai/llm.ts";
import { OpenAiStt } from "../providers/openai/stt.ts";
import { OpenAiTts } from "../providers/openai/tts.ts";
import { createAgentApplication } from "./create.ts";
import { startTestCall, type TestCall } from "./testing/test-call.ts";

const FIRST_TOKEN_MS = 60;
const TTS_FIRST_BYTE_MS = 40;
const standIns: StandIns = startStandIns({
  llm: {
    firstTokenMs: FIRST_TOKEN_MS,
    interTokenMs: 2,
    rules: [{ match: "table", reply: "Of course. A table for two tomorrow evening is booked." }],
  },
  transcription: { texts: ["I would like to book a table for two."], delayMs: 20 },
  speech: { firstByteMs: TTS_FIRST_BYTE_MS, chunkMs: 40, msPerWord: 100 },
});
afterAll(() => standIns.stop());

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

describe("turn pipeline with the OpenAI adapters and stand-ins", () => {
  test("a caller's utterance is transcribed, answered sentence by sentence and played", async () => {
    const connection = { baseUrl: standIns.urls.openai, apiKey: null };
    call = await startTestCall({
      realTime: true,
      agent: { endpointing: { silence_ms: 300 }, voice: { provider: "openai", voice_id: "alloy" } },
      providers: {
        llm: new OpenAiLlm(connection),
        stt: new OpenAiStt(connection),
        tts: new OpenAiTts({ ...connection, model: "gpt-4o-mini-tts" }),
      },
    });
    await call.speak(600);
    await call.untilReal(() => call!.agentTurns().length === 1, 15_000);
    const [user, agent] = call.turns;
    expect(user).toMatchObject({ role: "user", text: "I would like to book a table for two." });
    expect(agent).toMatchObject({
      role: "agent",
      text: "Of course. A table for two tomorrow evening is booked.",
      interrupted: false,
    });
    expect(call.audio.playedSamples).toBeGreaterThan(0);
    const latency = agent!.latency!;
    expect(latency.llm_first_token_ms!).toBeGreaterThanOrEqual(FIRST_TOKEN_MS);
    expect(latency.tts_first_byte_ms!).toBeGreaterThanOrEqual(TTS_FIRST_BYTE_MS);
    expect(latency.endpointing_ms!).toBeGreaterThanOrEqual(250);
    expect(latency.total_ms!).toBeGreaterThan(latency.endpointing_ms! + FIRST_TOKEN_MS);
    expect(call.history.at(-1)).toEqual({
      role: "assistant",
      content: "Of course. A table for two tomorrow evening is booked.",
    });
  });

  test("createAgentApplication wires the agent's providers from config and the VAD", async () => {
    const config = loadConfig({ OPENAI_BASE_URL: standIns.urls.openai });
    call = await startTestCall({
      realTime: true,
      application: await createAgentApplication({ config, log: createLogger("silent") }),
      agent: {
        first_message: "Hello, {{customer_name}}.",
        endpointing: { silence_ms: 300 },
        llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
        stt: { provider: "openai", model: "whisper-1", language: "en" },
        voice: { provider: "espeak", voice_id: "en-us" },
      },
      metadata: { customer_name: "Ada" },
    });
    await call.untilReal(() => call!.agentTurns().length === 1, 15_000);
    expect(call.agentTurns()[0]!.text).toBe("Hello, Ada.");
    expect(call.audio.playedSamples).toBeGreaterThan(8000);
  });
});
