import { afterEach, describe, expect, test } from "bun:test";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { type CallEvent, type DispatchCommand, Streams } from "@switchboard/shared/events";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type SippResult, startSippServer } from "@switchboard/stand-ins/testing/sipp";
import type { CallContext, MediaApplication } from "../call-core/application.ts";
import { callLeaseScope } from "../call-core/call-leases.ts";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import { statusForFailure } from "./outbound-call.ts";
import {
  startTestGateway,
  TEST_AGENT_ID,
  TEST_ORG,
  type TestGateway,
  testAgent,
} from "./testing/test-gateway.ts";

let gateway: TestGateway | null = null;
afterEach(async () => {
  await gateway?.stop();
  gateway = null;
});

async function gatewayCalling(
  trunkPort: number,
  application: MediaApplication,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const started = await startTestGateway({
    env: { SIP_TRUNK_OUTBOUND_URI: `sip:127.0.0.1:${trunkPort};transport=udp`, ...env },
    application,
  });
  await started.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(testAgent()));
  return started;
}

async function dispatch(target: TestGateway, overrides: Partial<DispatchCommand> = {}): Promise<string> {
  const command: DispatchCommand = {
    call_id: `call_${crypto.randomUUID().replaceAll("-", "")}`,
    org_id: TEST_ORG,
    agent_id: TEST_AGENT_ID,
    from_number: "+14155550100",
    to_number: "+14155550123",
    objective: "Confirm the appointment",
    metadata: { name: "Ada" },
    trunk_id: null,
    ...overrides,
  };
  await target.bus.append(Streams.dispatch, JSON.stringify(command));
  return command.call_id;
}

function eventsFor(target: TestGateway, callId: string): CallEvent[] {
  return target.events().filter((event) => event.call_id === callId);
}

/** The carrier's scenario ran clean and the gateway reported the call's end: the call's events. */
async function endedCallEvents(carrier: { done: Promise<SippResult> }, callId: string): Promise<CallEvent[]> {
  const result = await carrier.done;
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);
  await waitFor("the call's call.ended event", () =>
    eventsFor(gateway!, callId).some((event) => event.type === "call.ended"),
  );
  return eventsFor(gateway!, callId);
}

const hangsUp = new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: 100 });

