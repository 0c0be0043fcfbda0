import { afterEach, describe, expect, test } from "bun:test";
import { startTestCall, type TestCall } from "../testing/test-call.ts";
import { isBackchannel, mayBecomeBackchannel } from "./backchannel.ts";

describe("mayBecomeBackchannel", () => {
  test("the start of an acknowledgement may become one; a word of no acknowledgement cannot", () => {
    for (const text of ["uh", "Mm", "yeah", "I", "oh okay"]) expect(mayBecomeBackchannel(text)).toBe(true);
    for (const text of ["wait", "no", "yes but", "okay?", "uh huh yeah okay right"]) {
      expect(mayBecomeBackchannel(text)).toBe(false);
    }
  });
});

describe("isBackchannel", () => {
  test("acknowledgements alone, in any spelling and punctuation, are backchannels", () => {
    for (const text of [
      "Mm-hm.",
      "mm hmm",
      "Uh-huh.",
      "yeah",
      "Yeah, right.",
      "Okay.",
      "OK",
      "Oh, okay.",
      "I see.",
    ]) {
      expect(isBackchannel(text)).toBe(true);
    }
  });

  test("words that take the floor, questions and longer speech are not", () => {
    for (const text of [
      "Wait.",
      "Stop.",
      "No.",
      "Wait, stop.",
      "Right?",
      "Okay, but what about Friday",
      "Yeah, I want to cancel.",
      "Sorry",
      "",
      "yeah yeah yeah yeah yeah",
    ]) {
      expect(isBackchannel(text)).toBe(false);
    }
  });
});

const LONG_ANSWER = "One two three four five six seven eight nine ten.";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

/** The caller asks; the agent speaks a long answer (300 ms a word). */
async function agentSpeaking(callerWords: string[]): Promise<TestCall> {
  call = await startTestCall({
    llm: [{ tokens: [LONG_ANSWER, " And more"] }, { tokens: ["Sure, tomorrow then."] }],
    stt: callerWords,
  });
  await call.speak(400);
  await call.until(() => call!.audio.playedSamples > 0);
  await call.silence(1200);
  return call;
}

describe("backchannels over the agent", () => {
  test("an 'uh-huh' long enough to stop the agent holds its audio, which goes on from the same sample: no flush, no turn", async () => {
    const call = await agentSpeaking(["what is it", "Uh-huh."]);
    await call.speak(400);
    expect(call.audio.pauses).toHaveLength(1);
    expect(call.audio.flushes).toHaveLength(0);
    // Held while the words are judged: nothing goes out, nothing is dropped.
    const playedAtHold = call.audio.playedSamples;
    const queuedAtHold = call.audio.queuedSamples;
    expect(queuedAtHold).toBeGreaterThan(0);
    await call.until(() => call.audio.resumes.length === 1);
    expect(call.audio.playedSamples).toBe(playedAtHold);
    expect(call.audio.queuedSamples).toBeGreaterThanOrEqual(queuedAtHold);
    await call.until(() => call.agentTurns().length === 1);
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.agentTurns()[0]).toMatchObject({ interrupted: false, text: `${LONG_ANSWER} And more` });
    // Every sample synthesised went out once, in order: the answer was not spoken again.
    const enqueued = call.audio.enqueued.reduce((sum, chunk) => sum + chunk.samples, 0);
    expect(call.audio.playedSamples).toBe(enqueued);
    expect(call.tts.texts).toEqual([...new Set(call.tts.texts)]);
    // The words were not a turn: not in the transcript, not sent to the model.
    expect(call.turns.filter((turn) => turn.role === "user").map((turn) => turn.text)).toEqual([
      "what is it",
    ]);
    expect(call.llm.requests).toHaveLength(1);
  });

  test("an interim 'uh-huh' that the VAD heard end lets the agent go on before the caller's turn ends", async () => {
    const call = await agentSpeaking(["what is it", "Uh-huh."]);
    await call.speak(300);
    expect(call.audio.pauses).toHaveLength(1);
    call.stt.emit({ text: "Uh-huh.", isFinal: false, endOfSpeech: false });
    await call.speak(100);
    expect(call.audio.resumes).toHaveLength(0);
    await call.until(() => call.audio.resumes.length === 1, 400);
    // Before the end of turn asked the STT for its final.
    expect(call.stt.flushes).toBe(1);
    await call.until(() => call.agentTurns().length === 1);
    expect(call.agentTurns()[0]).toMatchObject({ interrupted: false, text: `${LONG_ANSWER} And more` });
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.turns.filter((turn) => turn.role === "user").map((turn) => turn.text)).toEqual([
      "what is it",
    ]);
    expect(call.llm.requests).toHaveLength(1);
  });

  test("interim words that cannot be a backchannel interrupt the held agent while the caller still speaks", async () => {
    const call = await agentSpeaking(["what is it", "wait, I need Friday"]);
    await call.speak(300);
    expect(call.audio.pauses).toHaveLength(1);
    call.stt.emit({ text: "wait", isFinal: false, endOfSpeech: false });
    await call.speak(40);
    expect(call.audio.flushes).toHaveLength(1);
    expect(call.agentTurns()[0]!.interrupted).toBe(true);
    await call.speak(600);
    await call.until(() => call.llm.requests.length === 2);
    expect(call.llm.requests[1]!.messages.at(-1)).toEqual({ role: "user", content: "wait, I need Friday" });
  });

  test("'wait, stop' over the agent interrupts and is the caller's turn", async () => {
    const call = await agentSpeaking(["what is it", "wait, stop"]);
    await call.speak(400);
    expect(call.audio.pauses).toHaveLength(1);
    const playedAtHold = call.audio.playedSamples;
    await call.until(() => call.llm.requests.length === 2);
    // The held audio is dropped, not resumed: the caller heard nothing after the hold.
    expect(call.audio.flushes).toHaveLength(1);
    expect(call.audio.resumes).toHaveLength(0);
    expect(call.audio.playedSamples).toBe(playedAtHold);
    expect(call.llm.requests[1]!.messages.at(-1)).toEqual({ role: "user", content: "wait, stop" });
    expect(call.agentTurns()[0]!.interrupted).toBe(true);
  });
});
