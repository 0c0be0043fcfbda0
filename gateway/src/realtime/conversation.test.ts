// What a realtime call keeps of the pipeline's behaviour, against the OpenAI Realtime stand-in:
// the agent's own echo does not interrupt it, an interruption without words resumes the cut
// reply, keypad digits reach the model as text, a silent caller is reprompted then hung up on,
// the goodbye at max duration, and knowledge retrieval as a tool.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import type { Agent } from "@switchboard/shared/agent";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { EnergyVadEngine } from "../vad/energy.ts";
import { createRealtimeApplication } from "./create.ts";
import type { EchoOptions } from "./testing/line-audio.ts";
import { RealtimeTestCall } from "./testing/realtime-call.ts";
import { KNOWLEDGE_TOOL_NAME } from "./tools.ts";

const LONG_REPLY =
  "We have tables at six, seven and eight in the evening, on the terrace or inside, and we can also " +
  "arrange a quiet corner for the two of you if you would like one, with a view of the garden.";
const DEFAULT_REPLY = "Sure, I can help with that. What else would you like to know?";

let standIns: StandIns;
let call: RealtimeTestCall | null = null;

beforeAll(() => {
  standIns = startStandIns({
    realtime: { firstAudioMs: 150, transcriptionDelayMs: 50, silenceDurationMs: 400 },
  });
});

afterEach(async () => {
  await call?.stop();
  call = null;
  standIns.realtime.openai.reset();
  Object.assign(standIns.script.realtime, {
    defaultReply: DEFAULT_REPLY,
    minWordsSpeechMs: 200,
    utterances: ["I would like to book a table for two people tomorrow evening."],
    rules: [],
  });
});

afterAll(async () => {
  await standIns?.stop();
});

function start(
  agent: Partial<Agent>,
  options: {
    echo?: EchoOptions;
    retrieve?: (query: string) => string;
    turnDetection?: "server_vad" | "gateway";
  } = {},
): Promise<RealtimeTestCall> {
  const retrieve = options.retrieve;
  const application = createRealtimeApplication({
    config: loadConfig({ OPENAI_BASE_URL: standIns.urls.openai, ALLOW_PRIVATE_URLS: "true" }),
    log: createLogger("silent"),
    vad: new EnergyVadEngine(),
    retrieveContext: retrieve ? async (_call, query) => retrieve(query) : undefined,
  });
  const realtime = {
    provider: "openai" as const,
    model: "gpt-realtime",
    voice: "marin",
    turn_detection: options.turnDetection ?? "server_vad",
  };
  call = new RealtimeTestCall(
    application,
    { first_message: "Hello, this is Ada.", realtime, ...agent },
    options.echo ?? null,
  );
  return call.start();
}

function clientEvents(type: string): Array<Record<string, unknown>> {
  return (standIns.realtime.openai.last()?.events ?? []).filter((event) => event.type === type);
}

