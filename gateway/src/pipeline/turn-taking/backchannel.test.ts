import { afterEach, describe, expect, test } from "bun:test";
import { startTestCall, type TestCall } from "../testing/test-call.ts";
import { isBackchannel } from "./backchannel.ts";

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
  test("an 'uh-huh' long enough to stop the agent is no turn: the agent resumes from its first unheard word", async () => {
    const call = await agentSpeaking(["what is it", "Uh-huh."]);
    await call.speak(400);
    expect(call.audio.flushes).toHaveLength(1);
    await call.until(() => call.agentTurns().length === 2);
    const [interrupted, resumed] = call.agentTurns();
    expect(interrupted!.interrupted).toBe(true);
    expect(`${interrupted!.text} ${resumed!.text}`).toBe(`${LONG_ANSWER} And more`);
    // The words were not a turn: not in the transcript, not sent to the model.
    expect(call.turns.filter((turn) => turn.role === "user").map((turn) => turn.text)).toEqual([
      "what is it",
    ]);
    expect(call.llm.requests).toHaveLength(1);
  });

  test("'wait, stop' over the agent interrupts and is the caller's turn", async () => {
    const call = await agentSpeaking(["what is it", "wait, stop"]);
    await call.speak(400);
    expect(call.audio.flushes).toHaveLength(1);
    await call.until(() => call.llm.requests.length === 2);
    expect(call.llm.requests[1]!.messages.at(-1)).toEqual({ role: "user", content: "wait, stop" });
    expect(call.agentTurns()[0]!.interrupted).toBe(true);
  });
});
