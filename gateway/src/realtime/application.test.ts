// The realtime application against the OpenAI Realtime and Gemini Live stand-ins, on a test
// call ticked in real time: greeting, a turn answered, end_call, usage, and barge-in that
// stops playout at once and truncates the model's item to what was played.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import type { Agent } from "@switchboard/shared/agent";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { FRAME_MS } from "../media/audio-format.ts";
import { EnergyVadEngine } from "../vad/energy.ts";
import type { RunningRealtimeApplication } from "./application.ts";
import { createRealtimeApplication } from "./create.ts";
import type { RealtimeSettings } from "./settings.ts";
import { RealtimeTestCall } from "./testing/realtime-call.ts";

const LONG_REPLY =
  "We have tables at six, seven and eight in the evening, on the terrace or inside, and we can also " +
  "arrange a quiet corner for the two of you if you would like one, with a view of the garden.";

let standIns: StandIns;
let call: RealtimeTestCall | null = null;

beforeAll(() => {
  standIns = startStandIns({
    realtime: {
      utterances: ["I would like to book a table for two.", "No, that is all. Goodbye."],
      firstAudioMs: 150,
      transcriptionDelayMs: 50,
      silenceDurationMs: 400,
    },
  });
});

afterEach(async () => {
  await call?.stop();
  call = null;
  standIns.realtime.openai.reset();
  standIns.realtime.gemini.reset();
  standIns.script.realtime.defaultReply = "Sure, I can help with that. What else would you like to know?";
});

afterAll(async () => {
  await standIns?.stop();
});

function application() {
  return createRealtimeApplication({
    config: loadConfig({ OPENAI_BASE_URL: standIns.urls.openai, GEMINI_BASE_URL: standIns.urls.gemini }),
    log: createLogger("silent"),
    vad: new EnergyVadEngine(),
  });
}

function agent(realtime: RealtimeSettings): Partial<Agent> {
  return {
    first_message: "Hello, this is Ada.",
    tools: [{ type: "end_call" }],
    realtime,
  };
}

const PROVIDERS: Array<[string, RealtimeSettings]> = [
  ["OpenAI Realtime", { provider: "openai", model: "gpt-realtime", voice: "marin" }],
  ["Gemini Live", { provider: "gemini", model: "gemini-live-2.5-flash-preview", voice: "Puck" }],
];

