import { afterEach, describe, expect, test } from "bun:test";
import { MAX_BACKCHANNEL_SPEECH_MS } from "./processors/interruption.ts";
import { startTestCall, type TestCall } from "./testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

const LONG_ANSWER = "One two three four five six seven eight nine ten.";

/** Caller asks, agent starts a long answer (4800 samples = 300 ms per word) and keeps generating. */
async function agentSpeaking(options: {
  stt: string[];
  hang?: boolean;
  stallOn?: string;
  tokens?: string[];
}) {
  call = await startTestCall({
    llm: [
      { tokens: options.tokens ?? [LONG_ANSWER, " And more"], hang: options.hang ?? true },
      { tokens: ["Sure, tomorrow then."] },
    ],
    stt: options.stt,
  });
  call.tts.stallOn = options.stallOn ?? null;
  await call.speak(400);
  await call.until(() => call!.audio.playedSamples > 0);
  return call;
}

describe("turn pipeline: barge-in", () => {
  test("caller speech longer than min_speech_ms stops playout within one frame; its words flush it and abort LLM and TTS", async () => {
    const call = await agentSpeaking({
      stt: ["what is it", "actually make it tomorrow"],
      tokens: [LONG_ANSWER, " Slow sentence here.", " And more"],
      stallOn: "Slow",
    });
    await call.silence(1000);
    const playedBefore = call.audio.playedSamples;
    expect(call.audio.queuedSamples).toBeGreaterThan(0);
    expect(call.audio.flushes).toHaveLength(0);

    const speechStartTick = call.audio.ticks + 1;
    await call.speak(400);
    // Held, not yet dropped: the words may be a backchannel.
    expect(call.audio.pauses).toHaveLength(1);
    expect(call.audio.flushes).toHaveLength(0);
    // 250 ms of speech as the VAD's 32 ms windows time it, plus at most one window and one frame.
    const ticksToHold = call.audio.pauses[0]! - speechStartTick;
    expect(ticksToHold).toBeGreaterThanOrEqual((250 - 32) / 20);
    expect(ticksToHold).toBeLessThanOrEqual(Math.ceil((250 + 32) / 20) + 1);
    // Nothing more is played from the hold on; the words that are not a backchannel flush it.
    const playedAtFlush = call.audio.playedSamples;
    await call.until(() => call.audio.flushes.length === 1);
    expect(call.audio.playedSamples).toBe(playedAtFlush);
    expect(call.audio.flushes[0]!.droppedSamples).toBeGreaterThan(0);
    expect(call.audio.resumes).toHaveLength(0);
    expect(call.llm.aborts).toBe(1);
    expect(call.tts.aborts).toBe(1);

    // The history keeps only the words that were played before the flush.
    const heardSamples = playedAtFlush - (playedBefore - 1000 * 16);
    expect(heardSamples).toBeGreaterThan(0);
    const interrupted = call.agentTurns()[0]!;
    expect(interrupted.interrupted).toBe(true);
    const heardWords = interrupted.text.split(" ");
    expect(heardWords.length).toBeGreaterThanOrEqual(3);
    expect(heardWords.length).toBeLessThan(10);
    expect(LONG_ANSWER.startsWith(interrupted.text)).toBe(true);

    // The caller's words become the next turn; the model sees the cut answer.
    await call.until(() => call.llm.requests.length === 2);
    const messages = call.llm.requests[1]!.messages;
    expect(messages.at(-2)).toEqual({ role: "assistant", content: interrupted.text });
    expect(messages.at(-1)).toEqual({ role: "user", content: "actually make it tomorrow" });
  });

  test("a backchannel shorter than min_speech_ms does not interrupt and is not answered", async () => {
    const call = await agentSpeaking({ stt: ["what is it", "mm-hm"], hang: false });
    await call.silence(600);
    await call.speak(100);
    await call.silence(1000);
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.llm.aborts).toBe(0);
    await call.until(() => call.agentTurns().length === 1);
    expect(call.agentTurns()[0]).toMatchObject({ interrupted: false, text: `${LONG_ANSWER} And more` });
    await call.silence(1000);
    expect(call.llm.requests).toHaveLength(1);
    expect(call.turns.filter((turn) => turn.role === "user").map((turn) => turn.text)).toEqual([
      "what is it",
    ]);
  });

  test("speech without words over the agent lets its held audio go on from the same sample", async () => {
    const call = await agentSpeaking({ stt: ["what is it", ""], hang: false });
    await call.silence(1200);
    await call.speak(400);
    expect(call.audio.pauses).toHaveLength(1);
    const playedAtHold = call.audio.playedSamples;
    await call.until(() => call.audio.resumes.length === 1);
    expect(call.audio.playedSamples).toBe(playedAtHold);
    await call.until(() => call.agentTurns().length === 1);
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.agentTurns()[0]).toMatchObject({ interrupted: false, text: `${LONG_ANSWER} And more` });
    // Every sample synthesised went out once: nothing dropped, nothing spoken again.
    const enqueued = call.audio.enqueued.reduce((sum, chunk) => sum + chunk.samples, 0);
    expect(call.audio.playedSamples).toBe(enqueued);
    expect(call.tts.texts).toEqual([...new Set(call.tts.texts)]);
    expect(call.llm.requests).toHaveLength(1);
  });

  test("interruptions.enabled = false lets the agent finish", async () => {
    call = await startTestCall({
      agent: { interruptions: { enabled: false, min_speech_ms: 250 } },
      llm: [{ tokens: ["One two three four five."] }],
      stt: ["hello"],
    });
    await call.speak(400);
    await call.until(() => call!.audio.playedSamples > 0);
    await call.speak(600);
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.llm.aborts).toBe(0);
  });

  test("a sound without words while the model is still thinking does not cancel it", async () => {
    call = await startTestCall({
      llm: [{ hang: true }, { tokens: ["Here is your answer."] }],
      stt: ["what time is it", ""],
    });
    await call.speak(400);
    await call.until(() => call!.llm.requests.length === 1);
    await call.silence(100);
    await call.speak(400);
    await call.until(() => call!.audio.resumes.length === 1);
    await call.silence(500);
    expect(call.llm.aborts).toBe(0);
    expect(call.llm.requests).toHaveLength(1);
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.turns.filter((turn) => turn.role === "user").map((turn) => turn.text)).toEqual([
      "what time is it",
    ]);
  });

  test("speech over the held agent longer than a backchannel interrupts before its words are known; without words the agent resumes from its first unheard word", async () => {
    call = await startTestCall({
      llm: [{ tokens: [LONG_ANSWER, " And more"] }],
      stt: ["what is it", ""],
    });
    await call.speak(400);
    await call.until(() => call!.audio.playedSamples > 0);
    await call.silence(1200);
    const speechStartTick = call.audio.ticks + 1;
    await call.speak(MAX_BACKCHANNEL_SPEECH_MS + 200);
    expect(call.audio.pauses).toHaveLength(1);
    expect(call.audio.flushes).toHaveLength(1);
    // At the backchannel's longest (plus the VAD's window and a frame), with the caller still talking.
    const ticksToFlush = call.audio.flushes[0]!.tick - speechStartTick;
    expect(ticksToFlush).toBeLessThanOrEqual(Math.ceil((MAX_BACKCHANNEL_SPEECH_MS + 32) / 20) + 1);
    expect(call.stt.flushes).toBe(1);
    await call.until(() => call!.agentTurns().length === 2);
    const [interrupted, resumed] = call.agentTurns();
    expect(interrupted!.interrupted).toBe(true);
    expect(`${interrupted!.text} ${resumed!.text}`).toBe(`${LONG_ANSWER} And more`);
    expect(call.llm.requests).toHaveLength(1);
  });

  test("speech that starts as the agent finishes and goes on is answered", async () => {
    call = await startTestCall({
      llm: [{ tokens: ["One two."] }, { tokens: ["Got it."] }],
      stt: ["hello", "I have a question"],
    });
    await call.speak(400);
    // "One two." is 600 ms of audio: start talking 100 ms before its end.
    await call.until(() => call!.audio.playedSamples >= 8000);
    await call.speak(600);
    expect(call.audio.flushes).toHaveLength(0);
    await call.until(() => call!.llm.requests.length === 2);
    expect(call.llm.requests[1]!.messages.at(-1)).toEqual({ role: "user", content: "I have a question" });
  });
});
