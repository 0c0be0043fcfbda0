// The platform as users run it, from the source tree at `root` (the current checkout, or
// another one to compare against): (a) `npm start`'s process, the embedded default on PGlite
// and the in-process bus; (b) control and a gateway as separate processes on a throwaway
// PostgreSQL database and an empty Redis database, both dropped at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { controlUrlOf, freshRedis, gatewayAddressOf } from "@switchboard/control/src/e2e/support/processes";
import { createFreshDatabase } from "@switchboard/control/src/testing/fresh-database";
import { type ScriptProcess, startScript } from "@switchboard/shared/testing/script-process";
import { PLATFORM_NUMBER } from "./provision.ts";

export type PlatformMode = "embedded" | "split";

export interface RunningPlatform {
  mode: PlatformMode;
  apiUrl: string;
  apiKey: string;
  sipPort: number;
  /** The platform's own processes (not the stand-ins, not the caller). */
  pids: Record<string, number>;
  /** PostgreSQL URL of the split mode's database; null on the embedded default. */
  databaseUrl: string | null;
  redisUrl: string | null;
  dataDir: string;
  output(): string;
  /** SIGTERM (a graceful drain) and wait; the data stays until `discard`. */
  stop(): Promise<void>;
  /** Drops the throwaway database and Redis database and removes the data directory. */
  discard(): Promise<void>;
}

export interface PlatformOptions {
  /** The repository checkout whose control and gateway run. */
  root: string;
  standInEnv: Record<string, string>;
  logLevel: string;
  /** Writes each process's CPU profile (Bun's --cpu-prof) here when it stops. */
  cpuProfileDir: string | null;
}

const SIP_READY = /SIP on UDP and TCP port \d+/;

/** What both modes need to take the bench's traffic from loopback without a cap of their own. */
function gatewayEnv(options: PlatformOptions): Record<string, string> {
  return {
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    PUBLIC_IP: "127.0.0.1",
    GATEWAY_PORT: "0",
    RTP_PORT_MIN: "0",
    RTP_PORT_MAX: "1",
    SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
    SIP_MAX_CALLS_PER_ORG: "100000",
    SIP_FLOOD_MAX_REQUESTS: "1000000",
    OPENAI_API_KEY: "sk-stand-in",
    LOG_LEVEL: options.logLevel,
    ...options.standInEnv,
  };
}

function controlEnv(options: PlatformOptions, apiKey: string): Record<string, string> {
  return {
    CONTROL_HOST: "127.0.0.1",
    CONTROL_PORT: "0",
    INIT_API_KEY: apiKey,
    NUMBER_INVENTORY: PLATFORM_NUMBER,
    ALLOW_PRIVATE_URLS: "true",
    SELF_SERVE_CREDITS: "true",
    ORG_DEFAULT_MAX_CONCURRENT_CALLS: "100000",
    RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: options.logLevel,
  };
}

/** PGlite's first start (initdb in WebAssembly) takes a minute or more on a busy machine. */
const START_TIMEOUT_MS = 300_000;

function profileArgs(options: PlatformOptions, name: string): string[] {
  if (!options.cpuProfileDir) return [];
  return [
    "--cpu-prof",
    "--cpu-prof-md",
    `--cpu-prof-dir=${options.cpuProfileDir}`,
    `--cpu-prof-name=${name}-${Date.now()}`,
  ];
}

export async function startPlatform(mode: PlatformMode, options: PlatformOptions): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-platform-${mode}-`));
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
  const script = (...path: string[]) => join(options.root, ...path);
  if (mode === "embedded") {
    const embedded = await startScript(script("control", "src", "all-in-one.ts"), {
      env: { DATA_DIR: dataDir, ...controlEnv(options, apiKey), ...gatewayEnv(options) },
      ready: SIP_READY,
      timeoutMs: START_TIMEOUT_MS,
      cwd: options.root,
      bunArgs: profileArgs(options, "embedded"),
    });
    return describe(mode, [["embedded", embedded]], embedded, embedded, { apiKey, dataDir });
  }
  const database = await createFreshDatabase("switchboard_bench");
  const redis = await freshRedis();
  const started: ScriptProcess[] = [];
  try {
    const shared = { DATA_DIR: dataDir, DATABASE_URL: database.url, REDIS_URL: redis.url };
    const control = await startScript(script("control", "src", "main.ts"), {
      env: { ...shared, ...controlEnv(options, apiKey) },
      ready: /Docs/,
      timeoutMs: START_TIMEOUT_MS,
      cwd: options.root,
      bunArgs: profileArgs(options, "control"),
    });
    started.push(control);
    const gateway = await startScript(script("gateway", "src", "main.ts"), {
      env: { ...shared, ...gatewayEnv(options) },
      ready: SIP_READY,
      timeoutMs: START_TIMEOUT_MS,
      cwd: options.root,
      bunArgs: profileArgs(options, "gateway"),
    });
    started.push(gateway);
    return describe(
      mode,
      [
        ["control", control],
        ["gateway", gateway],
      ],
      control,
      gateway,
      { apiKey, dataDir, database, redis },
    );
  } catch (error) {
    for (const process of started) await process.stop();
    await redis.drop();
    await database.drop();
    throw error;
  }
}

function describe(
  mode: PlatformMode,
  processes: [string, ScriptProcess][],
  control: ScriptProcess,
  gateway: ScriptProcess,
  resources: {
    apiKey: string;
    dataDir: string;
    database?: { url: string; drop(): Promise<void> };
    redis?: { url: string; drop(): Promise<void> };
  },
): RunningPlatform {
  return {
    mode,
    apiUrl: controlUrlOf(control.output()),
    apiKey: resources.apiKey,
    sipPort: gatewayAddressOf(gateway.output()).sipPort,
    pids: Object.fromEntries(processes.map(([name, process]) => [name, process.proc.pid])),
    databaseUrl: resources.database?.url ?? null,
    redisUrl: resources.redis?.url ?? null,
    dataDir: resources.dataDir,
    output: () => processes.map(([name, process]) => `--- ${name}\n${process.output()}`).join("\n"),
    async stop() {
      // The gateway first, as the platform's own shutdown orders it.
      for (const [, process] of [...processes].reverse()) await process.stop();
    },
    async discard() {
      await resources.redis?.drop().catch(() => {});
      await resources.database?.drop().catch(() => {});
      rmSync(resources.dataDir, { recursive: true, force: true });
    },
  };
}