describe.each(PROVIDERS)("realtime application on %s", (_name, settings) => {
  const log = () => (settings.provider === "openai" ? standIns.realtime.openai : standIns.realtime.gemini);

  test("greets, answers the caller, ends the call with end_call and reports usage", async () => {
    call = await new RealtimeTestCall(application(), agent(settings)).start();
    const current = call;
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    expect(current.agentTurns()[0]).toMatchObject({ text: "Hello, this is Ada.", interrupted: false });
    expect(current.audio.playedSamples).toBeGreaterThan(8000);

    current.speak(1000);
    await waitFor("the reply played", () => current.agentTurns().length === 2, { timeoutMs: 10_000 });
    expect(current.userTurns()[0]!.text).toBe("I would like to book a table for two.");
    const reply = current.agentTurns()[1]!;
    expect(reply.text).toBe("Sure, I can help with that. What else would you like to know?");
    // Speech end -> first audio delta (the model) and -> first packet (the whole turn).
    expect(reply.latency?.llm_first_token_ms ?? 0).toBeGreaterThanOrEqual(150);
    expect(reply.latency?.total_ms ?? 0).toBeGreaterThanOrEqual(reply.latency?.llm_first_token_ms ?? 0);

    current.speak(1000);
    await waitFor("the hang-up", () => current.hangups.length === 1, { timeoutMs: 15_000 });
    expect(current.hangups).toEqual(["agent_end_call"]);
    expect(current.agentTurns().at(-1)!.text).toBe("Thank you for calling. Goodbye!");
    // The model's end_call is on the transcript, on the goodbye it came with.
    expect(current.agentTurns().at(-1)!.tool_calls).toEqual([
      {
        name: "end_call",
        arguments: "{}",
        result: '{"ok":true}',
        duration_ms: expect.any(Number),
        outcome: "completed",
      },
    ]);
    // The goodbye was heard before the hang-up.
    expect(current.audio.queuedSamples).toBe(0);
    const record = log().last()!;
    expect(record.tools).toContain("end_call");
    // OpenAI gets the end_call output without a response.create after it (nothing more is said);
    // Gemini's call is left unanswered, since a toolResponse would make the model go on.
    expect(record.functionResults).toHaveLength(settings.provider === "openai" ? 1 : 0);

    await current.stop();
    // The model's connection closes with the call.
    await waitFor("the connection closed", () => log().last()!.closed);
    const usage = (current.running as RunningRealtimeApplication).usage();
    expect(usage?.model).toBe(settings.model);
    expect(usage?.output_audio_tokens ?? 0).toBeGreaterThan(0);
    expect(usage?.input_audio_tokens ?? 0).toBeGreaterThan(0);
  }, 40_000);

  test("with turn_detection gateway, the gateway's VAD ends the caller's turn and asks for the answer", async () => {
    call = await new RealtimeTestCall(application(), {
      ...agent({ ...settings, turn_detection: "gateway" }),
      endpointing: { silence_ms: 300 },
    }).start();
    const current = call;
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    current.speak(1000);
    await waitFor("the reply played", () => current.agentTurns().length === 2, { timeoutMs: 10_000 });
    expect(current.userTurns()[0]!.text).toBe("I would like to book a table for two.");
    const record = log().last()!;
    if (settings.provider === "openai") {
      expect(
        (record.session.audio as { input: { turn_detection: unknown } }).input.turn_detection,
      ).toBeNull();
      expect(record.counts["input_audio_buffer.commit"]).toBe(1);
      // The greeting's and the answer's.
      expect(record.counts["response.create"]).toBe(2);
    } else {
      expect(record.session).toMatchObject({
        realtimeInputConfig: { automaticActivityDetection: { disabled: true } },
      });
      expect(record.counts["realtimeInput.activityStart"]).toBe(1);
      expect(record.counts["realtimeInput.activityEnd"]).toBe(1);
    }
  }, 40_000);

  test("the caller talking over a long reply stops playout at once and cuts the transcript", async () => {
    standIns.script.realtime.defaultReply = LONG_REPLY;
    call = await new RealtimeTestCall(application(), agent(settings)).start();
    const current = call;
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    const greetingChunks = current.audio.enqueued.length;
    current.speak(1000);
    await waitFor("the reply's audio", () => current.audio.enqueued.length > greetingChunks, {
      timeoutMs: 10_000,
    });
    const replyStart = current.audio.enqueued[greetingChunks]!.tick;
    await waitFor("two seconds of the reply played", () => current.audio.ticks >= replyStart + 100, {
      timeoutMs: 5_000,
    });
    const speechFrom = current.speak(1200);
    await waitFor("the barge-in", () => current.audio.flushes.length > 0, { timeoutMs: 5_000 });
    const flush = current.audio.flushes[0]!;
    // 250 ms of speech (min_speech_ms) and two 32 ms VAD windows, then the flush on that tick.
    expect(flush.tick - speechFrom).toBeLessThanOrEqual(250 / FRAME_MS + 4);
    expect(flush.droppedSamples).toBeGreaterThan(0);

    await waitFor("the cut turn", () => current.agentTurns().some((turn) => turn.interrupted), {
      timeoutMs: 5_000,
    });
    const cut = current.agentTurns().find((turn) => turn.interrupted)!;
    expect(LONG_REPLY.startsWith(cut.text)).toBe(true);
    expect(cut.text.length).toBeLessThan(LONG_REPLY.length);
    const playedMs = (flush.tick - replyStart) * FRAME_MS;
    if (settings.provider === "openai") {
      // The truncation reaches the model's socket after the cut turn is reported.
      const truncation = await waitFor("the truncation", () => log().last()!.truncations[0] ?? null);
      // The played duration by the playout clock, not the (much longer) audio received.
      expect(Math.abs(truncation.audio_end_ms - playedMs)).toBeLessThanOrEqual(2 * FRAME_MS);
    }
    // The transcript keeps the words in proportion to the audio played (250 ms a word).
    const words = cut.text.split(" ").length;
    expect(Math.abs(words - Math.floor(playedMs / 250))).toBeLessThanOrEqual(4);
  }, 40_000);
});
