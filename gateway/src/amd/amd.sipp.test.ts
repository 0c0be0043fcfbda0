// Answering-machine detection on outbound calls over SIP: SIPp answers as the callee's line
// and plays a greeting (espeak-ng, a sox beep) as G.711 u-law; the gateway decides from the audio
// and the callee's words (the agent's STT, here the stand-in), and either leaves the message
// after the beep (then hangs up), hangs up, or has the agent answer (a person waiting is answered
// before the verdict).
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Agent } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import {
  type CallEvent,
  type DispatchCommand,
  Streams,
  type TranscriptTurn,
} from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { SIPP_DIR, startSippServer } from "@switchboard/stand-ins/testing/sipp";
import {
  startTestGateway,
  TEST_AGENT_ID,
  TEST_ORG,
  type TestGateway,
  testAgent,
} from "../calls/testing/test-gateway.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import { AMD_HANGUP_CAUSES } from "./amd-application.ts";
import { type GreetingPart, greetingSamples } from "./testing/greeting-audio.ts";

const MESSAGE = "Hi Ada, this is the clinic, please call us back.";
const VOICE = { engine: "espeak-ng", name: "en-us" } as const;

let dir: string;
let standIns: StandIns;
let gateway: TestGateway | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(SIPP_DIR, ".amd-"));
  standIns = startStandIns({
    llm: { firstTokenMs: 20, interTokenMs: 0, rules: [{ match: ".", reply: "Sure." }] },
  });
}, 30_000);
afterEach(async () => {
  await gateway?.stop();
  gateway = null;
});
afterAll(async () => {
  await standIns?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The greeting as u-law at 8 kHz for SIPp's rtp_stream; its length in ms. */
function greetingFile(name: string, parts: GreetingPart[], tailMs: number): { path: string; ms: number } {
  const samples = greetingSamples(VOICE, parts, 200, tailMs);
  const raw = join(dir, `${name}.s16`);
  const ulaw = join(dir, `${name}.ulaw`);
  writeFileSync(raw, new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  const sox = Bun.spawnSync([
    "sox",
    "-t",
    "raw",
    "-r",
    String(INTERNAL_SAMPLE_RATE_HZ),
    "-e",
    "signed-integer",
    "-b",
    "16",
    "-c",
    "1",
    raw,
    "-r",
    "8000",
    "-t",
    "raw",
    "-e",
    "mu-law",
    ulaw,
  ]);
  expect(sox.exitCode).toBe(0);
  return { path: ulaw, ms: (readFileSync(ulaw).length / 8000) * 1000 };
}

/** A callee line: answers, plays `audio`, then waits for the gateway's BYE. */
function calleeScenario(name: string, audio: string): string {
  const answer = readFileSync(join(SIPP_DIR, "uas-answer-expect-ack-and-bye.xml"), "utf8");
  const play = `<recv request="ACK"/>\n  <nop><action><exec rtp_stream="${audio},1,0"/></action></nop>`;
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, answer.replace('<recv request="ACK"/>', play));
  return relative(SIPP_DIR, file);
}

async function gatewayCalling(
  trunkPort: number,
  agentOverrides: Partial<Agent> = {},
  openaiUrl = standIns.urls.openai,
): Promise<TestGateway> {
  const config = loadConfig({ OPENAI_BASE_URL: openaiUrl });
  const started = await startTestGateway({
    env: { SIP_TRUNK_OUTBOUND_URI: `sip:127.0.0.1:${trunkPort};transport=udp`, OPENAI_BASE_URL: openaiUrl },
    application: await createAgentApplication({ config, log: createLogger("fatal") }),
  });
  const agent = testAgent({
    first_message: "Hello, this is the clinic.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    ...agentOverrides,
  });
  await started.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(agent));
  return started;
}

async function dispatch(target: TestGateway, amd: DispatchCommand["amd"]): Promise<string> {
  const callId = `call_${crypto.randomUUID().replaceAll("-", "")}`;
  const command: DispatchCommand = {
    call_id: callId,
    org_id: TEST_ORG,
    agent_id: TEST_AGENT_ID,
    from_number: "+14155550100",
    to_number: "+14155550123",
    objective: null,
    metadata: { name: "Ada" },
    trunk_id: null,
    amd,
  };
  await target.bus.append(Streams.dispatch, JSON.stringify(command));
  return callId;
}

const eventsOf = (callId: string): CallEvent[] =>
  gateway!.events().filter((event) => event.call_id === callId);

/** The DispatchCommand's AMD settings that leave MESSAGE on a voicemail. */
const LEAVE_MESSAGE: DispatchCommand["amd"] = {
  enabled: true,
  on_machine: "leave_message",
  message: "Hi {{name}}, this is the clinic, please call us back.",
};

/**
 * `answered_at` is when the gateway handled SIPp's 200 OK, and SIPp starts the greeting as it
 * sends it: on a loaded core the stamp comes up to this much after the greeting began, so times
 * since the answer read up to that much short. Far less than the 600 ms beep, so the bound still
 * fails a message that starts over the greeting's words or the beep's start.
 */
const ANSWER_SKEW_MS = 150;

/** A voicemail's greeting: what it says, then a pause and the beep. */
const voicemailGreeting = (...spoken: GreetingPart[]): GreetingPart[] => [
  ...spoken,
  { pauseMs: 400 },
  { beepHz: 1000, beepMs: 600 },
];

type Verdict = Extract<CallEvent, { type: "call.amd" }>;

interface CallOutcome {
  verdict: Verdict;
  turns: TranscriptTurn[];
  ended: CallEvent | undefined;
  /** How long after the answer `at` (an ISO time) was. */
  sinceAnswerMs(at: string): number;
  /** Where the greeting's last sound ends, in ms after the answer (its tail of silence excluded). */
  greetingEndMs: number;
}

/**
 * Dials a SIPp callee that answers and plays `greeting` followed by `tailMs` of silence, with the
 * agent changed by `agentOverrides` and its STT at `openaiUrl`; settles once the call has ended.
 */
async function callCallee(options: {
  name: string;
  greeting: GreetingPart[];
  tailMs: number;
  amd: DispatchCommand["amd"];
  agentOverrides?: Partial<Agent>;
  openaiUrl?: string;
}): Promise<CallOutcome> {
  const audio = greetingFile(options.name, options.greeting, options.tailMs);
  const trunk = await startSippServer({ scenario: calleeScenario(options.name, audio.path), timeoutS: 30 });
  gateway = await gatewayCalling(trunk.port, options.agentOverrides, options.openaiUrl);
  const callId = await dispatch(gateway, options.amd);
  const result = await trunk.done;
  expect(result.errors).toBe("");
  await waitFor("call.ended", () => eventsOf(callId).some((event) => event.type === "call.ended"), {
    timeoutMs: 15_000,
  });
  const events = eventsOf(callId);
  const started = events.find((event) => event.type === "call.started") as { answered_at: string };
  return {
    verdict: events.find((event) => event.type === "call.amd") as Verdict,
    turns: events.flatMap((event) => (event.type === "call.turn" ? [event.turn] : [])),
    ended: events.find((event) => event.type === "call.ended"),
    sinceAnswerMs: (at) => Date.parse(at) - Date.parse(started.answered_at),
    greetingEndMs: audio.ms - options.tailMs,
  };
}

describe("answering-machine detection over SIP (SIPp as the callee)", () => {
  test("a voicemail greeting ending in a beep gets the message after the beep, then the hang-up", async () => {
    const call = await callCallee({
      name: "machine",
      greeting: voicemailGreeting({
        say: "Hi, you have reached Jordan. I cannot take your call, please leave a message after the tone.",
      }),
      tailMs: 8000,
      amd: LEAVE_MESSAGE,
    });
    expect(call.verdict).toMatchObject({ answered_by: "machine" });
    expect(call.verdict.decision_ms).toBeLessThanOrEqual(3500 + 100);
    expect(call.turns.map((turn) => turn.text)).toEqual([MESSAGE]);
    const messageAfterAnswerMs = call.sinceAnswerMs(call.turns[0]!.started_at);
    // The beep ends greetingEndMs into the greeting; the greeting starts once the call is answered.
    expect(messageAfterAnswerMs).toBeGreaterThanOrEqual(call.greetingEndMs - ANSWER_SKEW_MS);
    expect(messageAfterAnswerMs).toBeLessThan(call.greetingEndMs + 1500);
    expect(call.ended).toMatchObject({ hangup_cause: AMD_HANGUP_CAUSES.messageLeft });
  }, 60_000);

  test("a voicemail that opens like a person: the agent begun early is silenced, and the message follows the beep", async () => {
    const call = await callCallee({
      name: "early-machine",
      greeting: voicemailGreeting(
        { say: "Hi." },
        { pauseMs: 500 },
        // One utterance: by the deadline it has gone on too long for a person's greeting.
        {
          say: "You have reached the phone of Jordan Miller at the downtown office, please leave a message.",
        },
      ),
      tailMs: 8000,
      amd: LEAVE_MESSAGE,
    });
    expect(call.verdict).toMatchObject({ answered_by: "machine" });
    // The agent answered the pause after "Hi." before the verdict.
    expect(call.turns[0]).toMatchObject({ role: "agent" });
    expect(call.sinceAnswerMs(call.turns[0]!.started_at)).toBeLessThan(call.verdict.decision_ms);
    const message = call.turns.at(-1)!;
    expect(message.text).toBe(MESSAGE);
    expect(call.sinceAnswerMs(message.started_at)).toBeGreaterThanOrEqual(
      call.greetingEndMs - ANSWER_SKEW_MS,
    );
    expect(call.ended).toMatchObject({ hangup_cause: AMD_HANGUP_CAUSES.messageLeft });
  }, 60_000);

  test("a person's short hello is answered at once, before the verdict, which then says human", async () => {
    const call = await callCallee({
      name: "human",
      greeting: [{ say: "Hello?" }],
      tailMs: 3000,
      amd: { enabled: true, on_machine: "hangup" },
      // The person then says nothing more: the agent's silence handling hangs up a second later.
      agentOverrides: { silence: { reprompt_ms: 1000, max_reprompts: 0, hangup_message: "Goodbye." } },
    });
    expect(call.verdict).toMatchObject({ answered_by: "human" });
    expect(call.turns[0]).toMatchObject({ role: "agent", text: "Hello, this is the clinic." });
    // The agent answered the pause after "Hello?" at once, before the verdict was in.
    const greetingAfterAnswerMs = call.sinceAnswerMs(call.turns[0]!.started_at);
    expect(greetingAfterAnswerMs).toBeLessThan(call.verdict.decision_ms);
    console.info(
      `AMD over SIP, a person's "Hello?": greeting ${greetingAfterAnswerMs} ms after the answer, verdict at ${call.verdict.decision_ms} ms`,
    );
  }, 60_000);

  test("a short greeting whose words are a voicemail's is a machine by its transcript, and the call is hung up", async () => {
    // The STT stand-in hears the callee's short greeting as a voicemail prompt: the words, not
    // the cadence (a short greeting and a pause, as a person's), decide the verdict.
    const transcribing = startStandIns({
      transcription: { texts: ["Hi, you've reached Sam, please leave a message."], delayMs: 20 },
    });
    try {
      const call = await callCallee({
        name: "short-voicemail",
        greeting: [{ say: "Hi, this is Sam." }],
        tailMs: 4000,
        amd: { enabled: true, on_machine: "hangup" },
        openaiUrl: transcribing.urls.openai,
      });
      expect(call.verdict).toMatchObject({ answered_by: "machine", evidence: ["phrase:leave a message"] });
      expect(call.verdict.decision_ms).toBeLessThan(3500);
      expect(call.ended).toMatchObject({ hangup_cause: AMD_HANGUP_CAUSES.machine });
    } finally {
      await transcribing.stop();
    }
  }, 60_000);
});
