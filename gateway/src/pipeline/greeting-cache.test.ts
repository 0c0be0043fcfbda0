import { describe, expect, test } from "bun:test";
import type { TtsOptions } from "../providers/types.ts";
import { EnergyVadEngine } from "../vad/energy.ts";
import { AgentApplication } from "./agent-application.ts";
import { GreetingCache } from "./greeting-cache.ts";
import { ScriptedLlm, ScriptedStt, ScriptedTts } from "./testing/scripted-providers.ts";
import { startTestCall, testAgent } from "./testing/test-call.ts";

const OPTIONS: TtsOptions = { voiceId: "alloy", sampleRateHz: 16_000 };
const GREETING = "Hello, how can I help?";

async function speak(
  cache: GreetingCache,
  agent: ReturnType<typeof testAgent>,
  tts: ScriptedTts,
  text = GREETING,
  signal = new AbortController().signal,
): Promise<Int16Array> {
  const chunks: Int16Array[] = [];
  for await (const chunk of cache.wrap(agent, agent.first_message, tts).synthesize(text, OPTIONS, signal))
    chunks.push(chunk);
  const audio = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    audio.set(chunk, offset);
    offset += chunk.length;
  }
  return audio;
}

describe("greeting cache", () => {
  test("the second call of an agent hears the same greeting without asking the provider", async () => {
    const cache = new GreetingCache();
    const tts = new ScriptedTts(480, 160);
    const agent = testAgent({ first_message: GREETING });
    const first = await speak(cache, agent, tts);
    const second = await speak(cache, agent, tts);
    expect(tts.texts).toEqual([GREETING]);
    expect(first.length).toBe(5 * 480);
    expect(second).toEqual(first);
  });

  test("a changed agent, voice or greeting is synthesised again and replaces what was kept", async () => {
    const cache = new GreetingCache();
    const tts = new ScriptedTts(480, 160);
    const agent = testAgent({ first_message: GREETING });
    await speak(cache, agent, tts);
    const edited = { ...agent, updated_at: "2026-02-01T00:00:00.000Z" };
    await speak(cache, edited, tts);
    await speak(cache, edited, tts);
    const revoiced = { ...edited, voice: { ...edited.voice, voice_id: "en-gb" } };
    await speak(cache, revoiced, tts);
    const regreeted = { ...revoiced, first_message: "Good morning." };
    const morning = await speak(cache, regreeted, tts, "Good morning.");
    expect(tts.texts).toEqual([GREETING, GREETING, GREETING, "Good morning."]);
    // The old version's greeting is gone with it.
    await speak(cache, agent, tts);
    expect(tts.texts).toHaveLength(5);
    expect(morning.length).toBe(2 * 480);
  });

  test("only the greeting's sentences are kept; a synthesis cut short is not", async () => {
    const cache = new GreetingCache();
    const tts = new ScriptedTts(480, 160);
    const agent = testAgent({ first_message: GREETING });
    await speak(cache, agent, tts, "Your table is booked.");
    await speak(cache, agent, tts, "Your table is booked.");
    expect(tts.texts).toEqual(["Your table is booked.", "Your table is booked."]);

    const abort = new AbortController();
    const stream = cache.wrap(agent, GREETING, tts).synthesize(GREETING, OPTIONS, abort.signal);
    for await (const _chunk of stream) {
      abort.abort();
      break;
    }
    await speak(cache, agent, tts);
    await speak(cache, agent, tts);
    expect(tts.texts.filter((text) => text === GREETING)).toHaveLength(2);
  });

  test("a greeting filled from the call's variables is never kept", async () => {
    const cache = new GreetingCache();
    const tts = new ScriptedTts(480, 160);
    const agent = testAgent({ first_message: "Hello {{name}}." });
    for (const name of ["Ann", "Ann"]) {
      const signal = new AbortController().signal;
      for await (const _chunk of cache.wrap(agent, null, tts).synthesize(`Hello ${name}.`, OPTIONS, signal)) {
      }
    }
    expect(tts.texts).toEqual(["Hello Ann.", "Hello Ann."]);
  });

  test("the turn pipeline greets an agent's second call from the cache, heard in full", async () => {
    const tts = new ScriptedTts(480, 160);
    const application = new AgentApplication({
      vad: new EnergyVadEngine(),
      providers: () => ({ llm: new ScriptedLlm([]), stt: new ScriptedStt([]), tts }),
    });
    const played: number[] = [];
    for (let call = 0; call < 2; call++) {
      const test = await startTestCall({ agent: { first_message: GREETING }, application, realTime: true });
      await test.untilReal(() => test.agentTurns().length > 0, 5_000, "the greeting heard out");
      expect(test.agentTurns()[0]!.text).toBe(GREETING);
      played.push(test.audio.playedSamples);
      await test.app.stop();
    }
    expect(tts.texts).toEqual([GREETING]);
    expect(played[1]).toBe(played[0]!);
  });
});
