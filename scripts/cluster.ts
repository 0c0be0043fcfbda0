// `npm run cluster -- N`: Kamailio as the SIP edge, control and N gateways on this machine
// (docs/DEPLOY.md). PostgreSQL and Redis: DATABASE_URL and REDIS_URL, or the local ones the
// tests use (database `switchboard_cluster`, created once). Ctrl-C stops everything.
//   EDGE_HOST (default 127.0.0.1), EDGE_SIP_PORT (5060), TRUNK_CIDRS (SIP_TRUNK_INBOUND_CIDRS or
//   127.0.0.1/32), CARRIER_HOSTPORT (where gateways' outbound calls go on), CONTROL_PORT (3000).
import postgres from "postgres";
import { POSTGRES_ADMIN_URL } from "../control/src/testing/fresh-database.ts";
import { startLocalCluster } from "../deploy/cluster/launch.ts";
import { ensureServices } from "./test-services.ts";

const CLUSTER_DATABASE = "switchboard_cluster";

async function localDatabaseUrl(): Promise<string> {
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${CLUSTER_DATABASE}`;
    if (found.length === 0) await admin.unsafe(`create database ${CLUSTER_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${CLUSTER_DATABASE}`;
  return url.toString();
}

const gatewayCount = Number(process.argv[2] ?? 2);
if (!Number.isInteger(gatewayCount) || gatewayCount < 1 || gatewayCount > 32) {
  console.error("usage: npm run cluster -- N   (1 to 32 gateways)");
  process.exit(2);
}
if (!process.env.DATABASE_URL || !process.env.REDIS_URL) await ensureServices();
const host = process.env.EDGE_HOST ?? "127.0.0.1";
const edgeSipPort = Number(process.env.EDGE_SIP_PORT ?? 5060);
const trunkCidrs = (process.env.TRUNK_CIDRS ?? process.env.SIP_TRUNK_INBOUND_CIDRS ?? "127.0.0.1/32")
  .split(",")
  .map((cidr) => cidr.trim())
  .filter(Boolean);

const cluster = await startLocalCluster({
  gateways: gatewayCount,
  databaseUrl: process.env.DATABASE_URL ?? (await localDatabaseUrl()),
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  host,
  edgeSipPort,
  trunkCidrs,
  controlPort: Number(process.env.CONTROL_PORT ?? 3000),
  ...(process.env.CARRIER_HOSTPORT ? { carrierHostPort: process.env.CARRIER_HOSTPORT } : {}),
});
process.stdout.write(
  [
    "",
    `Switchboard cluster: Kamailio edge, control, ${gatewayCount} gateway${gatewayCount === 1 ? "" : "s"}`,
    `  SIP      sip:${host}:${edgeSipPort} (UDP and TCP): point the trunk here; trusted trunk sources ${trunkCidrs.join(", ")}`,
    `  API      ${cluster.apiUrl}`,
    ...cluster.gateways.map((gateway) => `  Gateway  sip:${host}:${gateway.sipPort}  ${gateway.httpUrl}`),
    "  Ctrl-C stops everything (gateways drain first).",
    "",
  ].join("\n"),
);
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write("stopping the cluster...\n");
  await cluster.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
