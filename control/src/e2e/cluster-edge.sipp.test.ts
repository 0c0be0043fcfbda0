// The cluster as an operator runs it: Kamailio (deploy/kamailio/kamailio.cfg) as the SIP edge in
// front of gateway processes, control and gateways on PostgreSQL and Redis, the dispatcher
// list written from the gateways' announcements. SIPp is the trunk. Gateways are killed and
// drained while calls are up; an untrusted source floods the edge; an outbound call leaves
// through it to a SIPp carrier.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Bus } from "@switchboard/shared/bus/contract";
import { connectBus } from "@switchboard/shared/bus/index";
import type { GatewayList } from "@switchboard/shared/schemas/gateway";
import { freeUdpPort, startOnFreePort } from "@switchboard/shared/testing/ports";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import {
  runSipp,
  SIPP_DIR,
  type SippResult,
  withoutWatchdogWarnings,
} from "@switchboard/stand-ins/testing/sipp";
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
const carrierAnswers = join(SCENARIOS, "uas-via-edge-answer-expect-ack-and-bye.xml");
/** The flooder's own loopback address: not in the trunk list. */
const UNTRUSTED_IP = "127.0.0.2";
const ADMIN_KEY = `sk_admin_${"E6".repeat(16)}`;
/**
 * The edge's GATEWAY_FIRST_REPLY_TIMEOUT_MS: a silent gateway's INVITE fails over after it, and
 * a ping unanswered this long fails. Above the default so that a gateway slowed by a busy test
 * machine is not taken for dead.
 */
const FIRST_REPLY_TIMEOUT_MS = 3000;

let cluster: Cluster;
let api: ApiClient;
let receiver: WebhookReceiver;
let edge: Edge;
let bus: Bus;
let sync: DispatcherSync;
let dir: string;
/** Where the edge sends gateways' outbound calls on to: a SIPp carrier the outbound test starts. */
let carrierPort: number;
let carrier: ReturnType<typeof Bun.spawn> | null = null;

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

