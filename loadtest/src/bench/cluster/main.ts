// `npm run bench:cluster`: SIPp through the Kamailio edge into two gateway processes, against
// SIPp straight to the same two gateways. Reports INVITE -> 200 OK p50/p95 both ways, how the calls
// spread over the gateways, and what a SIGKILL on one gateway does to the calls it carried
// and to new calls placed right after. Control, gateways, Kamailio and the stand-in providers
// run as processes on PostgreSQL and Redis; results go to docs/bench/cluster.json.
// Run: bun loadtest/src/bench/cluster/main.ts [calls=100] [callsPerSecond=10]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freeUdpPort, startOnFreePort } from "@switchboard/shared/testing/ports";
import { startScript } from "@switchboard/shared/testing/script-process";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { freshRedis } from "../../../../control/src/e2e/support/processes.ts";
import { createFreshDatabase } from "../../../../control/src/testing/fresh-database.ts";
import { type GatewayChild, startLocalCluster } from "../../../../deploy/cluster/launch.ts";
import { ensureServices } from "../../../../scripts/test-services.ts";
import { PLATFORM_NUMBER, PlatformApi, provisionPlatform } from "../platform/provision.ts";
import { startBenchWebhookReceiver } from "../platform/webhook-receiver.ts";
import { percentiles, runWave } from "./sipp-wave.ts";

const calls = Number(process.argv[2] ?? 100);
const callsPerSecond = Number(process.argv[3] ?? 10);
const REPO_ROOT = join(import.meta.dir, "..", "..", "..", "..");
const SCENARIOS = join(REPO_ROOT, "deploy", "kamailio", "sipp");
const callerHangsUp = join(SCENARIOS, "uac-via-edge-caller-bye-expect-200.xml");
const HOST = "127.0.0.1";
const LOST_AFTER_MS = 3000;

async function answeredInvites(gateway: GatewayChild): Promise<number> {
  const text = await (await fetch(`${gateway.httpUrl}/metrics`)).text();
  const line = text
    .split("\n")
    .find(
      (row) =>
        row.startsWith("switchboard_sip_requests_total{") &&
        row.includes('method="INVITE"') &&
        row.includes('response="200"'),
    );
  return line ? Number(line.split(" ").at(-1)) : 0;
}

