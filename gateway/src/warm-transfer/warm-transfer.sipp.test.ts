// Warm transfer end to end: a SIPp caller asks for a person, the agent's model calls
// warm_transfer, and a SIPp "human" answers the gateway's INVITE. Accepting with keypad 1
// bridges the two calls in the gateway (each side's tone reaches the other's recording);
// declining with 2, or a busy destination, brings the caller back to the agent.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentTool } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import type { CallEvent } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { runSipp, type SippResult, startSippServer } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import {
  publishRoute,
  startTestGateway,
  TEST_AGENT_ID,
  type TestGateway,
  testAgent,
} from "../calls/testing/test-gateway.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import type { RealtimeSettings } from "../realtime/settings.ts";
import { humanScenario } from "./testing/scenarios.ts";
import { loudBlocks, toneBlocks } from "./testing/wav-tone.ts";

const CALLER_TONE_HZ = 500;
const HUMAN_TONE_HZ = 1000;
const SUMMARY = "Ada is calling about a double charge on her card.";
const AFTER_DECLINE = "Nobody can take your call right now.";

let dir: string;
let speechFile: string;
let callerTone: string;
let humanTone: string;
let yesFile: string;
let standIns: StandIns;
let gateway: TestGateway | null = null;

function soxToUlaw(input: string[], out: string, effects: string[] = []): void {
  const args = ["sox", ...input, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", out, ...effects];
  expect(Bun.spawnSync(args).exitCode).toBe(0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "warm-transfer-"));
  const wav = join(dir, "speech.wav");
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, "Please connect me to a person"]).exitCode).toBe(0);
  speechFile = join(dir, "speech.ulaw");
  soxToUlaw([wav], speechFile);
  callerTone = join(dir, "caller-tone.ulaw");
  soxToUlaw(["-n"], callerTone, ["synth", "3", "sine", String(CALLER_TONE_HZ), "vol", "0.4"]);
  const yesWav = join(dir, "yes.wav");
  expect(Bun.spawnSync(["espeak-ng", "-w", yesWav, "Yes, put them through"]).exitCode).toBe(0);
  yesFile = join(dir, "yes.ulaw");
  soxToUlaw([yesWav], yesFile);
  humanTone = join(dir, "human-tone.ulaw");
  soxToUlaw(["-n"], humanTone, ["synth", "4", "sine", String(HUMAN_TONE_HZ), "vol", "0.4"]);
  standIns = startStandIns({
    llm: {
      firstTokenMs: 20,
      interTokenMs: 2,
      rules: [
        { match: "Transcript of the call", reply: SUMMARY },
        {
          match: ".",
          reply: "Let me connect you.",
          toolCalls: [{ name: "warm_transfer", arguments: { briefing_prompt: "Say it is urgent." } }],
        },
      ],
      afterToolReply: AFTER_DECLINE,
    },
    transcription: { texts: ["Please connect me to a person."], delayMs: 20, speechRmsThreshold: 100 },
  });
});

afterAll(async () => {
  await standIns?.stop();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await gateway?.stop();
  gateway = null;
});

function chatBodies(): Array<{ messages: Array<{ role: string; content: string | null }> }> {
  return standIns.state.of("chat").bodies as Array<{
    messages: Array<{ role: string; content: string | null }>;
  }>;
}

async function transferCall(
  human: { scenario: string } | { busy: true } | { unreachable: true },
  toolOverrides: Partial<AgentTool> = {},
  /** `shortCall`: the caller hangs up at 7 s (nothing is bridged, nothing to hear after). */
  options: { allowPrivate?: boolean; shortCall?: boolean; realtime?: RealtimeSettings } = {},
): Promise<{ callId: string; events: CallEvent[]; caller: SippResult; human: SippResult }> {
  const recordings = join(dir, `recordings-${crypto.randomUUID()}`);
  const destination =
    "unreachable" in human
      ? null
      : await startSippServer({
          scenario: "scenario" in human ? human.scenario : "uas-busy-486-expect-ack.xml",
          timeoutS: 40,
        });
  // The stand-ins are on loopback: the providers may always reach them.
  const config = loadConfig({ OPENAI_BASE_URL: standIns.urls.openai, ALLOW_PRIVATE_URLS: "true" });
  const allowPrivate = options.allowPrivate === false ? "false" : "true";
  gateway = await startTestGateway({
    env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32", ALLOW_PRIVATE_URLS: allowPrivate },
    application: await createAgentApplication({ config, log: createLogger("fatal") }),
    recordingsDir: recordings,
  });
  await publishRoute(gateway.bus, "+14155550100");
  const agent = testAgent({
    first_message: "Hello.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    endpointing: { silence_ms: 400 },
    ...(options.realtime ? { realtime: options.realtime } : {}),
    tools: [
      {
        type: "warm_transfer",
        target: `sip:+14155550123@127.0.0.1:${destination?.port ?? 9}`,
        hold_message: "One moment please.",
        timeout_ms: 15_000,
        ...toolOverrides,
      },
    ],
  });
  await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(agent));
  // The caller asks for a person at 1 s, then plays its tone (heard by the destination once bridged).
  const scenario = speakingCallerScenario(
    dir,
    speechFile,
    `uac-asks-for-person-${crypto.randomUUID()}`,
    [1000],
    options.shortCall ? 7000 : 14_000,
    { alsoPlay: [{ audio: callerTone, atMs: options.shortCall ? 5000 : 9000 }] },
  );
  const caller = await runSipp({ scenario, gatewayPort: gateway.port, timeoutS: 40 });
  const target = gateway;
  await waitFor("the call.ended event", () => target.events().some((event) => event.type === "call.ended"), {
    timeoutMs: 15_000,
  });
  const humanResult = (await destination?.done) ?? { exitCode: 0, stdout: "", stderr: "", errors: "" };
  const started = target.events().find((event) => event.type === "call.started");
  const callId = (started as { call_id: string }).call_id;
  await waitFor("the recording", () => target.events().some((event) => event.type === "call.recording"));
  return { callId, events: target.events(), caller, human: humanResult };
}

