// End of turn from evidence and preemptive replies, driven frame by frame on a manual clock
// with the STT's transcripts emitted at chosen moments of the caller's audio.
import { afterEach, describe, expect, test } from "bun:test";
import type { LlmEvent, LlmProvider, LlmRequest } from "../../providers/types.ts";
import type { PipelineClock } from "../clock.ts";
import { startTestCall, TestCall } from "../testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

const FIXED = { mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 } as const;

/** An LLM whose first token takes `firstTokenMs` of the call's clock; records requests and aborts. */
class SlowLlm implements LlmProvider {
  readonly name = "slow-llm";
  readonly requests: LlmRequest[] = [];
  aborts = 0;
  clock: PipelineClock | null = null;

  constructor(
    private readonly firstTokenMs: number,
    private readonly replies: string[],
  ) {}

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    this.requests.push(structuredClone(request));
    const reply = this.replies.shift() ?? "Okay.";
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = this.clock!.setTimer(this.firstTokenMs, resolve);
        signal.addEventListener("abort", () => {
          timer.cancel();
          reject(signal.reason);
        });
      });
      yield { type: "text", text: reply };
      yield { type: "done", finishReason: "stop" };
    } finally {
      if (signal.aborted) this.aborts++;
    }
  }
}

/** A test call whose LLM runs on the call's own manual clock. */
function slowCall(llm: SlowLlm, options: ConstructorParameters<typeof TestCall>[0] = {}): Promise<TestCall> {
  const created = new TestCall({ ...options, providers: { llm } });
  llm.clock = created.clock;
  return created.start();
}

describe("adaptive end of turn", () => {
  test("a caller who pauses 900 ms after 'I'd like to book a table for' is answered once, after the end, with the whole sentence", async () => {
    call = await startTestCall({ llm: [{ tokens: ["A table for two at seven, done."] }] });
    await call.speak(1200);
    await call.silence(200);
    call.stt.emit({ text: "I'd like to book a table for", isFinal: true, endOfSpeech: true });
    await call.silence(700);
    expect(call.llm.requests).toHaveLength(0);
    await call.speak(600);
    await call.silence(200);
    call.stt.emit({ text: "two at seven.", isFinal: true, endOfSpeech: true });
    await call.until(() => call!.agentTurns().length === 1, 3000);
    await call.silence(2500);
    expect(call.llm.requests).toHaveLength(1);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({
      role: "user",
      content: "I'd like to book a table for two at seven.",
    });
    expect(call.turns.filter((turn) => turn.role === "user").map((turn) => turn.text)).toEqual([
      "I'd like to book a table for two at seven.",
    ]);
    expect(call.agentTurns()).toHaveLength(1);
    // Answered after the end: the speech end of the turn is the second utterance's.
    const latency = call.agentTurns()[0]!.latency!;
    expect(latency.endpointing_ms!).toBeLessThanOrEqual(260);
  });

  test("a fixed window of the same length cuts the same caller off at the pause", async () => {
    call = await startTestCall({
      agent: { turn: FIXED },
      llm: [{ tokens: ["For how many?"] }, { tokens: ["Done."] }],
    });
    await call.speak(1200);
    await call.silence(200);
    call.stt.emit({ text: "I'd like to book a table for", isFinal: true, endOfSpeech: true });
    await call.silence(700);
    expect(call.llm.requests).toHaveLength(1);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({
      role: "user",
      content: "I'd like to book a table for",
    });
  });

  test("a complete sentence ends near min_silence_ms; no transcript waits endpointing.silence_ms", async () => {
    call = await startTestCall({
      agent: { endpointing: { silence_ms: 700 } },
      llm: [{ tokens: ["Yes."] }, { tokens: ["Sure."] }],
      stt: ["", "hello"],
    });
    await call.speak(800);
    await call.silence(100);
    call.stt.emit({ text: "Are you open on Sunday?", isFinal: true, endOfSpeech: true });
    await call.until(() => call!.agentTurns().length === 1, 3000);
    const quick = call.agentTurns()[0]!.latency!;
    expect(quick.endpointing_ms!).toBeGreaterThanOrEqual(190);
    expect(quick.endpointing_ms!).toBeLessThanOrEqual(260);
    await call.silence(500);
    await call.speak(400);
    await call.until(() => call!.agentTurns().length === 2, 3000);
    const neutral = call.agentTurns()[1]!.latency!;
    expect(neutral.endpointing_ms!).toBeGreaterThanOrEqual(680);
    expect(neutral.endpointing_ms!).toBeLessThanOrEqual(740);
  });

  test("after the agent asks for a phone number, a pause between digit groups is not the end", async () => {
    call = await startTestCall({
      agent: { first_message: "Sure. What's the best phone number to reach you?" },
      llm: [{ tokens: ["Thanks, noted."] }],
    });
    await call.until(() => call!.agentTurns().length === 1, 10_000);
    await call.speak(700);
    await call.silence(200);
    call.stt.emit({ text: "555 014.", isFinal: true, endOfSpeech: true });
    await call.silence(900);
    expect(call.llm.requests).toHaveLength(0);
    await call.speak(700);
    await call.silence(200);
    call.stt.emit({ text: "2233.", isFinal: true, endOfSpeech: true });
    await call.until(() => call!.llm.requests.length === 1, 3000);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "555 014. 2233." });
  });

  test("interim text ending in a filler holds the turn until the STT's final says more", async () => {
    call = await startTestCall({ llm: [{ tokens: ["Friday it is."] }], stt: ["", ""] });
    await call.speak(800);
    call.stt.emit({ text: "book it for um", isFinal: false, endOfSpeech: false });
    await call.silence(1200);
    expect(call.llm.requests).toHaveLength(0);
    await call.speak(500);
    await call.silence(100);
    call.stt.emit({ text: "book it for um Friday.", isFinal: true, endOfSpeech: true });
    await call.until(() => call!.llm.requests.length === 1, 3000);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({
      role: "user",
      content: "book it for um Friday.",
    });
  });
});