describe("outbound calls through the trunk (SIPp as the carrier)", () => {
  test("answered: ringing, started, then the gateway hangs up (completed)", async () => {
    const trunk = await startSippServer({ scenario: "uas-answer-expect-ack-and-bye.xml" });
    gateway = await gatewayCalling(trunk.port, hangsUp);
    const callId = await dispatch(gateway);
    const events = await endedCallEvents(trunk, callId);
    expect(events.map((event) => event.type)).toEqual(["call.status", "call.started", "call.ended"]);
    expect(events[1]).toMatchObject({
      direction: "outbound",
      to_number: "+14155550123",
      from_number: "+14155550100",
    });
    expect(events[2]).toMatchObject({ status: "completed", hangup_cause: "agent_hangup" });
  }, 60_000);

  test("a dispatch naming an org trunk the gateway has not loaded yet: it reloads its trunks and dials it", async () => {
    const carrier = await startSippServer({ scenario: "uas-answer-expect-ack-and-bye.xml" });
    gateway = await startTestGateway({ application: hangsUp });
    await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(testAgent()));
    // Published as control publishes a new trunk, but the invalidation has not reached the gateway.
    const trunk: TrunkSnapshot = {
      id: "trk_new",
      org_id: TEST_ORG,
      name: "carrier",
      inbound_cidrs: [],
      inbound_auth: null,
      outbound_uri: `sip:127.0.0.1:${carrier.port};transport=udp`,
      outbound_auth: null,
      caller_id: { default_caller_id: null, allow_from_number: true },
      destination_prefixes: ["+1"],
    };
    await gateway.bus.hashSet(Hashes.trunks, trunk.id, JSON.stringify(trunk));
    const callId = await dispatch(gateway, { trunk_id: trunk.id });
    const events = await endedCallEvents(carrier, callId);
    expect(events.at(-1)).toMatchObject({
      status: "completed",
      hangup_cause: "agent_hangup",
    });
  }, 60_000);

  test("over TCP: the trunk URI's transport=tcp carries the whole call", async () => {
    const trunk = await startSippServer({ scenario: "uas-answer-expect-ack-and-bye.xml", transport: "t1" });
    gateway = await startTestGateway({
      env: { SIP_TRUNK_OUTBOUND_URI: `sip:127.0.0.1:${trunk.port};transport=tcp` },
      application: hangsUp,
    });
    await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(testAgent()));
    const callId = await dispatch(gateway);
    const events = await endedCallEvents(trunk, callId);
    expect(events.at(-1)).toMatchObject({
      status: "completed",
      hangup_cause: "agent_hangup",
    });
  }, 60_000);

  test("busy: 486 ends the call as busy", async () => {
    const trunk = await startSippServer({ scenario: "uas-busy-486-expect-ack.xml" });
    gateway = await gatewayCalling(trunk.port, hangsUp);
    const callId = await dispatch(gateway);
    const events = await endedCallEvents(trunk, callId);
    expect(events.at(-1)).toMatchObject({ status: "busy", hangup_cause: "sip_486" });
  }, 60_000);

  test("no answer: the gateway CANCELs at its ring timeout and ends the call no_answer", async () => {
    const trunk = await startSippServer({ scenario: "uas-ring-no-answer-expect-cancel.xml" });
    gateway = await gatewayCalling(trunk.port, hangsUp, { SIP_OUTBOUND_RING_TIMEOUT_MS: "1000" });
    const callId = await dispatch(gateway);
    const events = await endedCallEvents(trunk, callId);
    expect(events.map((event) => event.type)).toEqual(["call.status", "call.ended"]);
    expect(events.at(-1)).toMatchObject({
      status: "no_answer",
      hangup_cause: "ring_timeout",
    });
  }, 60_000);

  test("cancelled through the API while ringing: CANCEL, 487, call canceled", async () => {
    const trunk = await startSippServer({ scenario: "uas-ring-no-answer-expect-cancel.xml" });
    gateway = await gatewayCalling(trunk.port, hangsUp, { SIP_OUTBOUND_RING_TIMEOUT_MS: "60000" });
    const callId = await dispatch(gateway);
    await waitFor("a call.status event of callId", () =>
      eventsFor(gateway!, callId).some((event) => event.type === "call.status"),
    );
    await gateway.bus.publish(Channels.callCancel, callId);
    const events = await endedCallEvents(trunk, callId);
    expect(events.at(-1)).toMatchObject({
      status: "canceled",
      hangup_cause: "api_cancel",
    });
  }, 60_000);

  test("cancelled before any gateway dialled: no INVITE, call canceled", async () => {
    gateway = await gatewayCalling(9, hangsUp);
    const callId = `call_${crypto.randomUUID().replaceAll("-", "")}`;
    await gateway.bus.hashSet(Hashes.canceledCalls, callId, "1");
    await dispatch(gateway, { call_id: callId });
    await waitFor("an event of the call", () => eventsFor(gateway!, callId).length > 0);
    expect(eventsFor(gateway, callId)).toEqual([
      expect.objectContaining({ type: "call.ended", status: "canceled", hangup_cause: "api_cancel" }),
    ]);
    expect(await gateway.bus.hashGet(Hashes.canceledCalls, callId)).toBeNull();
  });

  test("digest challenge: the INVITE is retried with valid MD5 credentials and answered", async () => {
    const trunk = await startSippServer({ scenario: "uas-digest-challenge-expect-authorized-invite.xml" });
    gateway = await gatewayCalling(trunk.port, hangsUp, {
      SIP_TRUNK_USERNAME: "acme",
      SIP_TRUNK_PASSWORD: "trunkpass",
    });
    const callId = await dispatch(gateway);
    const result = await trunk.done;
    expect(result.errors).toBe("");
    await waitFor("the call's call.ended event", () =>
      eventsFor(gateway!, callId).some((event) => event.type === "call.ended"),
    );
    expect(eventsFor(gateway, callId).map((event) => event.type)).toContain("call.started");
  }, 60_000);

  test("a destination outside the trunk's allow-list is refused before any INVITE", async () => {
    gateway = await gatewayCalling(9, hangsUp);
    const callId = await dispatch(gateway, { to_number: "not a number" });
    await waitFor("an event of the call", () => eventsFor(gateway!, callId).length > 0);
    expect(eventsFor(gateway, callId)[0]).toMatchObject({
      status: "failed",
      hangup_cause: "invalid_destination",
    });
  });

  test("over the org's cap: no INVITE, failed with concurrency_limit; once a place frees, dialled and given back", async () => {
    const trunk = await startSippServer({ scenario: "uas-answer-expect-ack-and-bye.xml" });
    gateway = await gatewayCalling(trunk.port, hangsUp);
    const scope = callLeaseScope(TEST_ORG);
    await gateway.bus.hashSet(Hashes.orgCallLimits, TEST_ORG, "1");
    // Another gateway's call holds the org's only place.
    await gateway.bus.acquireLease(scope, "call_elsewhere", "gw_other", 1, 60_000);
    const refused = await dispatch(gateway);
    await waitFor("an event of the refused call", () => eventsFor(gateway!, refused).length > 0);
    expect(eventsFor(gateway, refused)).toEqual([
      expect.objectContaining({ type: "call.ended", status: "failed", hangup_cause: "concurrency_limit" }),
    ]);
    expect(await gateway.bus.countLeases(scope)).toBe(1);

    await gateway.bus.releaseLease(scope, "call_elsewhere");
    const callId = await dispatch(gateway);
    const events = await endedCallEvents(trunk, callId);
    expect(events.at(-1)).toMatchObject({ status: "completed" });
    expect(await gateway.bus.countLeases(scope)).toBe(0);
  }, 60_000);

  test("REFER: blind transfer reports the NOTIFY outcome, then BYE", async () => {
    const outcomes: Array<{ ok: boolean; status: number | null }> = [];
    const transferring: MediaApplication = {
      async start(call: CallContext) {
        // Once start has returned (the ACK left before it began), not after a guessed delay.
        setTimeout(() => {
          call.control.transfer("+14155550123").then((outcome) => outcomes.push(outcome));
        }, 0);
        return { stop: async () => {} };
      },
    };
    const trunk = await startSippServer({ scenario: "uas-refer-notify-200-expect-bye.xml" });
    gateway = await gatewayCalling(trunk.port, transferring);
    const callId = await dispatch(gateway);
    const result = await trunk.done;
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await waitFor("the transfer's outcome", () => outcomes.length > 0);
    expect(outcomes[0]).toMatchObject({ ok: true, status: 200 });
    await waitFor("the call's call.ended event", () =>
      eventsFor(gateway!, callId).some((event) => event.type === "call.ended"),
    );
    expect(eventsFor(gateway, callId).at(-1)).toMatchObject({
      status: "completed",
      hangup_cause: "transferred",
    });
  }, 60_000);
});

test("final responses map to call statuses", () => {
  expect(statusForFailure(486)).toBe("busy");
  expect(statusForFailure(600)).toBe("busy");
  expect(statusForFailure(408)).toBe("no_answer");
  expect(statusForFailure(480)).toBe("no_answer");
  expect(statusForFailure(487)).toBe("no_answer");
  expect(statusForFailure(404)).toBe("failed");
  expect(statusForFailure(503)).toBe("failed");
});
