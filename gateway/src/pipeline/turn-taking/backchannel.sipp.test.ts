// Backchannels over SIP: SIPp calls the gateway, asks (espeak-ng, G.711 u-law over RTP) and
// says "uh-huh, okay" into the middle of the spoken reply. The reply's audio is held while the words
// are judged and then goes on: the agent's turn is whole, not interrupted, and the "uh-huh" is
// no turn. Providers are the stand-ins (OpenAI transcription, chat; espeak-ng voice).

import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
} from "../../calls/testing/test-gateway.ts";
import { createAgentApplication } from "../create.ts";

const LONG_REPLY =
  "Of course. We have tables at six, seven and eight in the evening, on the terrace or inside, " +
  "and we can also arrange a quiet corner if you would like one for the two of you.";
/** From the end of the question to the "uh-huh": the reply (about 10 s of speech) is under way. */
const BACKCHANNEL_AFTER_MS = 3500;
const PCMU_SILENCE = 0xff;

let dir: string;
let standIns: StandIns;
let gateway: TestGateway;

/** espeak-ng's speech as raw 8 kHz u-law. */
function speech(text: string, name: string): Uint8Array {
  const wav = join(dir, `${name}.wav`);
  const raw = join(dir, `${name}.ulaw`);
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, text]).exitCode).toBe(0);
  expect(
    Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", raw]).exitCode,
  ).toBe(0);
  return new Uint8Array(readFileSync(raw));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "backchannel-sipp-"));
  standIns = startStandIns({
    llm: { firstTokenMs: 50, interTokenMs: 2, rules: [{ match: ".", reply: LONG_REPLY }] },
    transcription: {
      texts: ["I would like to book a table for two.", "Uh-huh, okay."],
      delayMs: 20,
      speechRmsThreshold: 100,
    },
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

function turnsOfLastCall(): TranscriptTurn[] {
  const events = gateway.events();
  const started = events.findLast((event) => event.type === "call.started");
  return events.flatMap((event) =>
    event.type === "call.turn" && event.call_id === started?.call_id ? [event.turn] : [],
  );
}

test("an 'uh-huh, okay' into the reply over SIP holds it and lets it go on: one whole agent turn, no caller turn", async () => {
  // One stream: the question, silence into the reply, then the backchannel.
  const question = speech("I would like to book a table for two", "question");
  const backchannel = speech("uh-huh, okay", "backchannel");
  // Well past interruptions.min_speech_ms (250): long enough to stop the agent.
  expect(backchannel.length / 8).toBeGreaterThan(700);
  const gap = new Uint8Array((BACKCHANNEL_AFTER_MS * 8000) / 1000).fill(PCMU_SILENCE);
  const callerAudio = join(dir, "caller.ulaw");
  writeFileSync(callerAudio, Buffer.concat([question, gap, backchannel]));
  const result = await runSipp({
    scenario: speakingCallerScenario(
      dir,
      callerAudio,
      "uac-backchannel-expect-reply-resumed",
      [1500],
      22_000,
    ),
    gatewayPort: gateway.port,
    timeoutS: 40,
  });
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);
  await waitFor("the call.ended event", () => gateway.events().some((event) => event.type === "call.ended"), {
    timeoutMs: 10_000,
  });
  // Both utterances were transcribed: the second was heard and judged a backchannel.
  expect(standIns.state.of("transcription").completed).toBe(2);
  const turns = turnsOfLastCall();
  expect(turns.map((turn) => [turn.role, turn.text, turn.interrupted])).toEqual([
    ["agent", "Hello.", false],
    ["user", "I would like to book a table for two.", false],
    ["agent", LONG_REPLY, false],
  ]);
  expect(standIns.state.of("chat").requests).toBe(1);
}, 60_000);
