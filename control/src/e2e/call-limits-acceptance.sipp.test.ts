// Limits that hold across gateways, as an operator sees them: control and two gateways as
// processes on PostgreSQL and Redis, SIPp as the callers. The operator sets an org's cap to 2;
// with one call in progress on each gateway, a third call to either is refused with 503 and
// Retry-After. A gateway killed mid-call keeps its place until control's reaper finds it
// lost and reclaims it; then a new call is answered.

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { hostname } from "node:os";
import { RedisBus } from "@switchboard/shared/bus/redis";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp, type SippResult } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import {
  type ApiClient,
  type Call,
  E2E_WAIT,
  INBOUND_NUMBER,
  makeCallerAudio,
  provisionInbound,
  startWebhookReceiver,
} from "./support/acceptance.ts";
import { type Cluster, type GatewayProcess, startCluster } from "./support/cluster.ts";

const ADMIN_KEY = `sk_admin_${"L1m1t5".repeat(5)}`;
/** Calls held open this long by the callers, well past the steps that need them. */
const HOLD_MS = 25_000;

let cluster: Cluster;
let dir: string;
let callerAudio: string;
let bus: RedisBus;
let controlUrl: string;
let api: ApiClient;
let receiver: ReturnType<typeof startWebhookReceiver>;

/** A caller that is answered and stays on the line for `holdMs`, then hangs up. */
function holdingCall(
  gateway: GatewayProcess,
  name: string,
  holdMs: number,
  timeoutS: number,
): Promise<SippResult> {
  return runSipp({
    scenario: speakingCallerScenario(dir, callerAudio, name, [], holdMs),
    gatewayPort: gateway.sipPort,
    service: INBOUND_NUMBER,
    timeoutS,
  });
}

/** An INVITE the gateway must refuse with 503, Retry-After and the cap's Reason. */
async function expectRefused(gateway: GatewayProcess): Promise<void> {
  const refused = await runSipp({
    scenario: "uac-over-capacity-expect-503.xml",
    gatewayPort: gateway.sipPort,
    service: INBOUND_NUMBER,
  });
  expect(refused.errors).toBe("");
  expect(refused.exitCode).toBe(0);
}

async function inProgress(): Promise<Call[]> {
  return (await api.request<{ data: Call[] }>("GET", "/calls?direction=inbound&status=in_progress")).body
    .data;
}

beforeAll(async () => {
  cluster = await startCluster({
    name: "call-limits-acceptance",
    control: {
      ADMIN_API_KEY: ADMIN_KEY,
      // A gateway silent this long is lost; its heartbeat comes every 500 ms.
      GATEWAY_LOST_AFTER_MS: "4000",
    },
    // The holding callers send no audio.
    gateway: { SIP_MEDIA_TIMEOUT_MS: "120000" },
    gateways: 0,
  });
  ({ dir, api, controlUrl } = cluster);
  callerAudio = makeCallerAudio(dir);
  // The production bus's own key prefix: the test reads and writes what the processes share.
  bus = await RedisBus.connect(cluster.redisUrl);
  receiver = startWebhookReceiver();
  await provisionInbound(api, receiver.url);
  // SIP ports chosen ahead: a gateway's id, which the test needs, is named after its port.
  await Promise.all([
    cluster.startGateway({ sipPortAhead: true }),
    cluster.startGateway({ sipPortAhead: true }),
  ]);
}, 120_000);

afterAll(async () => {
  receiver?.stop();
  await bus?.close().catch(() => {});
  await cluster?.stop();
}, 60_000);

describe("the per-org concurrent-call cap across two gateways on Redis and PostgreSQL", () => {
  test("cap 2: a third call anywhere is refused with 503 + Retry-After; a killed gateway's place is freed by the reaper", async () => {
    const [gatewayA, gatewayB] = cluster.gateways as [GatewayProcess, GatewayProcess];
    // The operator sets the org's cap; the tenant sees it.
    const org = await api.request<{ id: string }>("GET", "/org");
    const patched = await fetch(`${controlUrl}/api/v1/admin/orgs/${org.body.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ max_concurrent_calls: 2 }),
    });
    expect(patched.status).toBe(200);
    expect(
      (await api.request<{ max_concurrent_calls: number }>("GET", "/org")).body.max_concurrent_calls,
    ).toBe(2);

    // One call in progress on each gateway (A's caller gives up soon after its BYE goes unanswered).
    const onA = holdingCall(gatewayA, "uac-holds-on-gateway-a", HOLD_MS, HOLD_MS / 1000 + 3);
    const callA = await waitFor(
      "the call on gateway A in progress",
      async () => (await inProgress())[0],
      E2E_WAIT,
    );
    const onB = holdingCall(gatewayB, "uac-holds-on-gateway-b", HOLD_MS, HOLD_MS / 1000 + 20);
    const callB = await waitFor(
      "the call on gateway B in progress",
      async () => (await inProgress()).find((call) => call.id !== callA.id),
      E2E_WAIT,
    );

    // The third concurrent call is refused on either gateway.
    await expectRefused(gatewayA);
    await expectRefused(gatewayB);

    // Gateway A dies mid-call. Its lease would outlive this test (stretched to ten minutes
    // here), so only control's reaper can give its place back.
    await gatewayA.kill();
    const gatewayAId = `gateway-${hostname()}-${gatewayA.sipPort}`;
    expect(await bus.renewLeases(gatewayAId, 600_000)).toBe(1);
    await expectRefused(gatewayB);

    const lost = await waitFor(
      "the reaper to end the killed gateway's call",
      async () => {
        const detail = await api.request<Call>("GET", `/calls/${callA.id}`);
        return detail.body.status === "failed" ? detail.body : null;
      },
      E2E_WAIT,
    );
    expect(lost.hangup_cause).toBe("gateway_lost");
    expect(await bus.renewLeases(gatewayAId, 600_000)).toBe(0);

    // A new call is answered beside the call still up on gateway B.
    expect((await api.request<Call>("GET", `/calls/${callB.id}`)).body.status).toBe("in_progress");
    const next = await runSipp({
      scenario: speakingCallerScenario(dir, callerAudio, "uac-answered-after-reclaim", [], 2000),
      gatewayPort: gatewayB.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 30,
    });
    expect(next.errors).toBe("");
    expect(next.exitCode).toBe(0);

    // Gateway B's call lasted throughout and ends normally; A's caller lost its gateway.
    const [, heldOnB] = await Promise.all([onA, onB]);
    expect(heldOnB.errors).toBe("");
    expect(heldOnB.exitCode).toBe(0);
    const completed = await waitFor(
      "gateway B's calls to complete",
      async () => {
        const page = await api.request<{ data: Call[] }>("GET", "/calls?direction=inbound&status=completed");
        return page.body.data.length >= 2 ? page.body.data : null;
      },
      E2E_WAIT,
    );
    expect(completed.map((call) => call.id)).toContain(callB.id);
  }, 150_000);
});
