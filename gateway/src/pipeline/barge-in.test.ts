import { afterEach, describe, expect, test } from "bun:test";
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
  test("caller speech longer than min_speech_ms flushes playout within one frame and aborts LLM and TTS", async () => {
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
    expect(call.audio.flushes).toHaveLength(1);
    const flush = call.audio.flushes[0]!;
    expect(flush.droppedSamples).toBeGreaterThan(0);
    // 250 ms of speech as the VAD's 32 ms windows time it, plus at most one window and one frame.
    const ticksToFlush = flush.tick - speechStartTick;
    expect(ticksToFlush).toBeGreaterThanOrEqual((250 - 32) / 20);
    expect(ticksToFlush).toBeLessThanOrEqual(Math.ceil((250 + 32) / 20) + 1);
    // Nothing more is played after the flush.
    const playedAtFlush = call.audio.playedSamples;
    await call.silence(100);
    expect(call.audio.playedSamples).toBe(playedAtFlush);
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

  test("an interruption without words resumes where the agent stopped", async () => {
    const call = await agentSpeaking({ stt: ["what is it", ""], hang: false });
    await call.silence(1200);
    await call.speak(400);
    expect(call.audio.flushes).toHaveLength(1);
    const interrupted = call.agentTurns()[0]!;
    expect(interrupted.interrupted).toBe(true);
    await call.until(() => call.agentTurns().length === 2);
    const resumed = call.agentTurns()[1]!;
    expect(resumed.interrupted).toBe(false);
    expect(`${interrupted.text} ${resumed.text}`).toBe(`${LONG_ANSWER} And more`);
    // Spoken again from the first unheard word; the model was not asked again.
    const resumedSentence = call.tts.texts.findLast((text) => resumed.text.startsWith(text))!;
    expect(resumedSentence.split(" ")[0]).toBe(resumed.text.split(" ")[0]);
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

  test("a wordless interruption while the model is still thinking asks the model again", async () => {
    call = await startTestCall({
      llm: [{ hang: true }, { tokens: ["Here is your answer."] }],
      stt: ["what time is it", ""],
    });
    await call.speak(400);
    await call.until(() => call!.llm.requests.length === 1);
    await call.silence(100);
    await call.speak(400);
    expect(call.llm.aborts).toBe(1);
    await call.until(() => call!.agentTurns().length === 1);
    expect(call.llm.requests).toHaveLength(2);
    expect(call.llm.requests[1]!.messages.at(-1)).toEqual({ role: "user", content: "what time is it" });
    // The caller heard nothing of the cut turn: only the answer is in the transcript.
    expect(call.agentTurns().map((turn) => [turn.text, turn.interrupted])).toEqual([
      ["Here is your answer.", false],
    ]);
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
