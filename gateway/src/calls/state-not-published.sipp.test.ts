// A gateway whose bus has no state from control yet (it started first, or Redis was flushed)
// refuses every call whose lookups miss with 503 + Retry-After, never 404 or 480, and asks
// control for the state; once the marker is there, the same misses are 404 and 480 again.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { STATE_PUBLISHED_AT_FIELD } from "@switchboard/shared/bus/state";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import {
  markStatePublished,
  publishRoute,
  startTestGateway,
  TEST_AGENT_ID,
  TEST_ORG,
  type TestGateway,
} from "./testing/test-gateway.ts";

const application = new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null });

async function expectOutcome(gateway: TestGateway, scenario: string, service: string) {
  const result = await runSipp({ scenario, gatewayPort: gateway.port, service });
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);
}

describe("calls before control has published its state (SIPp)", () => {
  let trusted: TestGateway;
  let noTrunks: TestGateway;
  const requests: string[] = [];

  beforeAll(async () => {
    trusted = await startTestGateway({
      env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
      application,
      statePublished: false,
    });
    noTrunks = await startTestGateway({ application, statePublished: false });
    await trusted.bus.subscribe(Channels.stateRequested, (message) => requests.push(message));
  });
  afterAll(async () => {
    await Promise.all([trusted?.stop(), noTrunks?.stop()]);
  });

  test("unknown number, missing agent, missing balance and unknown trunk: 503 + Retry-After, and control is asked", async () => {
    await expectOutcome(trusted, "uac-state-not-published-expect-503.xml", "+14155550160");
    expect(requests.length).toBe(1);

    await publishRoute(trusted.bus, "+14155550161");
    await trusted.bus.hashDelete(Hashes.agentSnapshots, TEST_AGENT_ID);
    await expectOutcome(trusted, "uac-state-not-published-expect-503.xml", "+14155550161");

    // Route and agent known (cached, say), the balance gone with the flush.
    await publishRoute(trusted.bus, "+14155550162");
    await trusted.bus.hashDelete(Hashes.creditBalances, TEST_ORG);
    await expectOutcome(trusted, "uac-state-not-published-expect-503.xml", "+14155550162");

    // Org trunks come from control too: an unmatched source is not known to be untrusted yet.
    await expectOutcome(noTrunks, "uac-state-not-published-expect-503.xml", "+14155550162");
  }, 60_000);

  test("once the state is published, the same misses are 404 and 480 again", async () => {
    await markStatePublished(trusted.bus);
    await markStatePublished(noTrunks.bus);
    expect(await trusted.bus.hashGet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD)).not.toBeNull();
    await expectOutcome(trusted, "uac-unknown-number-expect-404.xml", "+14155550160");
    await publishRoute(trusted.bus, "+14155550161");
    await trusted.bus.hashDelete(Hashes.agentSnapshots, TEST_AGENT_ID);
    await expectOutcome(trusted, "uac-agent-unavailable-expect-480.xml", "+14155550161");
    await expectOutcome(noTrunks, "uac-untrusted-source-expect-403.xml", "+14155550162");
  }, 60_000);
});
