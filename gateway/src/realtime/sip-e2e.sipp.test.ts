// End to end over SIP with a realtime agent: SIPp calls the gateway and speaks (espeak-ng,
// G.711 u-law over RTP); the agent runs on the OpenAI Realtime stand-in in audio/pcmu. The
// greeting, an answered turn, end_call, the transcript and usage on call.ended; and a caller
// talking over a long reply, which truncates the model's item to the audio played. The same
// conversation against the Gemini Live stand-in (16 kHz PCM in, 24 kHz out).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import type { CallEvent, TranscriptTurn } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import {
  publishRoute,
  startTestGateway,
  TEST_AGENT_ID,
  type TestGateway,
  testAgent,
} from "../calls/testing/test-gateway.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import type { RealtimeSettings } from "./settings.ts";

const DEFAULT_REPLY = "Sure, I can help with that. What else would you like to know?";
const LONG_REPLY =
  "We have tables at six, seven and eight in the evening, on the terrace or inside, and we can also " +
  "arrange a quiet corner for the two of you if you would like one, with a view of the garden.";

let dir: string;
let callerAudio: string;
let standIns: StandIns;
let gateway: TestGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "realtime-sipp-"));
  const wav = join(dir, "caller.wav");
  callerAudio = join(dir, "caller.ulaw");
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, "I would like to book a table for two"]).exitCode).toBe(0);
  expect(
    Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", callerAudio]).exitCode,
  ).toBe(0);
  standIns = startStandIns({
    realtime: {
      utterances: ["I would like to book a table for two.", "No, that is all. Goodbye."],
      defaultReply: DEFAULT_REPLY,
      firstAudioMs: 150,
      transcriptionDelayMs: 50,
      silenceDurationMs: 400,
    },
  });
  const config = loadConfig({ OPENAI_BASE_URL: standIns.urls.openai, GEMINI_BASE_URL: standIns.urls.gemini });
  gateway = await startTestGateway({
    env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
    application: await createAgentApplication({ config, log: createLogger("fatal") }),
  });
  await publishRoute(gateway.bus, "+14155550100");
}, 60_000);

async function useAgent(realtime: RealtimeSettings): Promise<void> {
  const agent = testAgent({
    first_message: "Hello, this is Ada.",
    tools: [{ type: "end_call" }],
    realtime,
  });
  await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(agent));
  await gateway.bus.publish(Channels.agentInvalidated, TEST_AGENT_ID);
  standIns.script.realtime.defaultReply = DEFAULT_REPLY;
  standIns.script.realtime.utterances = [
    "I would like to book a table for two.",
    "No, that is all. Goodbye.",
  ];
  standIns.realtime.openai.reset();
  standIns.realtime.gemini.reset();
}

const PROVIDERS: Array<[string, RealtimeSettings]> = [
  ["OpenAI Realtime", { provider: "openai", model: "gpt-realtime", voice: "marin" }],
  ["Gemini Live", { provider: "gemini", model: "gemini-live-2.5-flash-preview", voice: "Puck" }],
];

