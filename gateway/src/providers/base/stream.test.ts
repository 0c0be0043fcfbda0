// The family base's stream handling: its timers measure the provider, not the consumer, and
// a consumer that stops early (barge-in) ends the request.
import { afterAll, beforeEach, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { OpenAiLlm } from "../openai/llm.ts";
import { OpenAiTts } from "../openai/tts.ts";
import type { LlmRequest } from "../types.ts";
import { withLlmBase } from "./llm.ts";
import { ProviderMetrics } from "./metrics.ts";
import { withTtsBase } from "./tts.ts";

const standIns: StandIns = startStandIns({
  llm: { firstTokenMs: 5, interTokenMs: 1, defaultReply: "one two three four" },
  speech: { firstByteMs: 5, chunkIntervalMs: 30 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.state.reset());

const request: LlmRequest = { model: "m", temperature: 0, messages: [{ role: "user", content: "hi" }] };

test("a consumer slower than the idle timeout does not time the provider out", async () => {
  const llm = withLlmBase(new OpenAiLlm({ baseUrl: standIns.urls.openai, apiKey: "k" }), {
    policy: { idleTimeoutMs: 100, maxAttempts: 1 },
  });
  const texts: string[] = [];
  for await (const event of llm.stream(request, new AbortController().signal)) {
    if (event.type === "text") texts.push(event.text);
    // The scenario, not a wait: the consumer holds each value for 2.5 idle timeouts.
    await Bun.sleep(250);
  }
  expect(texts.join("")).toBe("one two three four");
});

test("breaking out of a TTS stream closes the provider's connection", async () => {
  const metrics = new ProviderMetrics();
  const tts = withTtsBase(new OpenAiTts({ baseUrl: standIns.urls.openai, apiKey: "k", model: "m" }), {
    metrics,
  });
  let chunks = 0;
  for await (const _chunk of tts.synthesize(
    "a long sentence of many words to speak",
    { voiceId: "alloy", sampleRateHz: 16_000 },
    new AbortController().signal,
  )) {
    chunks += 1;
    if (chunks === 2) break;
  }
  await waitFor("the stand-in to see the close", () => standIns.state.of("speech").aborted === 1);
  expect(standIns.state.of("speech").completed).toBe(0);
});

test("an abort during the backoff wait ends the stream at once", async () => {
  standIns.failNext("chat", { status: 503 }, 5);
  const controller = new AbortController();
  const llm = withLlmBase(new OpenAiLlm({ baseUrl: standIns.urls.openai, apiKey: "k" }), {
    policy: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 5 },
  });
  const done = (async () => {
    for await (const _event of llm.stream(request, controller.signal)) {
      // no output expected
    }
  })();
  await waitFor("the first attempt", () => standIns.state.of("chat").requests === 1);
  controller.abort();
  const error = await done.then(
    () => null,
    (caught) => caught,
  );
  expect((error as Error).name).toBe("AbortError");
  expect(standIns.state.of("chat").requests).toBe(1);
});
