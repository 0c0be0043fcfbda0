import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { EspeakTts } from "../providers/espeak/tts.ts";
import { GreetingApplication } from "./greeting-application.ts";
import { publishRoute, runSipp, startTestGateway, type TestGateway, waitFor } from "./testing/sipp.ts";

describe("inbound calls from a trusted trunk (SIPp)", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
      application: new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
    });
    await publishRoute(gateway.bus, "+14155550100");
  });
  afterAll(async () => {
    await gateway.stop();
  });

  test("answered call, caller hangs up: started then ended completed/caller_hangup", async () => {
    const result = await runSipp({
      scenario: "uac-answered-caller-bye-expect-200.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor(() => gateway.events().some((event) => event.type === "call.ended"));
    const types = gateway.events().map((event) => event.type);
    expect(types).toEqual(["call.status", "call.started", "call.ended"]);
    const ended = gateway.events().find((event) => event.type === "call.ended");
    expect(ended).toMatchObject({ status: "completed", hangup_cause: "caller_hangup" });
  }, 60_000);
});
