import { afterEach, describe, expect, test } from "bun:test";
import { startTestCall, type TestCall } from "./testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

describe("turn pipeline: silence and call length", () => {
  test("a silent caller is reprompted, then told goodbye and hung up on", async () => {
    call = await startTestCall({
      agent: { first_message: "Hello?", silence: { reprompt_ms: 3000, max_reprompts: 1 } },
    });
    await call.until(() => call!.agentTurns().length === 1);
    const greetingEndedAt = call.clock.now();
    await call.until(() => call!.tts.texts.length === 2, 10_000);
    expect(call.tts.texts[1]).toBe("Are you still there?");
    expect(call.clock.now() - greetingEndedAt).toBeGreaterThanOrEqual(3000);
    expect(call.clock.now() - greetingEndedAt).toBeLessThanOrEqual(3100);
    expect(call.hangups).toEqual([]);
    await call.until(() => call!.hangups.length === 1, 20_000);
    expect(call.tts.texts.slice(2).join(" ")).toBe(
      "I haven't heard from you, so I'll end the call now. Goodbye.",
    );
    expect(call.hangups).toEqual(["silence_timeout"]);
    expect(call.audio.queuedSamples).toBe(0);
    expect(call.llm.requests).toHaveLength(0);
  });

  test("caller speech resets the silence timer", async () => {
    call = await startTestCall({
      agent: { first_message: "Hello?", silence: { reprompt_ms: 3000, max_reprompts: 0 } },
      llm: [{ tokens: ["Sure."] }],
      stt: ["one moment"],
    });
    await call.until(() => call!.agentTurns().length === 1);
    await call.silence(2500);
    await call.speak(300);
    await call.until(() => call!.agentTurns().length === 2);
    await call.silence(2500);
    expect(call.hangups).toEqual([]);
    await call.until(() => call!.hangups.length === 1, 5000);
    expect(call.hangups).toEqual(["silence_timeout"]);
  });

  test("noise without words does not stop the reprompt", async () => {
    call = await startTestCall({
      agent: { first_message: "Hello?", silence: { reprompt_ms: 3000, max_reprompts: 1 } },
      stt: [""],
    });
    await call.until(() => call!.agentTurns().length === 1);
    await call.silence(1000);
    await call.speak(300);
    const noiseEndedAt = call.clock.now();
    await call.until(() => call!.tts.texts.length === 2, 10_000);
    expect(call.tts.texts[1]).toBe("Are you still there?");
    expect(call.clock.now() - noiseEndedAt).toBeGreaterThanOrEqual(3000);
    expect(call.llm.requests).toHaveLength(0);
  });

  test("max_duration_s ends the call with a goodbye", async () => {
    call = await startTestCall({
      agent: { max_duration_s: 10, silence: { reprompt_ms: 60_000 } },
      llm: [{ tokens: ["Let me tell you a very long story about everything."], hang: true }],
      stt: ["tell me a story"],
    });
    await call.speak(400);
    await call.until(() => call!.hangups.length === 1, 15_000);
    expect(call.hangups).toEqual(["max_duration"]);
    expect(call.clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(10_000);
    expect(call.llm.aborts).toBe(1);
    expect(call.tts.texts.slice(-2).join(" ")).toBe("We've reached the time limit for this call. Goodbye.");
  });

  test("sayGoodbye cuts the answer short, says the goodbye once and hangs up with its cause after it played", async () => {
    call = await startTestCall({
      agent: { silence: { reprompt_ms: 60_000 } },
      llm: [{ tokens: ["Let me tell you a very long story. ", "It starts long ago."] }],
      stt: ["tell me a story"],
    });
    await call.speak(400);
    await call.until(() => call!.audio.playedSamples >= 2 * 4800);
    const storyPlayedSamples = call.audio.playedSamples;
    call.app.sayGoodbye!("Sorry, I have to go. Goodbye.", "gateway_shutdown");
    call.app.sayGoodbye!("Sorry, I have to go. Goodbye.", "gateway_shutdown");
    await call.until(() => call!.hangups.length === 1, 5000);
    expect(call.hangups).toEqual(["gateway_shutdown"]);
    expect(call.tts.texts.filter((text) => text.includes("have to go"))).toHaveLength(1);
    expect(call.tts.texts.slice(-2).join(" ")).toBe("Sorry, I have to go. Goodbye.");
    expect(call.audio.queuedSamples).toBe(0);
    const agentTurns = call.agentTurns();
    expect(agentTurns.at(-2)).toMatchObject({ interrupted: true });
    expect(agentTurns.at(-2)?.text).not.toContain("long ago");
    expect(agentTurns.at(-1)?.text).toBe("Sorry, I have to go. Goodbye.");
    // 4800 samples a word: the goodbye's six words played after the story was cut.
    expect(call.audio.playedSamples - storyPlayedSamples).toBeGreaterThanOrEqual(6 * 4800);
  });

  test("stop closes the STT session", async () => {
    call = await startTestCall({});
    await call.silence(100);
    await call.app.stop();
    expect(call.stt.closed).toBe(true);
  });
});