describe("preemptive replies", () => {
  test("a reply started early and cancelled by the caller going on leaves no audio and no half turn", async () => {
    const llm = new SlowLlm(300, ["Sure, for when?", "Booked for seven."]);
    // A complete sentence waits about min_silence_ms (400): the caller goes on within it.
    call = await slowCall(llm, {
      agent: { turn: { mode: "adaptive", min_silence_ms: 400, max_silence_ms: 2000 } },
    });
    await call.speak(1200);
    await call.silence(160);
    call.stt.emit({ text: "I'd like to book a table.", isFinal: true, endOfSpeech: true });
    await call.silence(20);
    // The end is likely and the words settled: the request is out before the turn is confirmed.
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "I'd like to book a table." });
    await call.speak(600);
    expect(llm.aborts).toBe(1);
    expect(call.audio.enqueued).toHaveLength(0);
    expect(call.history).toEqual([{ role: "system", content: expect.any(String) }]);
    expect(call.turns).toHaveLength(0);
    await call.silence(100);
    call.stt.emit({ text: "For two at seven.", isFinal: true, endOfSpeech: true });
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(llm.requests).toHaveLength(2);
    expect(call.history.slice(1)).toEqual([
      { role: "user", content: "I'd like to book a table. For two at seven." },
      { role: "assistant", content: "Booked for seven." },
    ]);
    expect(call.turns.map((turn) => [turn.role, turn.text])).toEqual([
      ["user", "I'd like to book a table. For two at seven."],
      ["agent", "Booked for seven."],
    ]);
  });

  test("a confirmed turn uses the reply already started and the report shows the time saved", async () => {
    const llm = new SlowLlm(300, ["We open at nine."]);
    call = await slowCall(llm, { agent: { turn: FIXED, endpointing: { silence_ms: 600 } } });
    await call.speak(800);
    await call.silence(100);
    call.stt.emit({ text: "When do you open?", isFinal: false, endOfSpeech: false });
    await call.silence(20);
    // Interim words heard after the caller stopped that end a sentence start the reply at once.
    expect(llm.requests).toHaveLength(1);
    // The final with the same words (other case and punctuation) keeps that reply.
    call.stt.emit({ text: "when do you open", isFinal: true, endOfSpeech: false });
    await call.silence(20);
    expect(llm.requests).toHaveLength(1);
    expect(llm.aborts).toBe(0);
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(llm.requests).toHaveLength(1);
    expect(llm.aborts).toBe(0);
    const latency = call.agentTurns()[0]!.latency!;
    expect(latency.preemptive).toBe(true);
    // Requested about 100 ms after the speech end, needed at 600: the first token (300 ms
    // after the request) was there 300 ms sooner than a request at the end of turn would have had it.
    expect(latency.preemptive_saved_ms!).toBeGreaterThanOrEqual(280);
    expect(latency.preemptive_saved_ms!).toBeLessThanOrEqual(300);
    expect(latency.llm_first_token_ms).toBe(300);
    expect(call.history.slice(1)).toEqual([
      { role: "user", content: "when do you open" },
      { role: "assistant", content: "We open at nine." },
    ]);
  });

  test("an interim unchanged since the caller stopped starts the reply; the final with the same words adopts it", async () => {
    const llm = new SlowLlm(300, ["We open at nine."]);
    call = await slowCall(llm, { stt: ["When do you open?"] });
    await call.speak(600);
    call.stt.emit({ text: "when do you open", isFinal: false, endOfSpeech: false });
    await call.speak(200);
    call.stt.emit({ text: "When do you open?", isFinal: false, endOfSpeech: false });
    await call.speak(100);
    await call.silence(160);
    // The VAD has stopped and the interim is settled: the request is out before any final.
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "When do you open?" });
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(llm.requests).toHaveLength(1);
    expect(call.stt.flushes).toBe(1);
    const latency = call.agentTurns()[0]!.latency!;
    expect(latency.preemptive).toBe(true);
    // Requested at the VAD's stop, needed at the end of turn (about 210 ms after the speech end).
    expect(latency.preemptive_saved_ms!).toBeGreaterThan(0);
    expect(latency.preemptive_saved_ms!).toBeLessThan(latency.endpointing_ms!);
  });

  test("words that end the turn start the reply at the VAD's first quiet window, before its stop", async () => {
    const llm = new SlowLlm(300, ["We open at nine."]);
    call = await slowCall(llm, { stt: ["When do you open?"] });
    await call.speak(600);
    call.stt.emit({ text: "When do you open?", isFinal: false, endOfSpeech: false });
    await call.speak(100);
    // Still speech for the VAD: no request yet.
    expect(llm.requests).toHaveLength(0);
    await call.silence(60);
    // Quiet, but short of the VAD's 96 ms hangover: the turn is open, the request is out.
    expect(llm.requests).toHaveLength(1);
    expect(call.stt.flushes).toBe(0);
    expect(llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "When do you open?" });
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(llm.requests).toHaveLength(1);
    expect(llm.aborts).toBe(0);
    const latency = call.agentTurns()[0]!.latency!;
    expect(latency.preemptive).toBe(true);
    // Requested within about 60 ms of the speech end, needed after the end of turn and the final.
    expect(latency.preemptive_saved_ms!).toBeGreaterThanOrEqual(latency.endpointing_ms! - 60);
  });

  test("speech again within the VAD's hangover cancels the reply started in it: no audio, no half turn", async () => {
    const llm = new SlowLlm(300, ["Sure, for when?", "Booked for two."]);
    call = await slowCall(llm, { stt: ["I'd like a table. For two."] });
    await call.speak(800);
    call.stt.emit({ text: "I'd like a table.", isFinal: false, endOfSpeech: false });
    await call.speak(100);
    await call.silence(60);
    expect(llm.requests).toHaveLength(1);
    // The caller goes on before the VAD called the speech stopped.
    await call.speak(40);
    expect(llm.aborts).toBe(1);
    await call.speak(500);
    expect(call.audio.enqueued).toHaveLength(0);
    expect(call.turns).toHaveLength(0);
    expect(call.history).toEqual([{ role: "system", content: expect.any(String) }]);
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(call.turns.map((turn) => [turn.role, turn.text])).toEqual([
      ["user", "I'd like a table. For two."],
      ["agent", "Booked for two."],
    ]);
    expect(llm.requests).toHaveLength(2);
    expect(call.history.slice(1)).toEqual([
      { role: "user", content: "I'd like a table. For two." },
      { role: "assistant", content: "Booked for two." },
    ]);
  });

  test("an interim revised to words that leave the clause open cancels the reply started on it", async () => {
    const llm = new SlowLlm(300, ["Sure, for when?", "Friday it is."]);
    call = await slowCall(llm, {
      agent: { turn: { mode: "adaptive", min_silence_ms: 400, max_silence_ms: 2000 } },
    });
    await call.speak(800);
    await call.silence(120);
    call.stt.emit({ text: "I'd like a table.", isFinal: false, endOfSpeech: false });
    await call.silence(20);
    expect(llm.requests).toHaveLength(1);
    // The STT hears one more word in the same speech: the sentence was not over.
    call.stt.emit({ text: "I'd like a table for", isFinal: false, endOfSpeech: false });
    await call.silence(20);
    expect(llm.aborts).toBe(1);
    expect(llm.requests).toHaveLength(1);
    expect(call.audio.enqueued).toHaveLength(0);
    expect(call.turns).toHaveLength(0);
  });

  test("knowledge is retrieved once for a preemptive reply and goes into its request", async () => {
    const queries: string[] = [];
    call = await startTestCall({
      llm: [{ tokens: ["We open at nine."] }],
      stt: ["When do you open?"],
      retrieveContext: async (_call, query) => {
        queries.push(query);
        return "Opening hours: 9:00-17:00.";
      },
    });
    await call.speak(600);
    call.stt.emit({ text: "When do you open?", isFinal: false, endOfSpeech: false });
    await call.speak(300);
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(queries).toEqual(["When do you open?"]);
    expect(call.llm.requests).toHaveLength(1);
    expect(call.llm.requests[0]!.messages.slice(-2)).toEqual([
      { role: "user", content: "When do you open?" },
      { role: "system", content: "Opening hours: 9:00-17:00." },
    ]);
    expect(call.agentTurns()[0]!.latency!.preemptive).toBe(true);
  });

  test("a reply started on words the final transcript extends is dropped for one on the whole turn", async () => {
    const llm = new SlowLlm(100, ["Too early.", "Right answer."]);
    call = await slowCall(llm, { stt: ["and two coffees."] });
    await call.speak(800);
    await call.silence(160);
    call.stt.emit({ text: "One tea.", isFinal: true, endOfSpeech: false });
    await call.silence(20);
    expect(llm.requests).toHaveLength(1);
    await call.until(() => call!.agentTurns().length === 1, 5000);
    expect(llm.requests).toHaveLength(2);
    expect(llm.aborts).toBe(1);
    expect(call.agentTurns()[0]!.text).toBe("Right answer.");
    expect(call.agentTurns()[0]!.latency!.preemptive).toBeUndefined();
    expect(call.history.slice(1)).toEqual([
      { role: "user", content: "One tea. and two coffees." },
      { role: "assistant", content: "Right answer." },
    ]);
  });
});
