// One suite, every streaming-capable STT adapter: Deepgram (live WebSocket), OpenAI realtime
// transcription (WebSocket) and OpenAI segment upload (transcription of the VAD-cut segment),
// all against their stand-ins over loopback.
import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { ProviderMetrics } from "./base/metrics.ts";
import { withSttBase } from "./base/stt.ts";
import { DeepgramStt } from "./deepgram/stt.ts";
import { OpenAiStt } from "./openai/stt.ts";
import { OpenAiRealtimeStt } from "./openai/stt-realtime.ts";
import { expectRejection, openRecorded, speechThenSilence } from "./testing/support.ts";
import { ProviderError, type SttProvider } from "./types.ts";

const UTTERANCES = ["I would like to book a table for two.", "Tomorrow evening at seven."];

const standIns: StandIns = startStandIns({
  apiKeys: { deepgram: "dg-key", openai: "sk-key" },
  deepgram: { utterances: UTTERANCES, finalizationDelayMs: 10, interimEveryMs: 200 },
  transcription: { texts: UTTERANCES, delayMs: 10 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.state.reset());

const adapters: Array<{ name: string; model: string; make: (key?: string) => SttProvider }> = [
  {
    name: "deepgram",
    model: "nova-2",
    make: (key = "dg-key") =>
      new DeepgramStt({
        baseUrl: standIns.urls.deepgram,
        apiKey: key,
        endpointingMs: 300,
        keepAliveIntervalMs: 50,
      }),
  },
  {
    name: "openai",
    model: "whisper-1",
    make: (key = "sk-key") => new OpenAiStt({ baseUrl: standIns.urls.openai, apiKey: key }),
  },
  {
    name: "openai realtime transcription",
    model: "gpt-realtime-whisper",
    make: (key = "sk-key") => new OpenAiRealtimeStt({ baseUrl: standIns.urls.openai, apiKey: key }),
  },
];

for (const adapter of adapters) {
  describe(`STT conformance: ${adapter.name}`, () => {
    test("two utterances give their finals in order, each marked as end of speech", async () => {
      const metrics = new ProviderMetrics();
      const { session, events, errors } = await openRecorded(
        withSttBase(adapter.make(), { metrics }),
        adapter.model,
      );
      for (const utterance of [0, 1]) {
        for (const frame of speechThenSilence(800, 400)) session.sendAudio(frame);
        session.flush();
        await waitFor(
          "a final",
          () => events.filter((event) => event.isFinal && event.text).length > utterance,
        );
      }
      await session.close();
      expect(errors).toEqual([]);
      const finals = events.filter((event) => event.isFinal && event.text);
      expect(finals.map((event) => event.text)).toEqual(UTTERANCES);
      expect(finals.every((event) => event.endOfSpeech)).toBe(true);
      expect(metrics.get("stt", adapter.make().name)?.firstOutputMs.length).toBeGreaterThanOrEqual(1);
    });

    test("a flush with nothing said gives an empty final", async () => {
      const { session, events } = await openRecorded(adapter.make(), adapter.model);
      for (const frame of speechThenSilence(0, 200)) session.sendAudio(frame);
      session.flush();
      await waitFor("the empty final", () => events.some((event) => event.isFinal));
      await session.close();
      expect(events.filter((event) => event.isFinal).map((event) => event.text)).toEqual([""]);
    });

    test("a wrong key is a final error", async () => {
      const provider = withSttBase(adapter.make("wrong"), { policy: { baseDelayMs: 1 } });
      const outcome = await openRecorded(provider, adapter.model).then(
        async (recorded) => {
          for (const frame of speechThenSilence(400, 100)) recorded.session.sendAudio(frame);
          recorded.session.flush();
          await waitFor("the error", () => recorded.errors.length > 0);
          await recorded.session.close();
          return recorded.errors[0];
        },
        (error) => error,
      );
      expect(outcome).toBeInstanceOf(ProviderError);
      expect((outcome as ProviderError).retryable).toBe(false);
      expect((outcome as ProviderError).status).toBe(401);
    });
  });
}

describe("Deepgram specifics", () => {
  const deepgram = () => adapters[0]?.make() as SttProvider;

  test("interim results grow while speech goes on, and the URL carries the live options", async () => {
    const { session, events } = await openRecorded(deepgram(), "nova-2");
    for (const frame of speechThenSilence(1200, 400)) session.sendAudio(frame);
    await waitFor("the final", () => events.some((event) => event.isFinal));
    await session.close();
    const interims = events.filter((event) => !event.isFinal);
    expect(interims.length).toBeGreaterThanOrEqual(2);
    expect(interims.every((event) => !event.endOfSpeech)).toBe(true);
    expect(UTTERANCES[0]?.startsWith(interims[0]?.text ?? "?")).toBe(true);
    const query = standIns.state.of("deepgram").bodies[0] as Record<string, string>;
    expect(query).toMatchObject({
      encoding: "linear16",
      sample_rate: "16000",
      interim_results: "true",
      endpointing: "300",
      vad_events: "true",
      model: "nova-2",
    });
  });

  test("sends KeepAlive while idle and CloseStream on close", async () => {
    const { session } = await openRecorded(deepgram(), "nova-2");
    await waitFor("KeepAlive", () => (standIns.state.of("deepgram").messages.KeepAlive ?? 0) >= 2);
    await session.close();
    expect(standIns.state.of("deepgram").messages.CloseStream).toBe(1);
    expect(standIns.state.of("deepgram").completed).toBe(1);
  });

  test("flush sends Finalize and the final comes back marked from_finalize", async () => {
    const { session, events } = await openRecorded(deepgram(), "nova-2");
    // Speech with no trailing silence: only Finalize can end it.
    for (const frame of speechThenSilence(600, 0)) session.sendAudio(frame);
    session.flush();
    await waitFor("the final", () => events.some((event) => event.isFinal));
    await session.close();
    expect(standIns.state.of("deepgram").messages.Finalize).toBe(1);
    const final = events.find((event) => event.isFinal);
    expect(final).toEqual({ text: UTTERANCES[0] as string, isFinal: true, endOfSpeech: true });
  });

  test("a refused upgrade with 503 is retried by the base", async () => {
    standIns.failNext("deepgram", { status: 503 });
    const provider = withSttBase(deepgram(), { policy: { baseDelayMs: 1 } });
    const { session } = await openRecorded(provider, "nova-2");
    await session.close();
    expect(standIns.state.of("deepgram").requests).toBe(2);
  });

  test("a socket dropped by the server is reported as retryable", async () => {
    standIns.script.deepgram.idleCloseMs = 100;
    try {
      const provider = new DeepgramStt({
        baseUrl: standIns.urls.deepgram,
        apiKey: "dg-key",
        endpointingMs: 300,
        keepAliveIntervalMs: 60_000,
      });
      const { session, errors } = await openRecorded(provider, "nova-2");
      await waitFor("the drop", () => errors.length > 0);
      await session.close();
      expect(errors.some((error) => error.retryable)).toBe(true);
    } finally {
      standIns.script.deepgram.idleCloseMs = 10_000;
    }
  });
});

test("an STT that cannot connect at all fails after its attempts", async () => {
  const closed = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("") });
  const url = `ws://127.0.0.1:${closed.port}/v1`;
  await closed.stop(true);
  const provider = withSttBase(new DeepgramStt({ baseUrl: url, apiKey: "k", endpointingMs: 300 }), {
    policy: { baseDelayMs: 1, maxAttempts: 2 },
  });
  const error = await expectRejection(openRecorded(provider, "nova-2"));
  expect((error as ProviderError).retryable).toBe(true);
});