function transferToolCall(events: CallEvent[]) {
  const turns = events.flatMap((event) => (event.type === "call.turn" ? [event.turn] : []));
  return turns.flatMap((turn) => turn.tool_calls ?? []).find((call) => call.name === "warm_transfer");
}

describe("warm transfer (SIPp caller and destination)", () => {
  test("the destination hears the briefing, accepts with 1, and caller and destination hear each other", async () => {
    const scenario = humanScenario(dir, "uas-human-accepts-with-1", {
      digit: "1",
      digitAtMs: 2500,
      toneFile: humanTone,
      toneAtMs: 3000,
    });
    const { callId, events, caller, human } = await transferCall({ scenario });
    expect(caller.errors).toBe("");
    expect(caller.exitCode).toBe(0);
    expect(human.errors).toBe("");
    expect(human.exitCode).toBe(0);

    const transfer = events.find((event) => event.type === "call.transfer");
    expect(transfer).toMatchObject({ ok: true, status: 200, reason: "accepted" });
    expect(transferToolCall(events)).toMatchObject({ outcome: "completed" });
    expect(JSON.parse(transferToolCall(events)!.result!)).toMatchObject({ ok: true, outcome: "accepted" });

    // The briefing was written from the conversation, with the model's own emphasis.
    const briefingRequest = chatBodies().find((body) =>
      body.messages.some((message) => message.content?.startsWith("Transcript of the call")),
    );
    expect(briefingRequest?.messages[0]?.content).toContain("Say it is urgent.");
    expect(briefingRequest?.messages[1]?.content).toContain("Caller: Please connect me to a person.");
    // Accepted: the model was not asked to speak again after the transfer.
    expect(chatBodies().filter((body) => body.messages.at(-1)?.role === "tool")).toHaveLength(0);

    // The caller's recording (caller left, what the caller heard right) has the human's tone;
    // the destination's (human left, what the human heard right) has the caller's, after the
    // briefing's speech.
    const recordings = recordingsDir(events);
    const legRecording = join(recordings, `${callId}.transfer.wav`);
    expect(existsSync(legRecording)).toBe(true);
    // Of the human's 4 s and the caller's 3 s of tone (200 and 150 blocks), most crossed over.
    expect(toneBlocks(join(recordings, `${callId}.wav`), 1, HUMAN_TONE_HZ)).toBeGreaterThan(150);
    expect(toneBlocks(legRecording, 1, CALLER_TONE_HZ)).toBeGreaterThan(100);
    expect(loudBlocks(legRecording, 1) - toneBlocks(legRecording, 1, CALLER_TONE_HZ)).toBeGreaterThan(25);
  }, 90_000);

  test("the destination declines with 2: it is hung up and the agent tells the caller", async () => {
    const scenario = humanScenario(dir, "uas-human-declines-with-2", {
      digit: "2",
      digitAtMs: 1500,
      toneFile: humanTone,
      toneAtMs: 1400,
    });
    const before = chatBodies().length;
    const { events, caller, human } = await transferCall({ scenario });
    expect(caller.exitCode).toBe(0);
    expect(human.errors).toBe("");
    expect(human.exitCode).toBe(0);
    expect(events.find((event) => event.type === "call.transfer")).toMatchObject({
      ok: false,
      status: 200,
      reason: "declined: declined",
    });
    expect(JSON.parse(transferToolCall(events)!.result!)).toMatchObject({ ok: false, outcome: "declined" });
    // The caller is back with the agent: the model heard the outcome and answered the caller.
    const afterTool = chatBodies()
      .slice(before)
      .filter((body) => body.messages.at(-1)?.role === "tool");
    expect(afterTool).toHaveLength(1);
    const agentTexts = events.flatMap((event) =>
      event.type === "call.turn" && event.turn.role === "agent" ? [event.turn.text] : [],
    );
    expect(agentTexts.some((text) => text.includes(AFTER_DECLINE))).toBe(true);
    expect(events.findLast((event) => event.type === "call.ended")).toMatchObject({
      hangup_cause: "caller_hangup",
    });
  }, 90_000);

  test("a busy destination (486) is the outcome the model hears", async () => {
    const { events, caller, human } = await transferCall({ busy: true }, {}, { shortCall: true });
    expect(caller.exitCode).toBe(0);
    expect(human.exitCode).toBe(0);
    expect(events.find((event) => event.type === "call.transfer")).toMatchObject({ ok: false, status: 486 });
    expect(JSON.parse(transferToolCall(events)!.result!)).toMatchObject({ ok: false, outcome: "busy" });
  }, 90_000);

  test("a SIP URI on a private address is refused without ALLOW_PRIVATE_URLS, and nothing is dialled", async () => {
    const { events, caller } = await transferCall(
      { unreachable: true },
      {},
      { allowPrivate: false, shortCall: true },
    );
    expect(caller.exitCode).toBe(0);
    const transfer = events.find((event) => event.type === "call.transfer") as { reason: string } | undefined;
    expect(transfer).toMatchObject({ ok: false, status: null });
    expect(transfer?.reason).toContain("ALLOW_PRIVATE_URLS");
  }, 90_000);

  test("a realtime (speech-to-speech) agent transfers too: accepted with 1, the model goes quiet", async () => {
    Object.assign(standIns.script.realtime, {
      utterances: ["Please connect me to a person."],
      rules: [
        { match: "person", reply: "Connecting you.", toolCalls: [{ name: "warm_transfer", arguments: {} }] },
      ],
      firstAudioMs: 100,
      transcriptionDelayMs: 50,
      silenceDurationMs: 400,
    });
    const scenario = humanScenario(dir, "uas-human-accepts-realtime-call", {
      digit: "1",
      digitAtMs: 2500,
      toneFile: humanTone,
      toneAtMs: 3000,
    });
    const { callId, events, caller, human } = await transferCall(
      { scenario },
      {},
      { realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" } },
    );
    expect(caller.exitCode).toBe(0);
    expect(human.errors).toBe("");
    expect(human.exitCode).toBe(0);
    expect(events.find((event) => event.type === "call.transfer")).toMatchObject({
      ok: true,
      reason: "accepted",
    });
    // The model got the outcome and was asked for nothing more.
    const session = standIns.realtime.openai.last()!;
    expect(session.functionResults).toHaveLength(1);
    expect(JSON.parse(String(session.functionResults[0]!.output))).toMatchObject({ outcome: "accepted" });
    expect(toneBlocks(join(recordingsDir(events), `${callId}.wav`), 1, HUMAN_TONE_HZ)).toBeGreaterThan(150);
  }, 90_000);

  test("the destination accepts by saying yes", async () => {
    await standIns.stop();
    standIns = startStandIns({
      llm: {
        firstTokenMs: 20,
        interTokenMs: 2,
        rules: [
          { match: "Transcript of the call", reply: SUMMARY },
          { match: ".", reply: "Let me connect you.", toolCalls: [{ name: "warm_transfer", arguments: {} }] },
        ],
        afterToolReply: AFTER_DECLINE,
      },
      // The caller's words, then the destination's answer.
      transcription: {
        texts: ["Please connect me to a person.", "Yes, put them through."],
        delayMs: 20,
        speechRmsThreshold: 100,
      },
    });
    const scenario = humanScenario(dir, "uas-human-says-yes", {
      digit: null,
      digitAtMs: 1500,
      toneFile: yesFile,
      toneAtMs: 1500,
    });
    const { events, caller, human } = await transferCall({ scenario });
    expect(caller.exitCode).toBe(0);
    expect(human.errors).toBe("");
    expect(human.exitCode).toBe(0);
    expect(events.find((event) => event.type === "call.transfer")).toMatchObject({
      ok: true,
      reason: "accepted",
    });
    expect(standIns.state.of("transcription").bodies.length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

function recordingsDir(events: CallEvent[]): string {
  const recording = events.find((event) => event.type === "call.recording") as { path: string } | undefined;
  expect(recording).toBeDefined();
  return join(recording!.path, "..");
}
