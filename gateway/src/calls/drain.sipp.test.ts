import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import type { CallContext, MediaApplication } from "../call-core/application.ts";
import { DRAIN_HANGUP_CAUSE, drainCalls } from "../drain.ts";
import { publishRoute, startTestGateway, type TestGateway } from "./testing/test-gateway.ts";

const log = createLogger("silent");

/**
 * Stands in for the turn pipeline at the call's edges: its stop takes `stopMs` (the pipeline
 * winding down), and its goodbye is recorded and hangs up at once.
 */
class EdgeApplication implements MediaApplication {
  readonly goodbyes: Array<{ text: string; cause: string }> = [];
  /** Calls this application runs: a call counts as in progress before its application starts. */
  started = 0;
  constructor(private readonly stopMs: number) {}

  async start(call: CallContext) {
    this.started++;
    return {
      stop: () => Bun.sleep(this.stopMs),
      sayGoodbye: (text: string, cause: string) => {
        this.goodbyes.push({ text, cause });
        call.control.hangup(cause).catch(() => {});
      },
    };
  }
}

/** Every call event on the bus right now (its own consumer group, no waiting). */
async function eventsOnBus(gateway: TestGateway): Promise<CallEvent[]> {
  await gateway.bus.ensureGroup(Streams.callEvents, "drain-check");
  const entries = await gateway.bus.readGroup(Streams.callEvents, "drain-check", "c", {
    count: 1000,
    blockMs: 0,
  });
  return entries.map((entry) => JSON.parse(entry.data) as CallEvent);
}

describe("gateway drain (SIPp)", () => {
  const env = { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" };
  let slowStop: EdgeApplication;
  let gateway: TestGateway;
  let goodbyeApp: EdgeApplication;
  let goodbyeGateway: TestGateway;

  beforeAll(async () => {
    slowStop = new EdgeApplication(1000);
    gateway = await startTestGateway({ env, application: slowStop });
    goodbyeApp = new EdgeApplication(0);
    goodbyeGateway = await startTestGateway({ env, application: goodbyeApp });
    for (const each of [gateway, goodbyeGateway]) await publishRoute(each.bus, "+14155550100");
  });
  afterAll(async () => {
    await Promise.all([gateway.stop(), goodbyeGateway.stop()]);
  });

  test("a drain ends once the caller hung up and the call's call.ended is on the bus; meanwhile INVITE and OPTIONS get 503", async () => {
    const caller = runSipp({ scenario: "uac-answered-caller-bye-expect-200.xml", gatewayPort: gateway.port });
    await waitFor("one call in progress", () => gateway.service.callsInProgress === 1);
    const drained = drainCalls([gateway.service], { drainTimeoutMs: 20_000, goodbyeMessage: "Bye.", log });
    const [invite, options] = await Promise.all([
      runSipp({ scenario: "uac-draining-gateway-expect-503.xml", gatewayPort: gateway.port }),
      runSipp({ scenario: "uac-options-draining-expect-503.xml", gatewayPort: gateway.port }),
    ]);
    expect(invite.errors).toBe("");
    expect(invite.exitCode).toBe(0);
    expect(options.errors).toBe("");
    expect(options.exitCode).toBe(0);
    const result = await caller;
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    await drained;
    // The application's stop took a second after the BYE: the drain waited for the record.
    const ended = (await eventsOnBus(gateway)).filter((event) => event.type === "call.ended");
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ status: "completed", hangup_cause: "caller_hangup" });
    expect(slowStop.goodbyes).toEqual([]);
  });

  test("when the drain time is up the application says the goodbye, the caller gets a BYE, and the call ends as gateway_shutdown", async () => {
    const caller = runSipp({
      scenario: "uac-gateway-hangs-up-expect-bye.xml",
      gatewayPort: goodbyeGateway.port,
    });
    // Only an application that runs can say the goodbye: wait for it, not only for the call.
    await waitFor("the call's application to run", () => goodbyeApp.started === 1);
    await drainCalls([goodbyeGateway.service], { drainTimeoutMs: 0, goodbyeMessage: "Closing. Bye.", log });
    expect(goodbyeApp.goodbyes).toEqual([{ text: "Closing. Bye.", cause: DRAIN_HANGUP_CAUSE }]);
    const ended = (await eventsOnBus(goodbyeGateway)).filter((event) => event.type === "call.ended");
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ status: "completed", hangup_cause: "gateway_shutdown" });
    const result = await caller;
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
  });
});