/** SIPp as the carrier on `carrierPort`, answering one call; resolves when it has run. */
async function answerAsCarrier(): Promise<SippResult> {
  const workDir = mkdtempSync(join(tmpdir(), "cluster-edge-carrier-"));
  const errorFile = join(workDir, "errors.log");
  const mediaPort = await freeUdpPort();
  const child = Bun.spawn(
    [
      "sipp",
      "-sf",
      carrierAnswers,
      "-i",
      "127.0.0.1",
      "-p",
      String(carrierPort),
      "-mp",
      String(mediaPort),
      "-m",
      "1",
      "-timeout",
      "60s",
      "-timeout_error",
      "-nostdin",
      "-trace_err",
      "-error_file",
      errorFile,
    ],
    { cwd: workDir, stdout: "pipe", stderr: "pipe" },
  );
  carrier = child;
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  const errors = withoutWatchdogWarnings(
    await Bun.file(errorFile)
      .text()
      .catch(() => ""),
  );
  rmSync(workDir, { recursive: true, force: true });
  return { exitCode, stdout, stderr, errors };
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
      ADMIN_API_KEY: ADMIN_KEY,
    },
    gateway: { ORG_DEFAULT_MAX_CONCURRENT_CALLS: "500", SIP_MAX_CALLS_PER_ORG: "500" },
    gateways: 0,
  });
  api = cluster.api;
  dir = mkdtempSync(join(tmpdir(), "cluster-edge-kamailio-"));
  carrierPort = await freeUdpPort();
  edge = await startOnFreePort(freeUdpPort, (port) =>
    startEdge({
      dir,
      host: "127.0.0.1",
      sipPort: port,
      trunkCidrs: ["127.0.0.1/32"],
      pingIntervalS: PING_INTERVAL_S,
      firstReplyTimeoutMs: FIRST_REPLY_TIMEOUT_MS,
      pike: { unitS: 2, requestsPerUnit: 16 },
      carrierHostPort: `127.0.0.1:${carrierPort}`,
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
  carrier?.kill();
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
    const causes = ended.map((call) => call.hangup_cause);
    expect(causes.filter((cause) => cause === "caller_hangup")).toHaveLength(20);
    expect(causes.filter((cause) => cause === "max_duration")).toHaveLength(20);

    // Both gateways announce themselves; the operator sees them with their SIP address.
    const listed = await fetch(`${cluster.controlUrl}/api/v1/admin/gateways`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(listed.status).toBe(200);
    const announced = ((await listed.json()) as GatewayList).data;
    expect(announced.map((gateway) => gateway.sip_address).sort()).toEqual(
      [a, b].map((gateway) => `127.0.0.1:${gateway.sipPort}`).sort(),
    );
    expect(announced.every((gateway) => !gateway.draining && gateway.capacity_calls > 0)).toBe(true);
  }, 120_000);

  test("SIGKILL on a gateway during a wave: new calls go to the survivor, the edge takes it out of rotation within the ping interval, the reaper ends and bills its calls", async () => {
    const [a, b] = cluster.gateways as [GatewayProcess, GatewayProcess];
    const completedBefore = (await callsWith("status=completed&direction=inbound")).length;
    const answeredBefore = [await answered(a, "INVITE", 200), await answered(b, "INVITE", 200)];
    // Calls that wait for the gateway's BYE at the agent's cap: still up when A dies.
    const wave = viaEdge(gatewayHangsUp, 12, { rate: 20, timeoutS: 40 });
    const onA = await waitFor(
      "the wave's 12 calls answered, some by each gateway",
      async () => {
        const deltaA = (await answered(a, "INVITE", 200)) - answeredBefore[0]!;
        const deltaB = (await answered(b, "INVITE", 200)) - answeredBefore[1]!;
        return deltaA + deltaB === 12 && deltaA > 0 && deltaB > 0 ? deltaA : null;
      },
      E2E_WAIT,
    );

    await a.kill();
    const outOfRotation = waitFor(
      "the killed gateway out of the edge's rotation",
      async () => (await stateOf(a)) !== "active",
      // One ping interval, and the ping's own timeout (the same fr_timer), and scheduling slack.
      { timeoutMs: PING_INTERVAL_S * 1000 + FIRST_REPLY_TIMEOUT_MS + 1000, intervalMs: 50 },
    );
    // Right after the kill: an INVITE hashed to A fails over to B; none gets a timeout or 5xx.
    const newCalls = await viaEdge(callerHangsUp, 10, { rate: 10, pauseMs: 500 });
    await outOfRotation;
    expectAllSucceeded(newCalls);
    expect((await answered(b, "INVITE", 200)) - answeredBefore[1]!).toBe(12 - onA + 10);

    const lost = await waitFor(
      "the killed gateway's calls ended by the reaper",
      async () => {
        const failed = (await callsWith("status=failed&direction=inbound")).filter(
          (call) => call.hangup_cause === "gateway_lost",
        );
        return failed.length === onA ? failed : null;
      },
      E2E_WAIT,
    );
    for (const call of lost) {
      expect(call.duration_s!).toBeGreaterThan(0);
      expect(call.cost_cents!).toBeGreaterThan(0);
    }
    await wave;
    // B's share of the wave ended at the cap, and the ten new calls by their callers.
    const completed = await callsWith("status=completed&direction=inbound");
    expect(completed.length - completedBefore).toBe(12 - onA + 10);
  }, 120_000);

  test("SIGTERM on a gateway: it leaves rotation while its calls go on, new calls go to the other, its calls end cleanly and it exits 0", async () => {
    const b = cluster.gateways[1]!;
    const c = await cluster.startGateway();
    await inRotation(c);
    const answeredBefore = [await answered(b, "INVITE", 200), await answered(c, "INVITE", 200)];
    let longCallsEnded = false;
    const longCalls = viaEdge(callerHangsUp, 10, { rate: 20, pauseMs: 9000 }).finally(() => {
      longCallsEnded = true;
    });
    const onC = await waitFor(
      "ten long calls answered, some by the gateway to drain",
      async () => {
        const deltaB = (await answered(b, "INVITE", 200)) - answeredBefore[0]!;
        const deltaC = (await answered(c, "INVITE", 200)) - answeredBefore[1]!;
        return deltaB + deltaC === 10 && deltaC > 0 ? deltaC : null;
      },
      E2E_WAIT,
    );

    c.proc.kill("SIGTERM");
    await waitFor("the draining gateway out of rotation", async () => (await stateOf(c)) !== "active", {
      timeoutMs: PING_INTERVAL_S * 1000 + FIRST_REPLY_TIMEOUT_MS + 1000,
      intervalMs: 50,
    });
    // Out of rotation before its calls ended: they are still up, on a gateway still running.
    expect(longCallsEnded).toBe(false);
    expect(c.proc.exitCode).toBeNull();

    const newCalls = await viaEdge(callerHangsUp, 6, { rate: 10, pauseMs: 500 });
    expectAllSucceeded(newCalls);
    expect((await answered(c, "INVITE", 200)) - answeredBefore[1]!).toBe(onC);

    // The drained gateway's callers hang up through the edge and it answers their BYEs.
    expectAllSucceeded(await longCalls);
    const code = await Promise.race([c.proc.exited, Bun.sleep(20_000).then(() => null)]);
    expect(code).toBe(0);
  }, 120_000);

  test("an untrusted source flooding the edge is blocked by pike while the trunk's calls go through", async () => {
    const replies: string[] = [];
    const flooder = await Bun.udpSocket({
      hostname: UNTRUSTED_IP,
      port: 0,
      socket: {
        data(_socket, data) {
          replies.push(data.toString().split("\r\n")[0]!);
        },
      },
    });
    const options = (n: number) =>
      Buffer.from(
        [
          `OPTIONS sip:+14155550100@127.0.0.1:${edge.sipPort} SIP/2.0`,
          `Via: SIP/2.0/UDP ${UNTRUSTED_IP}:${flooder.port};branch=z9hG4bK-flood-${n}`,
          "Max-Forwards: 70",
          `From: <sip:scanner@${UNTRUSTED_IP}>;tag=flood${n}`,
          "To: <sip:+14155550100@127.0.0.1>",
          `Call-ID: flood-${n}@${UNTRUSTED_IP}`,
          "CSeq: 1 OPTIONS",
          "Content-Length: 0",
          "",
          "",
        ].join("\r\n"),
      );
    try {
      const trunkCalls = viaEdge(callerHangsUp, 6, { rate: 10, pauseMs: 1000 });
      for (let n = 0; n < 300; n++) flooder.send(options(n), edge.sipPort, "127.0.0.1");
      expectAllSucceeded(await trunkCalls);
      await waitFor(
        "pike's block in the edge's log",
        () => /pike: blocking flooding source 127\.0\.0\.2/.test(edge.output()),
        E2E_WAIT,
      );
      // Answered (403) until pike saw the flood, then dropped without an answer.
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((line) => line.startsWith("SIP/2.0 403"))).toBe(true);
      expect(replies.length).toBeLessThan(100);
    } finally {
      flooder.close();
    }
  }, 60_000);
  test("an outbound call leaves through the edge: the carrier gets the gateway's INVITE, ACK and BYE from the edge", async () => {
    const carrierDone = answerAsCarrier();
    const trunk = await api.request("POST", "/trunks", {
      name: "carrier behind the edge",
      outbound_uri: `sip:127.0.0.1:${edge.sipPort}`,
      destination_countries: ["US"],
    });
    expect(trunk.status).toBe(201);
    const agents = await api.request<{ data: Array<{ id: string }> }>("GET", "/agents");
    const placed = await api.request<Call>("POST", "/calls/outbound", {
      agent_id: agents.body.data[0]!.id,
      to_number: "+14155550123",
    });
    expect(placed.status).toBe(201);
    expectAllSucceeded(await carrierDone);
    const call = await waitFor(
      "the completed outbound call",
      async () => {
        const detail = await api.request<Call>("GET", `/calls/${placed.body.id}`);
        return detail.body.status === "completed" ? detail.body : null;
      },
      E2E_WAIT,
    );
    expect(call.answered_at).not.toBeNull();
  }, 90_000);
});