describe("OpenAI realtime transcription specifics", () => {
  const realtime = () => new OpenAiRealtimeStt({ baseUrl: standIns.urls.openai, apiKey: "sk-key" });

  test("interim text grows while speech goes on, then the final; the session is configured for it", async () => {
    const { session, events, errors } = await openRecorded(realtime(), "gpt-realtime-whisper");
    for (const frame of speechThenSilence(1200, 200)) session.sendAudio(frame);
    await waitFor("interim text", () => events.filter((event) => !event.isFinal).length >= 2);
    const interimsBeforeFlush = events.filter((event) => !event.isFinal).map((event) => event.text);
    session.flush();
    await waitFor("the final", () => events.some((event) => event.isFinal));
    await session.close();
    expect(errors).toEqual([]);
    // Each interim is a longer start of the utterance; none is final or an end of speech.
    for (const [index, text] of interimsBeforeFlush.entries()) {
      expect(UTTERANCES[0]!.startsWith(text)).toBe(true);
      if (index > 0) expect(text.length).toBeGreaterThan(interimsBeforeFlush[index - 1]!.length);
    }
    expect(events.filter((event) => !event.isFinal).every((event) => !event.endOfSpeech)).toBe(true);
    expect(events.filter((event) => event.isFinal)).toEqual([
      { text: UTTERANCES[0]!, isFinal: true, endOfSpeech: true },
    ]);
    const stats = standIns.state.of("openai-transcription");
    expect(stats.bodies[0]).toMatchObject({
      type: "transcription",
      audio: {
        input: {
          format: { type: "audio/pcm", rate: 24_000 },
          transcription: { model: "gpt-realtime-whisper", language: "en" },
          turn_detection: null,
        },
      },
    });
    expect(stats.messages["input_audio_buffer.commit"]).toBe(1);
    // 1.4 s at 16 kHz goes out as 1.4 s at 24 kHz (about 67 KB of PCM), nothing lost to resampling.
    expect(stats.messages["input_audio_buffer.append"]).toBeGreaterThanOrEqual(70);
    // The segment-upload endpoint was not used.
    expect(standIns.state.of("transcription").requests).toBe(0);
  });

  test("a flush right after another keeps the finals in commit order, the empty one included", async () => {
    const { session, events } = await openRecorded(realtime(), "gpt-realtime-whisper");
    for (const frame of speechThenSilence(600, 100)) session.sendAudio(frame);
    session.flush();
    for (const frame of speechThenSilence(0, 40)) session.sendAudio(frame);
    session.flush();
    await waitFor("two finals", () => events.filter((event) => event.isFinal).length === 2);
    await session.close();
    expect(events.filter((event) => event.isFinal).map((event) => event.text)).toEqual([UTTERANCES[0]!, ""]);
  });

  test("a model that does not stream is transcribed by segment upload", async () => {
    const { session, events } = await openRecorded(realtime(), "whisper-1");
    for (const frame of speechThenSilence(600, 200)) session.sendAudio(frame);
    session.flush();
    await waitFor("the final", () => events.some((event) => event.isFinal));
    await session.close();
    expect(standIns.state.of("transcription").requests).toBe(1);
    expect(standIns.state.of("openai-transcription").requests).toBe(0);
  });

  test("a socket that cannot be opened falls back to segment upload", async () => {
    standIns.failNext("openai-transcription", { status: 404 });
    const { session, events, errors } = await openRecorded(realtime(), "gpt-realtime-whisper");
    for (const frame of speechThenSilence(600, 200)) session.sendAudio(frame);
    session.flush();
    await waitFor("the final", () => events.some((event) => event.isFinal));
    await session.close();
    expect(errors).toEqual([]);
    expect(events.filter((event) => event.isFinal).map((event) => event.text)).toEqual([UTTERANCES[0]!]);
    expect(standIns.state.of("openai-transcription").requests).toBe(1);
    expect(standIns.state.of("transcription").requests).toBe(1);
  });
});
