// The cluster as an operator runs it: Kamailio (deploy/kamailio/kamailio.cfg) as the SIP edge in
// front of gateway processes, control and gateways on PostgreSQL and Redis, the dispatcher
// list written from the gateways' announcements. SIPp is the trunk. Gateways are killed and
// drained while calls are up; an untrusted source floods the edge.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Bus } from "@switchboard/shared/bus/contract";
import { connectBus } from "@switchboard/shared/bus/index";
import { freeUdpPort, startOnFreePort } from "@switchboard/shared/testing/ports";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp, SIPP_DIR, type SippResult } from "@switchboard/stand-ins/testing/sipp";
import { gatewayUri } from "../../../deploy/kamailio/dispatcher-list.ts";
import { type DispatcherSync, startDispatcherSync } from "../../../deploy/kamailio/dispatcher-sync.ts";
import { type Edge, startEdge } from "../../../deploy/kamailio/edge-process.ts";
import {
  type ApiClient,
  type Call,
  E2E_WAIT,
  INBOUND_NUMBER,
  provisionInbound,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./support/acceptance.ts";
import { type Cluster, type GatewayProcess, startCluster } from "./support/cluster.ts";

const PING_INTERVAL_S = 1;
const SCENARIOS = join(import.meta.dir, "..", "..", "..", "deploy", "kamailio", "sipp");
const callerHangsUp = relative(SIPP_DIR, join(SCENARIOS, "uac-via-edge-caller-bye-expect-200.xml"));
const gatewayHangsUp = relative(SIPP_DIR, join(SCENARIOS, "uac-via-edge-gateway-bye-expect-bye.xml"));
/** The flooder's own loopback address: not in the trunk list. */
const UNTRUSTED_IP = "127.0.0.2";

let cluster: Cluster;
let api: ApiClient;
let receiver: WebhookReceiver;
let edge: Edge;
let bus: Bus;
let sync: DispatcherSync;
let dir: string;

function viaEdge(
  scenario: string,
  calls: number,
  options: { rate?: number; pauseMs?: number; timeoutS?: number } = {},
) {
  return runSipp({
    scenario,
    gatewayPort: edge.sipPort,
    service: INBOUND_NUMBER,
    calls,
    rate: options.rate ?? 10,
    timeoutS: options.timeoutS ?? 40,
    extraArgs: ["-d", String(options.pauseMs ?? 2000), "-l", String(calls)],
  });
}

function expectAllSucceeded(result: SippResult) {
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);
}

/** The gateway's count of SIP requests of `method` it answered with `status` (its /metrics). */
async function answered(gateway: GatewayProcess, method: string, status: number): Promise<number> {
  const text = await (await fetch(`${gateway.httpUrl}/metrics`)).text();
  const line = text
    .split("\n")
    .find(
      (row) =>
        row.startsWith("switchboard_sip_requests_total{") &&
        row.includes(`method="${method}"`) &&
        row.includes(`response="${status}"`),
    );
  return line ? Number(line.split(" ").at(-1)) : 0;
}

function uriOf(gateway: GatewayProcess): string {
  return gatewayUri(`127.0.0.1:${gateway.sipPort}`);
}

async function stateOf(gateway: GatewayProcess) {
  return (await edge.destinations()).get(uriOf(gateway)) ?? "absent";
}

async function inRotation(gateway: GatewayProcess) {
  await waitFor(
    `${uriOf(gateway)} in the edge's rotation`,
    async () => (await stateOf(gateway)) === "active",
    {
      timeoutMs: 20_000,
      intervalMs: 100,
    },
  );
}

async function callsWith(query: string): Promise<Call[]> {
  const all: Call[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { data: Call[]; next_cursor: string | null } } = await api.request(
      "GET",
      `/calls?limit=100&${query}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    all.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  cluster = await startCluster({
    name: "cluster-edge",
    control: {
      GATEWAY_LOST_AFTER_MS: "3000",
      ORG_DEFAULT_MAX_CONCURRENT_CALLS: "500",
      INBOUND_CENTS_PER_MINUTE: "60",
    },
    gateway: { ORG_DEFAULT_MAX_CONCURRENT_CALLS: "500", SIP_MAX_CALLS_PER_ORG: "500" },
    gateways: 0,
  });
  api = cluster.api;
  dir = mkdtempSync(join(tmpdir(), "cluster-edge-kamailio-"));
  edge = await startOnFreePort(freeUdpPort, (port) =>
    startEdge({
      dir,
      host: "127.0.0.1",
      sipPort: port,
      trunkCidrs: ["127.0.0.1/32"],
      pingIntervalS: PING_INTERVAL_S,
      pike: { unitS: 2, requestsPerUnit: 16 },
    }),
  );
  bus = await connectBus(cluster.redisUrl);
  sync = startDispatcherSync({
    bus,
    listPath: edge.dispatcherListPath,
    ctlSocket: edge.ctlSocket,
    intervalMs: 250,
  });
  receiver = startWebhookReceiver();
  await provisionInbound(api, receiver.url);
  // The gateway hangs up at the agent's cap: the BYE of the calls that wait for one.
  const agents = await api.request<{ data: Array<{ id: string }> }>("GET", "/agents");
  const capped = await api.request("PATCH", `/agents/${agents.body.data[0]!.id}`, { max_duration_s: 10 });
  expect(capped.status).toBe(200);
  await Promise.all([cluster.startGateway(), cluster.startGateway()]);
  await Promise.all(cluster.gateways.map(inRotation));
}, 180_000);

afterAll(async () => {
  await sync?.stop();
  await bus?.close();
  await edge?.stop();
  receiver?.stop();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("Kamailio in front of gateway processes", () => {
  test("40 calls through the edge spread over both gateways; BYE from either side reaches the gateway that took the call", async () => {
    const [a, b] = cluster.gateways as [GatewayProcess, GatewayProcess];
    const [callers, gateways] = await Promise.all([
      viaEdge(callerHangsUp, 20, { pauseMs: 2000 }),
      viaEdge(gatewayHangsUp, 20),
    ]);
    expectAllSucceeded(callers);
    expectAllSucceeded(gateways);

    const answeredBy = [await answered(a, "INVITE", 200), await answered(b, "INVITE", 200)];
    expect(answeredBy[0]! + answeredBy[1]!).toBe(40);
    for (const count of answeredBy) expect(count).toBeLessThanOrEqual(30);
    // Each caller's BYE was answered 200 by the gateway holding the dialog, none with 481.
    expect((await answered(a, "BYE", 200)) + (await answered(b, "BYE", 200))).toBe(20);
    expect((await answered(a, "BYE", 481)) + (await answered(b, "BYE", 481))).toBe(0);

    const ended = await waitFor(
      "40 completed calls",
      async () => {
        const done = await callsWith("status=completed&direction=inbound");
        return done.length === 40 ? done : null;
      },
      E2E_WAIT,
    );
    const causes = ended.map((call) => call.hangup_cause).sort();
    expect(causes.filter((cause) => cause === "caller_hangup")).toHaveLength(20);
  }, 120_000);
});
