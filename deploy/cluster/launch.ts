// The cluster on one machine, as processes: Kamailio as the SIP edge, control, N gateways,
// and the dispatcher list kept equal to the gateways' announcements. `npm run cluster` and
// `npm run bench:cluster` start it; PostgreSQL and Redis are the caller's.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bus } from "../../shared/src/bus/contract.ts";
import { connectBus } from "../../shared/src/bus/index.ts";
import { type ScriptProcess, startScript } from "../../shared/src/testing/script-process.ts";
import { type DispatcherSync, startDispatcherSync } from "../kamailio/dispatcher-sync.ts";
import { type Edge, startEdge } from "../kamailio/edge-process.ts";

const REPO_ROOT = join(import.meta.dir, "..", "..");
const CONTROL = join(REPO_ROOT, "control", "src", "main.ts");
const GATEWAY = join(REPO_ROOT, "gateway", "src", "main.ts");
/** RTP ports each gateway gets, from RTP_PORT_MIN up, one block per gateway. */
const RTP_PORTS_PER_GATEWAY = 2000;

export interface LocalClusterOptions {
  gateways: number;
  databaseUrl: string;
  redisUrl: string;
  /** The address Kamailio, control and gateways listen on (and advertise). */
  host: string;
  edgeSipPort: number;
  /** Trunk source CIDRs the edge accepts. */
  trunkCidrs: string[];
  controlPort?: number;
  pingIntervalS?: number;
  carrierHostPort?: string;
  rtpPortMin?: number;
  /** The environment every process starts from (default: this process's). */
  baseEnv?: Record<string, string | undefined>;
  controlEnv?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
}

export interface GatewayChild extends ScriptProcess {
  sipPort: number;
  httpUrl: string;
}

export interface LocalCluster {
  edge: Edge;
  apiUrl: string;
  control: ScriptProcess;
  gateways: GatewayChild[];
  bus: Bus;
  sync: DispatcherSync;
  startGateway(): Promise<GatewayChild>;
  stop(): Promise<void>;
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-cluster-"));
  const base = definedOnly(options.baseEnv ?? process.env);
  const children: ScriptProcess[] = [];
  let edge: Edge | null = null;
  let bus: Bus | null = null;
  let sync: DispatcherSync | null = null;
  const stop = async () => {
    // The list stays as it is: a draining gateway's OPTIONS 503 takes it out of rotation.
    await sync?.stop();
    await bus?.close();
    // Gateways drain first, then control, then the edge.
    await Promise.all(children.slice(1).map((child) => child.stop().catch(() => {})));
    await children[0]?.stop().catch(() => {});
    await edge?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    edge = await startEdge({
      dir,
      host: options.host,
      sipPort: options.edgeSipPort,
      trunkCidrs: options.trunkCidrs,
      pingIntervalS: options.pingIntervalS ?? 2,
      ...(options.carrierHostPort ? { carrierHostPort: options.carrierHostPort } : {}),
    });
    const control = await startScript(CONTROL, {
      env: {
        ...base,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        CONTROL_HOST: options.host,
        CONTROL_PORT: String(options.controlPort ?? 0),
        ...options.controlEnv,
      },
      ready: /^\s*API\s+(http:\/\/\S+)$/m,
      cwd: REPO_ROOT,
    });
    children.push(control);
    const apiUrl = control.match[1]!;
    let started = 0;
    const rtpPortMin = options.rtpPortMin ?? 20000;
    const startGateway = async (): Promise<GatewayChild> => {
      const index = started++;
      const child = await startScript(GATEWAY, {
        env: {
          ...base,
          REDIS_URL: options.redisUrl,
          SIP_PORT: "0",
          GATEWAY_PORT: "0",
          SIP_BIND_ADDRESS: options.host,
          PUBLIC_IP: options.host,
          RTP_PORT_MIN: String(rtpPortMin + index * RTP_PORTS_PER_GATEWAY),
          RTP_PORT_MAX: String(rtpPortMin + (index + 1) * RTP_PORTS_PER_GATEWAY - 1),
          // Calls reach gateways only through the edge.
          SIP_TRUNK_INBOUND_CIDRS: `${options.host}/32`,
          ...options.gatewayEnv,
        },
        ready: /Gateway\s+http:\/\/[^\s:]+:(\d+) \(SIP on UDP and TCP port (\d+)/,
        cwd: REPO_ROOT,
      });
      children.push(child);
      return {
        ...child,
        httpUrl: `http://${options.host}:${child.match[1]}`,
        sipPort: Number(child.match[2]),
      };
    };
    const gateways = await Promise.all(Array.from({ length: options.gateways }, startGateway));
    bus = await connectBus(options.redisUrl);
    sync = startDispatcherSync({
      bus,
      listPath: edge.dispatcherListPath,
      ctlSocket: edge.ctlSocket,
      intervalMs: 500,
      onError: (error) => console.error(`dispatcher sync: ${(error as Error).message}`),
    });
    return {
      edge,
      apiUrl,
      control,
      gateways,
      bus,
      sync,
      async startGateway() {
        const gateway = await startGateway();
        gateways.push(gateway);
        return gateway;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
