// The end of a turn in real time with the real Deepgram adapter against the Deepgram stand-in,
// whose scripted transcripts follow the caller's audio: a final after each stretch of speech
// once Deepgram's own endpointing silence has passed, interims while speech goes on.
import { afterAll, afterEach, describe, expect, test } from "bun:test";
import type { Agent } from "@switchboard/shared/agent";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { DeepgramStt } from "../../providers/deepgram/stt.ts";
import { startTestCall, type TestCall } from "../testing/test-call.ts";
import { sttEndpointingMs } from "./policy.ts";

const standIns: StandIns = startStandIns({
  deepgram: {
    utterances: ["I'd like to book a table for", "two at seven."],
    finalizationDelayMs: 30,
    interimEveryMs: 200,
  },
});
afterAll(() => standIns.stop());

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

async function callerPausingAfterFor(agent: Partial<Agent>): Promise<TestCall> {
  const settings = { endpointing: { silence_ms: 500 }, ...agent } as Agent;
  call = await startTestCall({
    realTime: true,
    agent,
    llm: [{ tokens: ["A table for two at seven, done."] }, { tokens: ["For how many?"] }],
    providers: {
      stt: new DeepgramStt({
        baseUrl: standIns.urls.deepgram,
        apiKey: null,
        endpointingMs: sttEndpointingMs(settings),
      }),
    },
  });
  await call.speak(1200);
  await call.silence(900);
  await call.speak(600);
  await call.untilReal(() => call!.agentTurns().length >= 1, 10_000, "the agent's answer");
  await call.silence(600);
  return call;
}

describe("end of turn with Deepgram's transcripts timed to the audio", () => {
  test("adaptive: a 900 ms pause after 'I'd like to book a table for' is answered once, after the end, with the whole sentence", async () => {
    const answered = await callerPausingAfterFor({ endpointing: { silence_ms: 500 } });
    expect(answered.llm.requests).toHaveLength(1);
    expect(answered.llm.requests[0]!.messages.at(-1)).toEqual({
      role: "user",
      content: "I'd like to book a table for two at seven.",
    });
    expect(answered.turns.map((turn) => [turn.role, turn.text])).toEqual([
      ["user", "I'd like to book a table for two at seven."],
      ["agent", "A table for two at seven, done."],
    ]);
  }, 20_000);

  test("fixed 500 ms: Deepgram's speech_final at the pause ends the turn and the caller is cut off", async () => {
    const cut = await callerPausingAfterFor({
      endpointing: { silence_ms: 500 },
      turn: { mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 },
    });
    expect(cut.llm.requests[0]!.messages.at(-1)).toEqual({
      role: "user",
      content: "I'd like to book a table for",
    });
  }, 20_000);

  test("the adapter passes Deepgram's UtteranceEnd on after utterance_end_ms of silence", async () => {
    // Sent in a burst: the stand-in counts the audio's own time, not the clock's.
    const events: Array<{ text: string; utteranceEnd?: boolean }> = [];
    const stt = new DeepgramStt({ baseUrl: standIns.urls.deepgram, apiKey: null, endpointingMs: 200 });
    const session = await stt.open(
      { model: "nova-2", language: "en", sampleRateHz: 16_000 },
      (event) => events.push(event),
      () => {},
    );
    const frame = new Int16Array(320);
    for (let i = 0; i < frame.length; i++)
      frame[i] = Math.round(8000 * Math.sin((2 * Math.PI * 150 * i) / 16_000));
    for (let i = 0; i < 30; i++) session.sendAudio(frame);
    for (let i = 0; i < 60; i++) session.sendAudio(new Int16Array(320));
    const deadline = Date.now() + 5000;
    while (!events.some((event) => event.utteranceEnd) && Date.now() < deadline) await Bun.sleep(10);
    await session.close();
    const ends = events.filter((event) => event.utteranceEnd);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.text).toBe("");
    expect(standIns.state.of("deepgram").bodies.at(-1)).toMatchObject({ utterance_end_ms: "1000" });
  });
});
