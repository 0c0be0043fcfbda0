// Fallback per family: a retryable failure before any output moves to the next provider;
// a final error, or a failure after output was produced, does not.
import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { withLlmBase } from "../base/llm.ts";
import { withSttBase } from "../base/stt.ts";
import { withTtsBase } from "../base/tts.ts";
import { CustomLlm } from "../custom-llm/llm.ts";
import { DeepgramStt } from "../deepgram/stt.ts";
import { ElevenLabsTts } from "../elevenlabs/tts.ts";
import { EspeakTts } from "../espeak/tts.ts";
import { OpenAiLlm } from "../openai/llm.ts";
import { OpenAiStt } from "../openai/stt.ts";
import { OpenAiTts } from "../openai/tts.ts";
import {
  collect,
  expectRejection,
  openRecorded,
  speechThenSilence,
  totalSamples,
} from "../testing/support.ts";
import { type LlmEvent, ProviderError } from "../types.ts";
import { FallbackLlm } from "./llm.ts";
import { FallbackStt } from "./stt.ts";
import { FallbackTts } from "./tts.ts";

const standIns: StandIns = startStandIns({
  llm: { firstTokenMs: 5, interTokenMs: 1, defaultReply: "One two three four five six." },
  speech: { firstByteMs: 5 },
  elevenlabs: { firstByteMs: 5 },
  deepgram: { utterances: ["from deepgram"], finalizationDelayMs: 10 },
  transcription: { texts: ["from openai"], delayMs: 5 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.state.reset());

const once = { policy: { maxAttempts: 1 } };
const signal = () => new AbortController().signal;
const request = {
  model: "m",
  temperature: 0,
  messages: [{ role: "user" as const, content: "hello" }],
};
const textOf = (events: LlmEvent[]) =>
  events.map((event) => (event.type === "text" ? event.text : "")).join("");

describe("FallbackLlm", () => {
  const make = (switches: string[]) =>
    new FallbackLlm(
      [
        { provider: withLlmBase(new OpenAiLlm({ baseUrl: standIns.urls.openai, apiKey: "k" }), once) },
        {
          provider: withLlmBase(
            new CustomLlm({
              webhookUrl: `${standIns.urls.openai}/chat/completions`,
              urlPolicy: { allowPrivate: true },
            }),
            once,
          ),
          model: "fallback-model",
          temperature: 0.9,
        },
      ],
      (from, to) => switches.push(`${from}>${to}`),
    );

  test("a 503 before the first token switches to the next provider", async () => {
    standIns.failNext("chat", { status: 503 });
    const switches: string[] = [];
    const events = await collect(make(switches).stream(request, signal()));
    expect(textOf(events)).toBe("One two three four five six.");
    expect(switches).toEqual(["openai>custom"]);
    expect(standIns.state.of("chat").requests).toBe(2);
    // The fallback gets its own model and temperature; the rest of the request is the same.
    const answered = standIns.state.of("chat").bodies.at(-1) as Record<string, unknown>;
    expect([answered.model, answered.temperature]).toEqual(["fallback-model", 0.9]);
    expect(answered.messages).toEqual(request.messages);
  });

  test("a 400 does not switch", async () => {
    standIns.failNext("chat", { status: 400 });
    const switches: string[] = [];
    const error = await expectRejection(collect(make(switches).stream(request, signal())));
    expect((error as ProviderError).status).toBe(400);
    expect(switches).toEqual([]);
    expect(standIns.state.of("chat").requests).toBe(1);
  });

  test("a connection drop after tokens were produced does not switch or retry", async () => {
    standIns.failNext("chat", { dropAfterChunks: 2 });
    const switches: string[] = [];
    const received: LlmEvent[] = [];
    const error = await expectRejection(
      (async () => {
        for await (const event of make(switches).stream(request, signal())) received.push(event);
      })(),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(textOf(received)).toBe("One two ");
    expect(switches).toEqual([]);
    expect(standIns.state.of("chat").requests).toBe(1);
  });

  test("the family base does not retry once output was seen either", async () => {
    standIns.failNext("chat", { dropAfterChunks: 1 });
    const provider = withLlmBase(new OpenAiLlm({ baseUrl: standIns.urls.openai, apiKey: "k" }), {
      policy: { baseDelayMs: 1 },
    });
    const error = await expectRejection(collect(provider.stream(request, signal())));
    expect(error).toBeInstanceOf(ProviderError);
    expect(standIns.state.of("chat").requests).toBe(1);
  });
});

describe("FallbackTts", () => {
  test("ElevenLabs refusing with 503 falls back to espeak-ng with its own voice", async () => {
    standIns.failNext("elevenlabs", { status: 503 });
    const switches: string[] = [];
    const tts = new FallbackTts(
      [
        {
          provider: withTtsBase(
            new ElevenLabsTts({ baseUrl: standIns.urls.elevenlabs, apiKey: "k", modelId: "m" }),
            once,
          ),
        },
        { provider: withTtsBase(new EspeakTts(), once), voiceId: "en-us" },
      ],
      (from, to) => switches.push(`${from}>${to}`),
    );
    const chunks = await collect(
      tts.synthesize("Hello there.", { voiceId: "cgSgspJ2msm6clMCkdW9", sampleRateHz: 16_000 }, signal()),
    );
    expect(totalSamples(chunks)).toBeGreaterThan(4_000);
    expect(switches).toEqual(["elevenlabs>espeak"]);
  });

  test("audio cut off after the first bytes is passed on, not replaced", async () => {
    standIns.failNext("speech", { dropAfterChunks: 3 });
    standIns.script.speech.chunkIntervalMs = 20;
    const switches: string[] = [];
    const tts = new FallbackTts(
      [
        {
          provider: withTtsBase(
            new OpenAiTts({ baseUrl: standIns.urls.openai, apiKey: "k", model: "m" }),
            once,
          ),
        },
        { provider: withTtsBase(new EspeakTts(), once) },
      ],
      (from, to) => switches.push(`${from}>${to}`),
    );
    const error = await expectRejection(
      collect(
        tts.synthesize("Hello there, how are you?", { voiceId: "alloy", sampleRateHz: 16_000 }, signal()),
      ),
    );
    standIns.script.speech.chunkIntervalMs = 0;
    expect(error).toBeInstanceOf(ProviderError);
    expect(switches).toEqual([]);
  });
});

describe("FallbackStt", () => {
  const openai = () => withSttBase(new OpenAiStt({ baseUrl: standIns.urls.openai, apiKey: "k" }), once);

  test("Deepgram refusing the upgrade with 503 falls back to OpenAI transcription", async () => {
    standIns.failNext("deepgram", { status: 503 });
    const switches: string[] = [];
    const stt = new FallbackStt(
      [
        {
          provider: withSttBase(
            new DeepgramStt({ baseUrl: standIns.urls.deepgram, apiKey: "k", endpointingMs: 300 }),
            once,
          ),
        },
        { provider: openai(), model: "whisper-1", language: "de" },
      ],
      (from, to) => switches.push(`${from}>${to}`),
    );
    const { session, events } = await openRecorded(stt, "m");
    for (const frame of speechThenSilence(600, 200)) session.sendAudio(frame);
    session.flush();
    await waitFor("the final", () => events.some((event) => event.isFinal));
    await session.close();
    expect(events.find((event) => event.isFinal)?.text).toBe("from openai");
    expect(switches).toEqual(["deepgram>openai"]);
    // The fallback transcribes with its own model and language.
    expect(standIns.state.of("transcription").bodies.at(-1)).toEqual({ model: "whisper-1", language: "de" });
  });

  test("a Deepgram socket dropped mid-utterance replays the utterance to the next provider", async () => {
    standIns.script.deepgram.idleCloseMs = 150;
    try {
      const switches: string[] = [];
      const stt = new FallbackStt(
        [
          {
            provider: new DeepgramStt({
              baseUrl: standIns.urls.deepgram,
              apiKey: "k",
              endpointingMs: 5_000,
              keepAliveIntervalMs: 60_000,
            }),
          },
          { provider: openai() },
        ],
        (from, to) => switches.push(`${from}>${to}`),
      );
      const { session, events, errors } = await openRecorded(stt, "m");
      // Speech without an endpoint: only interims have come when Deepgram drops the socket.
      for (const frame of speechThenSilence(600, 0)) session.sendAudio(frame);
      await waitFor("the switch", () => switches.length === 1);
      session.flush();
      await waitFor("the final", () => events.some((event) => event.isFinal));
      await session.close();
      expect(errors).toEqual([]);
      expect(events.find((event) => event.isFinal)?.text).toBe("from openai");
    } finally {
      standIns.script.deepgram.idleCloseMs = 10_000;
    }
  });
});
