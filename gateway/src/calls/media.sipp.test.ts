// Media over SIP calls: RTP both ways (SIPp echoes the greeting back into the recording),
// DTMF as RFC 4733 events and as SIP INFO.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import type { CallContext, MediaApplication } from "../call-core/application.ts";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import { publishRoute, startTestGateway, type TestGateway } from "./testing/test-gateway.ts";

const TRUSTED = { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" };

describe("RTP both ways", () => {
  let gateway: TestGateway;
  let recordings: string;
  beforeAll(async () => {
    recordings = await mkdtemp(join(tmpdir(), "sip-recordings-"));
    gateway = await startTestGateway({
      env: TRUSTED,
      application: new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
      recordingsDir: recordings,
    });
    await publishRoute(gateway.bus, "+14155550100");
  });
  afterAll(async () => {
    await gateway.stop();
    await rm(recordings, { recursive: true, force: true });
  });

  test("the greeting reaches the caller and comes back: both WAV channels carry sound", async () => {
    const result = await runSipp({
      scenario: "uac-answered-caller-bye-expect-200.xml",
      gatewayPort: gateway.port,
      extraArgs: ["-rtp_echo"],
    });
    expect(result.exitCode).toBe(0);
    await waitFor("the call.recording event", () =>
      gateway.events().some((event) => event.type === "call.recording"),
    );
    const recording = gateway.events().find((event) => event.type === "call.recording");
    if (recording?.type !== "call.recording") throw new Error("no recording event");
    expect(recording.duration_s).toBeGreaterThan(1);
    const wav = Buffer.from(await Bun.file(recording.path).arrayBuffer());
    expect(wav.subarray(0, 4).toString()).toBe("RIFF");
    let callerEnergy = 0;
    let agentEnergy = 0;
    for (let offset = 44; offset + 4 <= wav.length; offset += 4) {
      callerEnergy += Math.abs(wav.readInt16LE(offset));
      agentEnergy += Math.abs(wav.readInt16LE(offset + 2));
    }
    // The agent channel holds the greeting; the caller channel its echo from SIPp.
    expect(agentEnergy).toBeGreaterThan(0);
    expect(callerEnergy).toBeGreaterThan(0);
  }, 60_000);
});

describe("DTMF", () => {
  let gateway: TestGateway;
  const digits: string[] = [];
  beforeAll(async () => {
    const collecting: MediaApplication = {
      async start(call: CallContext) {
        call.audio.onDtmf((digit) => digits.push(digit));
        return { stop: async () => {} };
      },
    };
    gateway = await startTestGateway({ env: TRUSTED, application: collecting });
    await publishRoute(gateway.bus, "+14155550100");
  });
  afterAll(async () => {
    await gateway.stop();
  });

  test("digit 1 as RFC 4733 events and digit 5 as SIP INFO reach the application", async () => {
    const result = await runSipp({
      scenario: "uac-dtmf-rfc4733-and-info-expect-digits.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor("two DTMF digits", () => digits.length >= 2);
    expect(digits).toEqual(["1", "5"]);
  }, 60_000);
});
