import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { callLeaseScope } from "../call-core/call-leases.ts";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import { publishRoute, startTestGateway, TEST_ORG, type TestGateway } from "./testing/test-gateway.ts";

const greeting = (hangupAfterGreetingMs: number | null) =>
  new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs });

function endedEvents(gateway: TestGateway) {
  return gateway.events().filter((event) => event.type === "call.ended");
}

describe("inbound calls from a trusted trunk (SIPp)", () => {
  let gateway: TestGateway;
  let hangingUp: TestGateway;
  let slowRinging: TestGateway;

  beforeAll(async () => {
    const env = { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" };
    gateway = await startTestGateway({ env, application: greeting(null) });
    hangingUp = await startTestGateway({ env, application: greeting(100) });
    slowRinging = await startTestGateway({
      env: { ...env, SIP_RING_DELAY_MS: "10000" },
      application: greeting(null),
    });
    for (const each of [gateway, hangingUp, slowRinging]) await publishRoute(each.bus, "+14155550100");
  });
  afterAll(async () => {
    await Promise.all([gateway.stop(), hangingUp.stop(), slowRinging.stop()]);
  });

  test("answered call, caller hangs up: started then ended completed/caller_hangup", async () => {
    const before = gateway.events().length;
    const result = await runSipp({
      scenario: "uac-answered-caller-bye-expect-200.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor("the call.ended event", () => endedEvents(gateway).length >= 1);
    const events = gateway.events().slice(before);
    expect(events.map((event) => event.type)).toEqual(["call.status", "call.started", "call.ended"]);
    expect(events[1]).toMatchObject({
      direction: "inbound",
      agent_id: "agt_test",
      to_number: "+14155550100",
      from_number: "+14155550111",
      phone_number_id: "pn_test",
    });
    expect(events[2]).toMatchObject({ status: "completed", hangup_cause: "caller_hangup" });
    expect(gateway.service.activeCalls).toHaveLength(0);
  }, 60_000);

  test("over TCP: answered and hung up on one connection", async () => {
    const before = endedEvents(gateway).length;
    const result = await runSipp({
      scenario: "uac-answered-caller-bye-expect-200.xml",
      gatewayPort: gateway.port,
      extraArgs: ["-t", "t1"],
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor("another call.ended event", () => endedEvents(gateway).length > before);
    expect(endedEvents(gateway).at(-1)).toMatchObject({ status: "completed", hangup_cause: "caller_hangup" });
  }, 60_000);

  test("the gateway hangs up after the greeting with a BYE", async () => {
    const result = await runSipp({
      scenario: "uac-gateway-hangs-up-expect-bye.xml",
      gatewayPort: hangingUp.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor(
      "the call.ended event of the hanging-up agent's call",
      () => endedEvents(hangingUp).length >= 1,
    );
    expect(endedEvents(hangingUp)[0]).toMatchObject({ status: "completed", hangup_cause: "agent_hangup" });
  }, 60_000);

  test("a call ends when the balance runs out: BYE with cause credits_exhausted", async () => {
    const metered = await startTestGateway({
      env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32", INBOUND_CENTS_PER_MINUTE: "30" },
      application: greeting(null),
    });
    try {
      // 1 cent at 30 cents a minute pays for 2 s; the agent would allow 600 s.
      await publishRoute(metered.bus, "+14155550100", {}, 1);
      const result = await runSipp({
        scenario: "uac-gateway-hangs-up-expect-bye.xml",
        gatewayPort: metered.port,
      });
      expect(result.errors).toBe("");
      expect(result.exitCode).toBe(0);
      await waitFor("the metered call's call.ended event", () => endedEvents(metered).length >= 1);
      const ended = endedEvents(metered)[0] as { status: string; hangup_cause: string; duration_s: number };
      expect(ended).toMatchObject({ status: "completed", hangup_cause: "credits_exhausted" });
      expect(ended.duration_s).toBeGreaterThanOrEqual(1);
      expect(ended.duration_s).toBeLessThan(20);
    } finally {
      await metered.stop();
    }
  }, 60_000);

  test("CANCEL before answer: 200 to the CANCEL, 487 to the INVITE, call canceled", async () => {
    const result = await runSipp({
      scenario: "uac-cancel-before-answer-expect-487.xml",
      gatewayPort: slowRinging.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor(
      "the call.ended event of the slow-ringing gateway",
      () => endedEvents(slowRinging).length >= 1,
    );
    expect(slowRinging.events().map((event) => event.type)).toEqual(["call.status", "call.ended"]);
    expect(endedEvents(slowRinging)[0]).toMatchObject({ status: "canceled", hangup_cause: "caller_cancel" });
  }, 60_000);

  test("unknown number: 404 with a Reason header", async () => {
    const result = await runSipp({
      scenario: "uac-unknown-number-expect-404.xml",
      gatewayPort: gateway.port,
      service: "+14155550199",
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
  }, 60_000);

  test("re-INVITE to hold: the answer mirrors sendonly with recvonly", async () => {
    const result = await runSipp({
      scenario: "uac-reinvite-hold-expect-recvonly.xml",
      gatewayPort: gateway.port,
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
  }, 60_000);

  test("over the org's concurrent-call cap: 503 with Retry-After while a call is up", async () => {
    // The slow-ringing gateway holds the first call 10 s before answering: time enough on a busy machine.
    await slowRinging.bus.hashSet(Hashes.orgCallLimits, TEST_ORG, "1");
    const holding = runSipp({
      scenario: "uac-answered-caller-bye-expect-200.xml",
      gatewayPort: slowRinging.port,
    });
    await waitFor("one active call", () => slowRinging.service.activeCalls.length === 1);
    const refused = await runSipp({
      scenario: "uac-over-capacity-expect-503.xml",
      gatewayPort: slowRinging.port,
    });
    expect(refused.errors).toBe("");
    expect(refused.exitCode).toBe(0);
    expect((await holding).exitCode).toBe(0);
    await slowRinging.bus.hashDelete(Hashes.orgCallLimits, TEST_ORG);
  }, 60_000);

  test("the cap counts the org's calls on every gateway: a place held elsewhere refuses, its release admits", async () => {
    const scope = callLeaseScope(TEST_ORG);
    await gateway.bus.hashSet(Hashes.orgCallLimits, TEST_ORG, "1");
    // Another gateway's call holds the org's only place.
    expect((await gateway.bus.acquireLease(scope, "call_elsewhere", "gw_other", 1, 60_000)).ok).toBe(true);
    const refused = await runSipp({
      scenario: "uac-over-capacity-expect-503.xml",
      gatewayPort: gateway.port,
    });
    expect(refused.errors).toBe("");
    expect(refused.exitCode).toBe(0);
    expect(await gateway.bus.releaseLease(scope, "call_elsewhere")).toBe(true);
    const before = endedEvents(gateway).length;
    const answered = await runSipp({
      scenario: "uac-answered-caller-bye-expect-200.xml",
      gatewayPort: gateway.port,
    });
    expect(answered.errors).toBe("");
    expect(answered.exitCode).toBe(0);
    // The answered call held the place and gave it back when it ended.
    await waitFor("another call.ended event", () => endedEvents(gateway).length > before);
    expect(await gateway.bus.countLeases(scope)).toBe(0);
    await gateway.bus.hashDelete(Hashes.orgCallLimits, TEST_ORG);
  }, 60_000);

  test("suspended number 480, empty balance 403, each with its Reason", async () => {
    await publishRoute(gateway.bus, "+14155550177", { status: "suspended" });
    await publishRoute(gateway.bus, "+14155550178", { org_id: "org_broke" }, 0);
    const suspended = await runSipp({
      scenario: "uac-suspended-number-expect-480.xml",
      gatewayPort: gateway.port,
      service: "+14155550177",
    });
    expect(suspended.errors).toBe("");
    expect(suspended.exitCode).toBe(0);
    const broke = await runSipp({
      scenario: "uac-no-credits-expect-403.xml",
      gatewayPort: gateway.port,
      service: "+14155550178",
    });
    expect(broke.errors).toBe("");
    expect(broke.exitCode).toBe(0);
  }, 60_000);

  test("a forwarding number is redirected: 302 with the forward target", async () => {
    await publishRoute(gateway.bus, "+14155550176", {
      forwarding: { forward_to: "+14155550999", mode: "always" },
    });
    const result = await runSipp({
      scenario: "uac-forwarded-number-expect-302.xml",
      gatewayPort: gateway.port,
      service: "+14155550176",
    });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
  }, 60_000);

  test("OPTIONS keep-alive is answered 200", async () => {
    const result = await runSipp({ scenario: "uac-options-expect-200.xml", gatewayPort: gateway.port });
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