await ensureServices();
const database = await createFreshDatabase("switchboard_bench_cluster");
const redis = await freshRedis();
const standIns = await startScript(join(REPO_ROOT, "loadtest", "stand-ins", "src", "main.ts"), {
  env: {},
  ready: /ELEVENLABS_BASE_URL=\S+/,
  cwd: REPO_ROOT,
});
const standInUrls = Object.fromEntries(
  [...standIns.output().matchAll(/^(\w+_BASE_URL)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]),
);
const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
const receiver = startBenchWebhookReceiver();
const cluster = await startOnFreePort(freeUdpPort, (edgeSipPort) =>
  startLocalCluster({
    gateways: 2,
    databaseUrl: database.url,
    redisUrl: redis.url,
    host: HOST,
    edgeSipPort,
    trunkCidrs: [`${HOST}/32`],
    pingIntervalS: 1,
    baseEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
    controlEnv: {
      INIT_API_KEY: apiKey,
      NUMBER_INVENTORY: PLATFORM_NUMBER,
      ALLOW_PRIVATE_URLS: "true",
      SELF_SERVE_CREDITS: "true",
      RATE_LIMIT_PER_MINUTE: "100000",
      ORG_DEFAULT_MAX_CONCURRENT_CALLS: "10000",
      GATEWAY_LOST_AFTER_MS: String(LOST_AFTER_MS),
      LOG_LEVEL: "warn",
    },
    gatewayEnv: {
      ...standInUrls,
      OPENAI_API_KEY: "sk-stand-in",
      ORG_DEFAULT_MAX_CONCURRENT_CALLS: "10000",
      SIP_MAX_CALLS_PER_ORG: "10000",
      GATEWAY_HEARTBEAT_INTERVAL_MS: "500",
      LOG_LEVEL: "warn",
    },
  }),
);
try {
  const api = new PlatformApi(cluster.apiUrl.replace(/\/api\/v1$/, ""), apiKey);
  await provisionPlatform(api, {
    webhookUrl: receiver.url,
    endpointingSilenceMs: 400,
    creditsCents: 1_000_000,
  });
  const [a, b] = cluster.gateways as [GatewayChild, GatewayChild];
  await waitFor(
    "both gateways in the edge's rotation",
    async () => {
      const states = await cluster.edge.destinations();
      return [a, b].every((gateway) => states.get(`sip:${HOST}:${gateway.sipPort}`) === "active");
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
  const wave = (port: number, count: number, pauseMs: number) =>
    runWave({
      host: HOST,
      port,
      scenario: callerHangsUp,
      calls: count,
      callsPerSecond,
      pauseMs,
      number: PLATFORM_NUMBER,
    });

  // Warm both gateways (greeting synthesis, agent snapshot) before anything is timed.
  await wave(cluster.edge.sipPort, 10, 500);
  // Straight to the gateways, half each, as the edge spreads them: only the edge differs.
  const halves = await Promise.all(
    [a, b].map((gateway) =>
      runWave({
        host: HOST,
        port: gateway.sipPort,
        scenario: callerHangsUp,
        calls: calls / 2,
        callsPerSecond: callsPerSecond / 2,
        pauseMs: 1000,
        number: PLATFORM_NUMBER,
      }),
    ),
  );
  const direct = {
    calls,
    successful: halves[0]!.successful + halves[1]!.successful,
    failed: halves[0]!.failed + halves[1]!.failed,
    setupMs: [...halves[0]!.setupMs, ...halves[1]!.setupMs],
  };
  const spreadBefore = [await answeredInvites(a), await answeredInvites(b)];
  const throughEdge = await wave(cluster.edge.sipPort, calls, 1000);
  const spread = [
    (await answeredInvites(a)) - spreadBefore[0]!,
    (await answeredInvites(b)) - spreadBefore[1]!,
  ];

  // A SIGKILL with calls up on both gateways, and new calls placed right after it.
  const beforeKill = [await answeredInvites(a), await answeredInvites(b)];
  const longCalls = wave(cluster.edge.sipPort, 20, 8000);
  const onKilled = await waitFor(
    "20 long calls answered",
    async () => {
      const onA = (await answeredInvites(a)) - beforeKill[0]!;
      const onB = (await answeredInvites(b)) - beforeKill[1]!;
      return onA + onB === 20 ? { onA } : null;
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );
  const killedAtMs = Date.now();
  await a.kill();
  const outOfRotation = waitFor(
    "the killed gateway out of rotation",
    async () =>
      (await cluster.edge.destinations()).get(`sip:${HOST}:${a.sipPort}`) !== "active" ? Date.now() : null,
    { timeoutMs: 30_000, intervalMs: 20 },
  );
  const reapedPromise = waitFor(
    "the killed gateway's calls ended by the reaper",
    async () => {
      const page = await api.request<{
        data: Array<{ hangup_cause: string | null; cost_cents: number | null }>;
      }>("GET", "/calls?status=failed&limit=100");
      const lost = page.data.filter((call) => call.hangup_cause === "gateway_lost");
      return lost.length >= onKilled.onA ? { atMs: Date.now(), lost } : null;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const afterKill = await wave(cluster.edge.sipPort, 30, 1000);
  const outOfRotationMs = (await outOfRotation) - killedAtMs;
  const reaped = await reapedPromise;
  const long = await longCalls;

  const result = {
    calls,
    calls_per_second: callsPerSecond,
    call_hold_ms: 1000,
    direct_to_gateways: { ...direct, setupMs: undefined, invite_to_200_ms: percentiles(direct.setupMs) },
    through_edge: {
      ...throughEdge,
      setupMs: undefined,
      invite_to_200_ms: percentiles(throughEdge.setupMs),
      calls_per_gateway: spread,
    },
    sigkill: {
      long_calls: 20,
      on_killed_gateway: onKilled.onA,
      long_calls_completed: long.successful,
      killed_gateway_calls_ended_by_reaper: reaped.lost.length,
      reaped_after_kill_ms: reaped.atMs - killedAtMs,
      reaped_calls_billed: reaped.lost.filter((call) => (call.cost_cents ?? 0) > 0).length,
      out_of_rotation_after_kill_ms: outOfRotationMs,
      new_calls_after_kill: {
        ...afterKill,
        setupMs: undefined,
        invite_to_200_ms: percentiles(afterKill.setupMs),
      },
    },
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(join(REPO_ROOT, "docs", "bench", "cluster.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await cluster.stop();
  receiver.stop();
  await standIns.stop();
  await redis.drop();
  await database.drop();
}
