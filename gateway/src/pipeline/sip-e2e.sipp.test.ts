// End to end over SIP: SIPp calls the gateway and streams a caller's speech (espeak-ng,
// G.711 u-law) over RTP; the turn pipeline (Silero VAD, OpenAI transcription, chat and the
// espeak-ng voice) answers through the stand-ins; turns arrive as call events.

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import type { TranscriptTurn } from "@switchboard/shared/events";
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
import { createAgentApplication } from "./create.ts";

const LONG_REPLY =
  "Of course. We have tables at six, seven and eight in the evening, on the terrace or inside, " +
  "and we can also arrange a quiet corner if you would like one for the two of you.";

let dir: string;
let callerAudio: string;
let standIns: StandIns;
let gateway: TestGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pipeline-sipp-"));
  const wav = join(dir, "caller.wav");
  callerAudio = join(dir, "caller.ulaw");
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, "I would like to book a table for two"]).exitCode).toBe(0);
  expect(
    Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", callerAudio]).exitCode,
  ).toBe(0);
  standIns = startStandIns({
    llm: { firstTokenMs: 50, interTokenMs: 2, rules: [{ match: ".", reply: LONG_REPLY }] },
    transcription: { texts: ["I would like to book a table for two."], delayMs: 20, speechRmsThreshold: 100 },
  });
  const config = loadConfig({ OPENAI_BASE_URL: standIns.urls.openai });
  gateway = await startTestGateway({
    env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
    application: await createAgentApplication({ config, log: createLogger("fatal") }),
  });
  await publishRoute(gateway.bus, "+14155550100");
  const agent = testAgent({
    first_message: "Hello.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
  });
  await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(agent));
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await standIns?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function scenario(name: string, speakAtMs: number[], byeAtMs: number): string {
  return speakingCallerScenario(dir, callerAudio, name, speakAtMs, byeAtMs);
}

function turnsOfLastCall(): TranscriptTurn[] {
  const events = gateway.events();
  const started = events.findLast((event) => event.type === "call.started");
  return events.flatMap((event) =>
    event.type === "call.turn" && event.call_id === started?.call_id ? [event.turn] : [],
  );
}

describe("turn pipeline over SIP (SIPp, stand-ins)", () => {
  test("the caller's speech gets a transcript turn and a spoken reply sent to the caller", async () => {
    const result = await runSipp({
      scenario: scenario("uac-speaks-expect-reply", [1500], 9000),
      gatewayPort: gateway.port,
      timeoutS: 30,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor(
      "the call.ended event",
      () => gateway.events().some((event) => event.type === "call.ended"),
      { timeoutMs: 10_000 },
    );
    const turns = turnsOfLastCall();
    expect(turns[0]).toMatchObject({ role: "agent", text: "Hello.", interrupted: false });
    expect(turns[1]).toMatchObject({ role: "user", text: "I would like to book a table for two." });
    const reply = turns[2]!;
    expect(reply.role).toBe("agent");
    expect(LONG_REPLY.startsWith(reply.text)).toBe(true);
    expect(reply.text.length).toBeGreaterThan(0);
    // Sent on the wire: the RTP side counted the reply's first packet.
    expect(reply.latency?.first_packet_ms).not.toBeNull();
    expect(reply.latency?.endpointing_ms ?? 0).toBeGreaterThanOrEqual(300);
    expect(reply.latency?.total_ms).not.toBeNull();
  }, 60_000);

  test("the caller talking over the reply stops it", async () => {
    const before = gateway.events().length;
    const result = await runSipp({
      scenario: scenario("uac-talks-over-reply-expect-interrupted", [1500, 8000], 13_000),
      gatewayPort: gateway.port,
      timeoutS: 30,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor(
      "the second call's call.ended event",
      () =>
        gateway
          .events()
          .slice(before)
          .some((event) => event.type === "call.ended"),
      { timeoutMs: 10_000 },
    );
    const turns = turnsOfLastCall();
    expect(turns.map((turn) => turn.role)).toEqual(["agent", "user", "agent", "user", "agent"]);
    // The reply was cut by the caller's second utterance (the last one by the hang-up).
    const interrupted = turns[2]!;
    expect(interrupted.interrupted).toBe(true);
    // Cut to what was played: a strict prefix of the reply.
    expect(LONG_REPLY.startsWith(interrupted!.text)).toBe(true);
    expect(interrupted!.text.length).toBeLessThan(LONG_REPLY.length);
  }, 60_000);
});
