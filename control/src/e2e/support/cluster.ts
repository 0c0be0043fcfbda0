// The production topology on loopback, as the multi-process acceptance tests start it: control
// and gateways as separate processes on a fresh PostgreSQL database and Redis, the stand-in
// providers in a process of their own. A test names only what it changes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freeUdpPort, startOnFreePort } from "@switchboard/shared/testing/ports";
import { ApiClient, INBOUND_NUMBER } from "./acceptance.ts";
import {
  controlUrlOf,
  freshDatabase,
  freshRedis,
  gatewayAddressOf,
  type RunningProcess,
  scripts,
  standInUrlsOf,
  startProcess,
} from "./processes.ts";

/** A gateway on loopback: SIP, HTTP and RTP on ports it binds itself; SIP from 127.0.0.1 is trusted. */
export const LOOPBACK_GATEWAY_ENV: Readonly<Record<string, string>> = {
  SIP_PORT: "0",
  SIP_BIND_ADDRESS: "127.0.0.1",
  PUBLIC_IP: "127.0.0.1",
  GATEWAY_PORT: "0",
  RTP_PORT_MIN: "0",
  RTP_PORT_MAX: "1",
  SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
};

export type GatewayProcess = RunningProcess & { httpUrl: string; httpPort: number; sipPort: number };

export interface ClusterOptions {
  /** Names the cluster's temporary DATA_DIR. */
  name: string;
  /** A Redis of the test's own, which it stops; default: an empty numbered database, dropped at the end. */
  redisUrl?: string;
  /** Added to control's environment, overriding the defaults. */
  control?: Record<string, string>;
  /** Added to every gateway's environment, overriding the defaults. */
  gateway?: Record<string, string>;
  /** Gateways started with the cluster (default 2); `startGateway` adds more. */
  gateways?: number;
}

export interface StartGatewayOptions {
  /** Added to this gateway's environment. */
  env?: Record<string, string>;
  /**
   * The SIP port chosen ahead instead of 0, so the gateway's id (`gateway-<host>-<port>`) is
   * known; taken before the gateway binds it, the start is tried again on another.
   */
  sipPortAhead?: boolean;
}

export interface Cluster {
  /** DATA_DIR of every process; removed by `stop`. */
  dir: string;
  redisUrl: string;
  controlUrl: string;
  /** The first owner's key (INIT_API_KEY) and a client with it. */
  apiKey: string;
  api: ApiClient;
  control: RunningProcess;
  /** Every gateway started so far, in the order they were asked for. */
  gateways: GatewayProcess[];
  startGateway(options?: StartGatewayOptions): Promise<GatewayProcess>;
  /** Stops every process, drops the database (and the Redis database it made), removes `dir`. */
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), `${options.name}-`));
  const processes: RunningProcess[] = [];
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const child of processes.splice(0).reverse()) await child.stop().catch(() => {});
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    const database = await freshDatabase();
    cleanups.push(() => database.drop());
    let redisUrl = options.redisUrl;
    if (redisUrl === undefined) {
      const redis = await freshRedis();
      cleanups.push(() => redis.drop());
      redisUrl = redis.url;
    }
    const standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/);
    processes.push(standIns);
    const standInUrls = standInUrlsOf(standIns.output());

    const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
    const control = await startProcess(
      scripts.control,
      {
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        DATA_DIR: dir,
        CONTROL_HOST: "127.0.0.1",
        CONTROL_PORT: "0",
        INIT_API_KEY: apiKey,
        NUMBER_INVENTORY: INBOUND_NUMBER,
        ALLOW_PRIVATE_URLS: "true",
        // With DATABASE_URL set, tenants buy no credits unless the operator allows it.
        SELF_SERVE_CREDITS: "true",
        RATE_LIMIT_PER_MINUTE: "100000",
        LOG_LEVEL: "warn",
        ...options.control,
      },
      /Docs/,
    );
    processes.push(control);
    const controlUrl = controlUrlOf(control.output());

    const gateways: GatewayProcess[] = [];
    const gatewayEnv = (sipPort: string, env: Record<string, string> = {}) => ({
      ...LOOPBACK_GATEWAY_ENV,
      REDIS_URL: redisUrl,
      DATA_DIR: dir,
      SIP_PORT: sipPort,
      GATEWAY_HEARTBEAT_INTERVAL_MS: "500",
      OPENAI_API_KEY: "sk-stand-in",
      LOG_LEVEL: "warn",
      ...standInUrls,
      ...options.gateway,
      ...env,
    });
    const launch = (sipPort: string, env?: Record<string, string>) =>
      startProcess(scripts.gateway, gatewayEnv(sipPort, env), /SIP on UDP and TCP port \d+/);
    const launchGateway = async ({ env, sipPortAhead }: StartGatewayOptions = {}) => {
      const child = sipPortAhead
        ? await startOnFreePort(freeUdpPort, (port) => launch(String(port), env))
        : await launch("0", env);
      processes.push(child);
      return { ...child, ...gatewayAddressOf(child.output()) };
    };
    const startGateway = async (gatewayOptions?: StartGatewayOptions) => {
      const gateway = await launchGateway(gatewayOptions);
      gateways.push(gateway);
      return gateway;
    };
    gateways.push(
      ...(await Promise.all(Array.from({ length: options.gateways ?? 2 }, () => launchGateway()))),
    );

    return {
      dir,
      redisUrl,
      controlUrl,
      apiKey,
      api: new ApiClient(controlUrl, apiKey),
      control,
      gateways,
      startGateway,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