afterAll(async () => {
  await gateway?.stop();
  await standIns?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function lastCall(): {
  turns: TranscriptTurn[];
  ended: Extract<CallEvent, { type: "call.ended" }> | undefined;
} {
  const events = gateway.events();
  const started = events.findLast((event) => event.type === "call.started");
  const mine = events.filter((event) => event.call_id === started?.call_id);
  return {
    turns: mine.flatMap((event) => (event.type === "call.turn" ? [event.turn] : [])),
    ended: mine.find((event) => event.type === "call.ended") as Extract<CallEvent, { type: "call.ended" }>,
  };
}

describe.each(PROVIDERS)("realtime agent over SIP (SIPp, %s stand-in)", (_name, settings) => {
  const log = () => (settings.provider === "openai" ? standIns.realtime.openai : standIns.realtime.gemini);

  test("greeting, an answered utterance, end_call: transcript and usage on call.ended", async () => {
    await useAgent(settings);
    const result = await runSipp({
      scenario: speakingCallerScenario(dir, callerAudio, "uac-realtime-end-call", [2500, 9000], 20_000, {
        gatewayHangsUp: true,
      }),
      gatewayPort: gateway.port,
      timeoutS: 30,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor("call.ended", () => lastCall().ended, { timeoutMs: 10_000 });
    const { turns, ended } = lastCall();
    expect(turns.map((turn) => [turn.role, turn.text])).toEqual([
      ["agent", "Hello, this is Ada."],
      ["user", "I would like to book a table for two."],
      ["agent", DEFAULT_REPLY],
      ["user", "No, that is all. Goodbye."],
      ["agent", "Thank you for calling. Goodbye!"],
    ]);
    // Heard: each agent turn's first packet went out on the call's RTP.
    for (const turn of turns.filter((candidate) => candidate.role === "agent"))
      expect(turn.latency?.first_packet_ms).not.toBeNull();
    expect(turns[2]!.latency?.llm_first_token_ms ?? 0).toBeGreaterThanOrEqual(150);
    expect(ended).toMatchObject({ status: "completed", hangup_cause: "agent_end_call" });
    expect(ended!.usage?.model).toBe(settings.model);
    expect(ended!.usage?.input_audio_tokens ?? 0).toBeGreaterThan(0);
    expect(ended!.usage?.output_audio_tokens ?? 0).toBeGreaterThan(0);
    expect(ended!.usage?.text_tokens ?? 0).toBeGreaterThan(0);
    const record = log().last()!;
    if (settings.provider === "openai") {
      // G.711 with the model: µ-law in and out.
      const audio = record.session.audio as {
        input: { format: { type: string } };
        output: { format: { type: string } };
      };
      expect(audio.input.format.type).toBe("audio/pcmu");
      expect(audio.output.format.type).toBe("audio/pcmu");
    }
    expect(record.functionResults).toHaveLength(settings.provider === "openai" ? 1 : 0);
    await waitFor("the model's connection closed with the call", () => record.closed);
  }, 60_000);

  test("the caller talking over a long reply: truncated to the played duration, transcript cut", async () => {
    await useAgent(settings);
    standIns.script.realtime.defaultReply = LONG_REPLY;
    standIns.script.realtime.utterances = [
      "I would like to book a table for two.",
      "Actually, make it three.",
    ];
    const before = gateway.events().length;
    const result = await runSipp({
      scenario: speakingCallerScenario(dir, callerAudio, "uac-realtime-barge-in", [2500, 7500], 14_000),
      gatewayPort: gateway.port,
      timeoutS: 30,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor(
      "the second call's call.ended",
      () =>
        gateway
          .events()
          .slice(before)
          .some((event) => event.type === "call.ended"),
      { timeoutMs: 10_000 },
    );
    const { turns } = lastCall();
    const cut = turns.find((turn) => turn.interrupted);
    expect(cut).toBeDefined();
    expect(LONG_REPLY.startsWith(cut!.text)).toBe(true);
    expect(cut!.text.length).toBeLessThan(LONG_REPLY.length);
    // Gemini Live has no item to truncate: only the transcript is cut there.
    const record = log().last()!;
    if (settings.provider === "openai") {
      expect(record.truncations).toHaveLength(1);
      const truncation = record.truncations[0]!;
      // The played duration (playout clock) from the reply's first packet to the cut, not the
      // whole reply the stand-in had already sent.
      const heardMs = Date.parse(cut!.ended_at) - Date.parse(cut!.started_at);
      expect(Math.abs(truncation.audio_end_ms - heardMs)).toBeLessThanOrEqual(100);
      expect(truncation.audio_end_ms).toBeLessThan(record.audioOutMs - 2000);
    }
    // The caller's words after the barge-in were answered.
    expect(
      turns.find((turn) => turn.role === "user" && turn.text === "Actually, make it three."),
    ).toBeDefined();
    expect(turns.indexOf(cut!)).toBeLessThan(
      turns.findIndex((turn) => turn.text === "Actually, make it three."),
    );
  }, 60_000);
});