describe("realtime conversation behaviour (OpenAI Realtime stand-in)", () => {
  test("the agent's own echo (-10 dB, 60 ms) does not interrupt its reply", async () => {
    standIns.script.realtime.defaultReply = LONG_REPLY;
    const current = await start({}, { echo: { gainDb: -10, delayMs: 60 }, turnDetection: "gateway" });
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    current.speak(1000);
    await waitFor("the long reply played to its end", () => current.agentTurns().length === 2, {
      timeoutMs: 20_000,
    });
    expect(current.agentTurns()[1]).toMatchObject({ text: LONG_REPLY, interrupted: false });
    expect(current.audio.flushes).toHaveLength(0);
    expect(standIns.realtime.openai.last()!.truncations).toHaveLength(0);
  }, 40_000);

  test("an interruption without words asks the model to say the rest of the cut reply", async () => {
    standIns.script.realtime.defaultReply = LONG_REPLY;
    const current = await start({});
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    const greetingChunks = current.audio.enqueued.length;
    current.speak(1000);
    await waitFor("the reply's audio", () => current.audio.enqueued.length > greetingChunks, {
      timeoutMs: 10_000,
    });
    const replyStart = current.audio.enqueued[greetingChunks]!.tick;
    await waitFor("a second of the reply", () => current.audio.ticks >= replyStart + 50, {
      timeoutMs: 5_000,
    });
    // 300 ms over the agent interrupts (min_speech_ms 250) but holds no words for the model.
    standIns.script.realtime.minWordsSpeechMs = 1000;
    current.speak(300);
    await waitFor("the barge-in", () => current.audio.flushes.length > 0, { timeoutMs: 5_000 });
    const cut = current.agentTurns().find((turn) => turn.interrupted)!;
    const remainder = LONG_REPLY.slice(cut.text.length).trim();
    const resumed = await waitFor(
      "the resume request",
      () =>
        clientEvents("response.create").find((event) =>
          String((event.response as { instructions?: string } | undefined)?.instructions ?? "").includes(
            remainder,
          ),
        ),
      { timeoutMs: 5_000 },
    );
    expect(resumed).toBeDefined();
    // No user turn for the wordless interruption.
    expect(current.userTurns().map((turn) => turn.text)).toEqual([
      "I would like to book a table for two people tomorrow evening.",
    ]);
  }, 40_000);

  test("keypad digits reach the model as one text message and a user turn", async () => {
    const current = await start({});
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    current.audio.pressKey("4");
    current.audio.pressKey("2");
    const item = await waitFor("the digits at the model", () => clientEvents("conversation.item.create")[0], {
      timeoutMs: 5_000,
    });
    expect(item.item).toEqual({
      type: "message",
      role: "user",
      content: [{ type: "input_text", text: "[caller pressed 42]" }],
    });
    expect(current.userTurns()[0]!.text).toBe("42");
    await waitFor("the answer", () => current.agentTurns().length === 2, { timeoutMs: 10_000 });
  });

  test("a response queued behind one still playing: both are heard and reported in order", async () => {
    standIns.script.realtime.defaultReply = "Sure, I can help with that.";
    const current = await start({
      first_message: "Hello, this is Ada. We have tables at six, seven and eight this evening.",
      interruptions: { enabled: false, min_speech_ms: 250 },
    });
    // Keys while the greeting plays: with interruptions off, the answer waits behind it.
    await waitFor("the greeting playing", () => current.audio.playedSamples > 16_000, { timeoutMs: 10_000 });
    current.audio.pressKey("5");
    await waitFor("both played", () => current.agentTurns().length === 2, { timeoutMs: 15_000 });
    expect(current.agentTurns().map((turn) => [turn.text, turn.interrupted])).toEqual([
      ["Hello, this is Ada. We have tables at six, seven and eight this evening.", false],
      ["Sure, I can help with that.", false],
    ]);
    expect(current.audio.flushes).toHaveLength(0);
  });

  test("a silent caller is reprompted, then hears the goodbye and the call ends", async () => {
    const current = await start({
      silence: {
        reprompt_ms: 800,
        max_reprompts: 1,
        reprompt_message: "Are you still there?",
        hangup_message: "I will hang up now. Goodbye.",
      },
    });
    await waitFor("the hang-up", () => current.hangups.length === 1, { timeoutMs: 15_000 });
    expect(current.hangups).toEqual(["silence_timeout"]);
    expect(current.agentTurns().map((turn) => turn.text)).toEqual([
      "Hello, this is Ada.",
      "Are you still there?",
      "I will hang up now. Goodbye.",
    ]);
    expect(current.audio.queuedSamples).toBe(0);
  });

  test("the goodbye at max duration cuts the reply, is spoken, then the call hangs up", async () => {
    standIns.script.realtime.defaultReply = LONG_REPLY;
    const current = await start({});
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    current.speak(1000);
    const greetingChunks = current.audio.enqueued.length;
    await waitFor("the reply's audio", () => current.audio.enqueued.length > greetingChunks, {
      timeoutMs: 10_000,
    });
    const replyStart = current.audio.enqueued[greetingChunks]!.tick;
    await waitFor("a second of the reply", () => current.audio.ticks >= replyStart + 50, {
      timeoutMs: 5_000,
    });
    current.running.sayGoodbye?.("We have reached the time limit. Goodbye.", "max_duration");
    await waitFor("the hang-up", () => current.hangups.length === 1, { timeoutMs: 10_000 });
    expect(current.hangups).toEqual(["max_duration"]);
    const turns = current.agentTurns();
    expect(turns.at(-2)!.interrupted).toBe(true);
    expect(turns.at(-1)).toMatchObject({
      text: "We have reached the time limit. Goodbye.",
      interrupted: false,
    });
  });

  test("a tool still running when the caller talks over the agent is cancelled, and its output says so", async () => {
    const requests: string[] = [];
    const slowTool = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      async fetch(request) {
        requests.push(new URL(request.url).pathname);
        await Bun.sleep(3000);
        return Response.json({ free: true });
      },
    });
    try {
      Object.assign(standIns.script.realtime, {
        utterances: ["Is there a table free tonight?", "Never mind."],
        rules: [
          {
            match: "table",
            reply: "Let me look that up for you right now, one moment please.",
            toolCalls: [{ name: "lookup_table", arguments: {} }],
          },
        ],
      });
      const current = await start({
        tools: [
          {
            type: "http",
            name: "lookup_table",
            description: "Whether a table is free.",
            url: `http://127.0.0.1:${slowTool.port}/lookup`,
          },
        ],
      });
      await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
      const greetingChunks = current.audio.enqueued.length;
      current.speak(1000);
      await waitFor("the reply's audio", () => current.audio.enqueued.length > greetingChunks, {
        timeoutMs: 10_000,
      });
      await waitFor("the tool's request", () => requests.length === 1, { timeoutMs: 5_000 });
      current.speak(800);
      const record = await waitFor(
        "the tool's output",
        () => {
          const last = standIns.realtime.openai.last();
          return last?.functionResults.length ? last : null;
        },
        { timeoutMs: 5_000 },
      );
      expect(JSON.parse(String(record.functionResults[0]!.output))).toEqual({
        error: "cancelled: the caller interrupted",
      });
      expect(current.agentTurns().some((turn) => turn.interrupted)).toBe(true);
      // The caller's words are answered, not the cancelled lookup.
      await waitFor("the answer to the caller", () => current.userTurns().length === 2, {
        timeoutMs: 10_000,
      });
      expect(current.userTurns()[1]!.text).toBe("Never mind.");
      // The cancelled lookup is on the transcript as cancelled, with what the model was told.
      await waitFor("the cancelled call on the transcript", () =>
        current.agentTurns().some((turn) => turn.tool_calls?.length),
      );
      const recorded = current.agentTurns().flatMap((turn) => turn.tool_calls ?? []);
      expect(recorded).toEqual([
        expect.objectContaining({
          name: "lookup_table",
          outcome: "cancelled",
          result: JSON.stringify({ error: "cancelled: the caller interrupted" }),
        }),
      ]);
    } finally {
      slowTool.stop(true);
    }
  }, 40_000);

  test("knowledge retrieval is a tool the model calls with a query", async () => {
    Object.assign(standIns.script.realtime, {
      utterances: ["When are you open?"],
      rules: [
        {
          match: "open",
          reply: "Let me check.",
          toolCalls: [{ name: KNOWLEDGE_TOOL_NAME, arguments: { query: "opening hours" } }],
        },
      ],
    });
    const queries: string[] = [];
    const current = await start(
      { knowledge: { mode: "all", source_ids: [], top_k: 3 } },
      {
        retrieve: (query) => {
          queries.push(query);
          return "We are open from noon to eleven every day.";
        },
      },
    );
    await waitFor("the greeting played", () => current.agentTurns().length === 1, { timeoutMs: 10_000 });
    current.speak(1000);
    const record = await waitFor(
      "the tool's result",
      () => {
        const last = standIns.realtime.openai.last();
        return last?.functionResults.length ? last : null;
      },
      { timeoutMs: 10_000 },
    );
    expect(record.tools).toContain(KNOWLEDGE_TOOL_NAME);
    expect(queries).toEqual(["opening hours"]);
    expect(JSON.parse(String(record.functionResults[0]!.output))).toEqual({
      passages: "We are open from noon to eleven every day.",
    });
    await waitFor(
      "the answer after the lookup",
      () => current.agentTurns().some((turn) => turn.text === "Done."),
      {
        timeoutMs: 10_000,
      },
    );
    expect(current.agentTurns().flatMap((turn) => turn.tool_calls ?? [])).toEqual([
      {
        name: KNOWLEDGE_TOOL_NAME,
        arguments: JSON.stringify({ query: "opening hours" }),
        result: JSON.stringify({ passages: "We are open from noon to eleven every day." }),
        duration_ms: expect.any(Number),
        outcome: "completed",
      },
    ]);
  });
});
