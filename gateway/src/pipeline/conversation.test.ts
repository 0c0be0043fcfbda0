import { afterEach, describe, expect, test } from "bun:test";
import { startTestCall, type TestCall } from "./testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

describe("turn pipeline: conversation", () => {
  test("greets with first_message and fills {{name}} placeholders; objective goes into the system prompt", async () => {
    call = await startTestCall({
      agent: {
        first_message: "Hi {{customer_name}}, this is {{agent_name}}.",
        system_prompt: "You call {{customer_name}} about order {{order_id}}.",
      },
      metadata: { customer_name: "Ada", order_id: 4417 },
      objective: "Confirm delivery for {{customer_name}}.",
      llm: [{ tokens: ["Great."] }],
      stt: ["yes that works"],
    });
    await call.until(() => call!.agentTurns().length === 1);
    expect(call.tts.texts).toEqual(["Hi Ada, this is Test agent."]);
    await call.speak(400);
    await call.until(() => call!.llm.requests.length === 1);
    const system = call.llm.requests[0]!.messages[0]!;
    expect(system.role).toBe("system");
    expect(system.content).toContain("You call Ada about order 4417.");
    expect(system.content).toContain("Objective for this call: Confirm delivery for Ada.");
    expect(system.content).not.toContain("{{");
    expect(call.llm.requests[0]!.messages[1]).toEqual({
      role: "assistant",
      content: "Hi Ada, this is Test agent.",
    });
  });

  test("waits for the caller when first_message is empty, then answers one turn with its latency", async () => {
    call = await startTestCall({
      llm: [{ tokens: ["We open ", "at nine."] }],
      stt: ["when do you open"],
    });
    await call.silence(200);
    expect(call.audio.enqueued).toHaveLength(0);
    await call.speak(600);
    await call.silence(300);
    expect(call.stt.flushes).toBe(0);
    await call.until(() => call!.agentTurns().length === 1);
    expect(call.stt.flushes).toBe(1);
    expect(call.stt.receivedSamples).toBeGreaterThan(600 * 16);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "when do you open" });
    const [user, agent] = call.turns;
    expect(user).toMatchObject({ role: "user", text: "when do you open", latency: null });
    expect(agent).toMatchObject({ role: "agent", text: "We open at nine.", interrupted: false });
    const latency = agent!.latency!;
    // Silence window 400 ms after the VAD's speech end (the VAD's own hangover counts in it).
    expect(latency.endpointing_ms).toBeGreaterThanOrEqual(380);
    expect(latency.endpointing_ms).toBeLessThanOrEqual(440);
    for (const key of [
      "stt_ms",
      "llm_first_token_ms",
      "tts_first_byte_ms",
      "first_packet_ms",
      "total_ms",
    ] as const) {
      expect(latency[key]).not.toBeNull();
    }
    expect(latency.total_ms!).toBeGreaterThanOrEqual(latency.endpointing_ms!);
    expect(call.history.at(-1)).toEqual({ role: "assistant", content: "We open at nine." });
  });

  test("sends each sentence to TTS as soon as it is complete, before the model finishes", async () => {
    call = await startTestCall({
      llm: [{ tokens: ["Sure", ". Your table", " is booked", " for two.", " We", " look"], hang: true }],
      stt: ["book a table"],
    });
    await call.speak(400);
    await call.until(() => call!.tts.texts.length === 2);
    expect(call.tts.texts).toEqual(["Sure.", "Your table is booked for two."]);
    expect(call.audio.enqueued.length).toBeGreaterThan(0);
    expect(call.llm.aborts).toBe(0);
  });

  test("the caller's DTMF reaches the model as text", async () => {
    call = await startTestCall({ llm: [{ tokens: ["You chose five."] }] });
    call.audio.pressKey("5");
    await call.until(() => call!.llm.requests.length === 1);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "[caller pressed 5]" });
    await call.until(() => call!.agentTurns().length === 1);
    call.audio.pressKey("1");
    call.audio.pressKey("2");
    call.audio.pressKey("#");
    await call.until(() => call!.llm.requests.length === 2);
    expect(call.llm.requests[1]!.messages.at(-1)).toEqual({ role: "user", content: "[caller pressed 12#]" });
  });

  test("knowledge retrieved for the caller's words goes into that request only", async () => {
    const queries: string[] = [];
    call = await startTestCall({
      llm: [{ tokens: ["We open at nine."] }, { tokens: ["Bye."] }],
      stt: ["when do you open", "thanks"],
      retrieveContext: async (_call, query) => {
        queries.push(query);
        return query.includes("open") ? "Opening hours: 9:00-17:00." : null;
      },
    });
    await call.speak(400);
    await call.until(() => call!.agentTurns().length === 1);
    expect(queries).toEqual(["when do you open"]);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({
      role: "system",
      content: "Opening hours: 9:00-17:00.",
    });
    await call.speak(400);
    await call.until(() => call!.llm.requests.length === 2);
    const second = call.llm.requests[1]!.messages;
    expect(second.filter((message) => message.content === "Opening hours: 9:00-17:00.")).toHaveLength(0);
    expect(second.at(-1)).toEqual({ role: "user", content: "thanks" });
  });

  test("a fixed turn: the STT's end-of-speech ends the turn before the silence window", async () => {
    call = await startTestCall({
      agent: {
        endpointing: { silence_ms: 1500 },
        turn: { mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 },
      },
      llm: [{ tokens: ["Hi."] }],
    });
    await call.speak(400);
    await call.silence(200);
    call.stt.emit({ text: "hello there", isFinal: true, endOfSpeech: true });
    await call.silence(20);
    expect(call.llm.requests).toHaveLength(1);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "hello there" });
    await call.until(() => call!.agentTurns().length === 1);
    const latency = call.agentTurns()[0]!.latency!;
    expect(latency.endpointing_ms!).toBeLessThan(400);
    expect(latency.stt_ms).toBe(0);
  });

  test("a dropped STT session is replaced and gets the utterance again", async () => {
    call = await startTestCall({ llm: [{ tokens: ["Hi."] }], stt: ["hello there"] });
    await call.speak(200);
    call.stt.fail();
    await call.speak(200);
    await call.until(() => call!.llm.requests.length === 1);
    expect(call.stt.sessions).toBe(2);
    // The new session heard the whole utterance, from the pre-roll on.
    expect(call.stt.receivedSamples).toBeGreaterThanOrEqual(400 * 16);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "hello there" });
  });

  test("a session dropped while a flush is pending gets the flush again", async () => {
    call = await startTestCall({ llm: [{ tokens: ["Hi."] }], stt: [null, "are you there"] });
    await call.speak(400);
    await call.until(() => call!.stt.flushes === 1);
    await call.silence(100);
    expect(call.llm.requests).toHaveLength(0);
    call.stt.fail();
    await call.until(() => call!.llm.requests.length === 1);
    expect(call.stt.sessions).toBe(2);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "are you there" });
  });
});
