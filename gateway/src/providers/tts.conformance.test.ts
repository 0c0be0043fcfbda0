// One suite, every TTS adapter: OpenAI speech and ElevenLabs stream-input against their
// stand-ins, and the local espeak-ng and flite processes.
import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { isAbortError } from "./base/errors.ts";
import { ProviderMetrics } from "./base/metrics.ts";
import { withTtsBase } from "./base/tts.ts";
import { ElevenLabsTts } from "./elevenlabs/tts.ts";
import { EspeakTts } from "./espeak/tts.ts";
import { FliteTts } from "./flite/tts.ts";
import { OpenAiTts } from "./openai/tts.ts";
import { collect, expectRejection, totalSamples } from "./testing/support.ts";
import { ProviderError, type TtsProvider } from "./types.ts";

const MS_PER_WORD = 250;
const standIns: StandIns = startStandIns({
  apiKeys: { openai: "sk-key", elevenlabs: "xi-key" },
  speech: { firstByteMs: 5, chunkMs: 40, msPerWord: MS_PER_WORD },
  elevenlabs: { firstByteMs: 5, chunkMs: 40, msPerWord: MS_PER_WORD },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.state.reset());

const TEXT = "Hello there, how are you today?";
const WORDS = 6;

interface Adapter {
  name: string;
  voiceId: string;
  make: (key?: string) => TtsProvider;
  /** The stand-in service, for remote adapters. */
  service?: "speech" | "elevenlabs";
  /** Exact duration of the stand-in audio; espeak's own length is not scripted. */
  expectedSamples?: number;
}

const adapters: Adapter[] = [
  {
    name: "openai",
    voiceId: "alloy",
    service: "speech",
    make: (key = "sk-key") =>
      new OpenAiTts({ baseUrl: standIns.urls.openai, apiKey: key, model: "gpt-4o-mini-tts" }),
    expectedSamples: (WORDS * MS_PER_WORD * 16_000) / 1000,
  },
  {
    name: "elevenlabs",
    voiceId: "cgSgspJ2msm6clMCkdW9",
    service: "elevenlabs",
    make: (key = "xi-key") =>
      new ElevenLabsTts({ baseUrl: standIns.urls.elevenlabs, apiKey: key, modelId: "eleven_flash_v2_5" }),
    expectedSamples: (WORDS * MS_PER_WORD * 16_000) / 1000,
  },
  { name: "espeak", voiceId: "en-us", make: () => new EspeakTts() },
  { name: "flite", voiceId: "kal16", make: () => new FliteTts() },
];

function energy(chunks: Int16Array[]): number {
  let sum = 0;
  let count = 0;
  for (const chunk of chunks) {
    for (const sample of chunk) sum += sample * sample;
    count += chunk.length;
  }
  return Math.sqrt(sum / Math.max(1, count));
}

for (const adapter of adapters) {
  describe(`TTS conformance: ${adapter.name}`, () => {
    test("streams 16 kHz PCM in several chunks with the whole utterance", async () => {
      const metrics = new ProviderMetrics();
      const provider = withTtsBase(adapter.make(), { metrics });
      const chunks = await collect(
        provider.synthesize(
          TEXT,
          { voiceId: adapter.voiceId, sampleRateHz: 16_000 },
          new AbortController().signal,
        ),
      );
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.every((chunk) => chunk instanceof Int16Array)).toBe(true);
      const samples = totalSamples(chunks);
      if (adapter.expectedSamples) {
        // Resampling 24 -> 16 kHz keeps the length to within the filter's delay.
        expect(Math.abs(samples - adapter.expectedSamples)).toBeLessThan(160);
      } else {
        expect(samples).toBeGreaterThan(16_000 * 0.8);
      }
      expect(energy(chunks)).toBeGreaterThan(300);
      expect(metrics.get("tts", adapter.name)?.firstOutputMs.length).toBe(1);
      if (adapter.service) {
        const body = standIns.state.of(adapter.service).bodies[0] as Record<string, unknown>;
        if (adapter.service === "speech")
          expect(body).toMatchObject({ input: TEXT, voice: "alloy", response_format: "pcm" });
        else
          expect(body).toMatchObject({
            voiceId: adapter.voiceId,
            output_format: "pcm_16000",
            model_id: "eleven_flash_v2_5",
          });
      }
    });

    test("gives audio at another rate when asked (8 kHz)", async () => {
      const chunks = await collect(
        adapter
          .make()
          .synthesize(TEXT, { voiceId: adapter.voiceId, sampleRateHz: 8_000 }, new AbortController().signal),
      );
      if (adapter.expectedSamples)
        expect(Math.abs(totalSamples(chunks) - adapter.expectedSamples / 2)).toBeLessThan(80);
      else expect(totalSamples(chunks)).toBeGreaterThan(8_000 * 0.8);
    });

    test("abort stops the stream and the request", async () => {
      if (adapter.service)
        standIns.script[adapter.service === "speech" ? "speech" : "elevenlabs"].chunkIntervalMs = 50;
      try {
        const controller = new AbortController();
        let received = 0;
        const error = await expectRejection(
          (async () => {
            for await (const _chunk of withTtsBase(adapter.make()).synthesize(
              TEXT,
              { voiceId: adapter.voiceId, sampleRateHz: 16_000 },
              controller.signal,
            )) {
              received += 1;
              controller.abort();
            }
          })(),
        );
        expect(isAbortError(error)).toBe(true);
        expect(received).toBe(1);
        if (adapter.service) {
          const service = adapter.service;
          await waitFor("the stand-in to see the abort", () => standIns.state.of(service).aborted === 1);
          expect(standIns.state.of(service).completed).toBe(0);
        }
      } finally {
        standIns.script.speech.chunkIntervalMs = 0;
        standIns.script.elevenlabs.chunkIntervalMs = 0;
      }
    });

    if (adapter.service) {
      const service = adapter.service;
      test("a 500 before any audio is retried; a wrong key is final", async () => {
        standIns.failNext(service, { status: 500 });
        const provider = withTtsBase(adapter.make(), { policy: { baseDelayMs: 1 } });
        const chunks = await collect(
          provider.synthesize(
            TEXT,
            { voiceId: adapter.voiceId, sampleRateHz: 16_000 },
            new AbortController().signal,
          ),
        );
        expect(totalSamples(chunks)).toBeGreaterThan(0);
        expect(standIns.state.of(service).requests).toBe(2);

        const unauthorized = withTtsBase(adapter.make("wrong"), { policy: { baseDelayMs: 1 } });
        const error = await expectRejection(
          collect(
            unauthorized.synthesize(
              TEXT,
              { voiceId: adapter.voiceId, sampleRateHz: 16_000 },
              new AbortController().signal,
            ),
          ),
        );
        expect(error).toBeInstanceOf(ProviderError);
        expect((error as ProviderError).retryable).toBe(false);
        expect(standIns.state.of(service).requests).toBe(3);
      });
    }
  });
}

test("espeak-ng missing is a final error", async () => {
  const provider = new EspeakTts({ binary: "/nonexistent/espeak-ng" });
  const error = await expectRejection(
    collect(
      provider.synthesize("hi", { voiceId: "en-us", sampleRateHz: 16_000 }, new AbortController().signal),
    ),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(false);
});

test("an unknown espeak voice is a final error", async () => {
  const provider = withTtsBase(new EspeakTts(), { policy: { baseDelayMs: 1 } });
  const error = await expectRejection(
    collect(
      provider.synthesize(
        "hi",
        { voiceId: "xx-nonexistent", sampleRateHz: 16_000 },
        new AbortController().signal,
      ),
    ),
  );
  expect((error as ProviderError).retryable).toBe(false);
});

test("flite missing is a final error", async () => {
  const provider = new FliteTts({ binary: "/nonexistent/flite" });
  const error = await expectRejection(
    collect(
      provider.synthesize("hi", { voiceId: "kal16", sampleRateHz: 16_000 }, new AbortController().signal),
    ),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(false);
});
