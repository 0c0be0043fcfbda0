// At the agent's max_duration_s a SIP caller hears the goodbye, then the BYE: the call's end
// (call-core/call-end.ts) has the turn pipeline say it instead of the SIP timer cutting the
// call. SIPp is the caller; the pipeline speaks with espeak-ng, its other providers are the
// stand-ins; the gateway's recording shows what went to the caller and when.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import type { CallEvent } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { MAX_DURATION_GOODBYE } from "../call-core/call-end.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import {
  publishRoute,
  startTestGateway,
  TEST_AGENT_ID,
  type TestGateway,
  testAgent,
} from "./testing/test-gateway.ts";

const MAX_DURATION_S = 2;
/** Recordings are 16 kHz stereo: the caller left, the agent right. */
const RECORDING_RATE_HZ = 16_000;

let dir: string;
/** What the caller sends: G.711 u-law silence (0xFF), as a phone does while the caller listens. */
let callerSilence: string;
let standIns: StandIns;
let gateway: TestGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "max-duration-sipp-"));
  callerSilence = join(dir, "silence.ulaw");
  writeFileSync(callerSilence, Buffer.alloc(8000 * 15, 0xff));
  standIns = startStandIns();
  const config = loadConfig({ OPENAI_BASE_URL: standIns.urls.openai });
  gateway = await startTestGateway({
    env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
    application: await createAgentApplication({ config, log: createLogger("fatal") }),
    recordingsDir: join(dir, "recordings"),
  });
  await publishRoute(gateway.bus, "+14155550100");
  const agent = testAgent({
    first_message: "Hello.",
    max_duration_s: MAX_DURATION_S,
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
  });
  await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(agent));
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await standIns?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The loudest sample of the agent's channel in [fromS, toS) of a recording. */
function agentPeak(wav: Int16Array, fromS: number, toS: number): number {
  let peak = 0;
  const end = Math.min(wav.length / 2, Math.floor(toS * RECORDING_RATE_HZ));
  for (let frame = Math.floor(fromS * RECORDING_RATE_HZ); frame < end; frame++)
    peak = Math.max(peak, Math.abs(wav[frame * 2 + 1]!));
  return peak;
}

describe("max_duration_s over SIP (SIPp, turn pipeline)", () => {
  test("a call at its maximum duration hears the goodbye before the gateway's BYE", async () => {
    const result = await runSipp({
      scenario: speakingCallerScenario(
        dir,
        callerSilence,
        "uac-silent-caller-expect-goodbye-then-bye",
        [0],
        20_000,
        { gatewayHangsUp: true },
      ),
      gatewayPort: gateway.port,
      timeoutS: 30,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    const events = await waitFor("the call's recording", () => {
      const all = gateway.events();
      return all.some((event) => event.type === "call.recording") ? all : null;
    });
    const byType = <T extends CallEvent["type"]>(type: T) =>
      events.filter((event): event is Extract<CallEvent, { type: T }> => event.type === type);
    const [started] = byType("call.started");
    const [ended] = byType("call.ended");
    const [recording] = byType("call.recording");
    expect(ended).toMatchObject({ status: "completed", hangup_cause: "max_duration" });

    // The goodbye was played to its last sample (an agent turn is reported then), before the end.
    const turns = byType("call.turn").map((event) => event.turn);
    expect(turns.map((turn) => turn.text)).toEqual(["Hello.", MAX_DURATION_GOODBYE]);
    expect(turns[1]).toMatchObject({ role: "agent", interrupted: false });
    const goodbyeAt = events.findIndex((event) => event.type === "call.turn" && event.index === 1);
    expect(goodbyeAt).toBeLessThan(events.indexOf(ended!));
    const answeredAtMs = Date.parse(started!.answered_at);
    expect(Date.parse(turns[1]!.started_at) - answeredAtMs).toBeGreaterThanOrEqual(MAX_DURATION_S * 1000);
    expect(Date.parse(turns[1]!.ended_at)).toBeLessThanOrEqual(Date.parse(ended!.ended_at));

    // On the wire: the agent spoke after the cap, and the call lasted until the goodbye ended.
    const wav = new Int16Array(readFileSync(recording!.path).buffer.slice(44));
    const goodbyeEndS = (Date.parse(turns[1]!.ended_at) - answeredAtMs) / 1000;
    expect(goodbyeEndS).toBeGreaterThan(MAX_DURATION_S + 1);
    expect(agentPeak(wav, MAX_DURATION_S, goodbyeEndS)).toBeGreaterThan(1000);
    expect(ended!.duration_s).toBeGreaterThan(MAX_DURATION_S + 1);
  }, 60_000);
});
