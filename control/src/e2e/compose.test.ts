// docker-compose.yml without a Docker engine: the file is checked against the Compose
// specification's schema and for what the production shape needs (shared secrets, shared
// recordings, health checks, restart policies, gateways apart), then the same topology runs as
// processes: control and two gateways on PostgreSQL and Redis, each with the environment the
// compose file gives its container (hosts and ports pointed at this machine's services).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectBus } from "@switchboard/shared/bus/index";
import { Hashes } from "@switchboard/shared/bus/topics";
import { parseHeartbeat } from "@switchboard/shared/heartbeat";
import { freeTcpPort } from "@switchboard/shared/testing/ports";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { E2E_WAIT } from "./support/acceptance.ts";
import {
  type ComposeFile,
  type ComposeService,
  composeSchemaErrors,
  loadCompose,
  MissingVariablesError,
  namedVolumeMounts,
  REPO_ROOT,
  serviceEnvironment,
} from "./support/compose.ts";
import {
  controlUrlOf,
  freshDatabase,
  freshRedis,
  gatewayAddressOf,
  type RunningProcess,
  startProcess,
} from "./support/processes.ts";

const ENTRYPOINT = join(REPO_ROOT, "docker", "entrypoint.sh");
const REQUIRED = ["POSTGRES_PASSWORD", "SECRET_KEY", "WEB_CALL_SECRET", "INIT_API_KEY"];

/** What an operator exports before `docker compose up`. */
function operatorEnvironment() {
  const random = () => crypto.randomUUID().replaceAll("-", "");
  return {
    POSTGRES_PASSWORD: random(),
    SECRET_KEY: random() + random(),
    WEB_CALL_SECRET: random() + random(),
    INIT_API_KEY: `sk_live_${random()}`,
    LOG_LEVEL: "warn",
  };
}

function gatewaysOf(file: ComposeFile): [string, ComposeService][] {
  return Object.entries(file.services).filter(([, service]) => service.command?.[0] === "gateway");
}

/** The script docker/entrypoint.sh runs for a role (`exec bun [flags] <script>`). */
function entrypointScript(role: string): string {
  const line = readFileSync(ENTRYPOINT, "utf8")
    .split("\n")
    .find((candidate) => candidate.trim().startsWith(`${role})`));
  const script = line?.match(/exec bun (?:--[\w-]+ )*(\S+\.ts)/)?.[1];
  if (!script) throw new Error(`docker/entrypoint.sh has no bun script for ${role}`);
  return join(REPO_ROOT, script);
}

/** Runs a compose health check's CMD here: the image's /app is this repository. */
async function runHealthcheck(service: ComposeService, env: Record<string, string>): Promise<number> {
  const testCommand = service.healthcheck?.test;
  if (!Array.isArray(testCommand) || testCommand[0] !== "CMD") throw new Error("expected a CMD health check");
  const argv = testCommand.slice(1).map((arg) => arg.replace(/^\/app\//, `${REPO_ROOT}/`));
  const proc = Bun.spawn(argv, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdout: "ignore",
    stderr: "ignore",
  });
  return proc.exited;
}

describe("docker-compose.yml", () => {
  const operator = operatorEnvironment();
  const file = loadCompose(operator);

  test("is valid under the Compose specification's schema", () => {
    expect(composeSchemaErrors(file)).toEqual([]);
    // The validator does reject what Compose would.
    const broken = composeSchemaErrors({ services: { control: { restart: 5, healthcheck: { test: 1 } } } });
    expect(broken.some((error) => error.startsWith("/services/control/restart "))).toBe(true);
    expect(broken.some((error) => error.startsWith("/services/control/healthcheck/test "))).toBe(true);
  });

  test("refuses to start without each required secret", () => {
    for (const name of REQUIRED) {
      const env: Record<string, string> = { ...operator };
      delete env[name];
      let error: unknown = null;
      try {
        loadCompose(env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MissingVariablesError);
      expect(
        (error as MissingVariablesError).messages.every((message) => message.startsWith(`${name}:`)),
      ).toBe(true);
    }
  });

  test("runs PostgreSQL, Redis, control and two gateways, each with a health check and a restart policy", () => {
    expect(Object.keys(file.services)).toEqual(expect.arrayContaining(["postgres", "redis", "control"]));
    expect(file.services.control?.command).toEqual(["control"]);
    expect(gatewaysOf(file)).toHaveLength(2);
    for (const [name, service] of Object.entries(file.services)) {
      expect({ name, healthcheck: service.healthcheck?.test?.[0], restart: service.restart }).toEqual({
        name,
        healthcheck: expect.stringMatching(/^CMD/),
        restart: expect.stringMatching(/^(always|unless-stopped|on-failure)/),
      });
    }
    expect(file.services.control?.depends_on).toMatchObject({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
  });

  test("control and the gateways hold the same secrets, and the gateways reach Redis where it is published", () => {
    const control = serviceEnvironment(file.services.control!);
    expect(control.SECRET_KEY).toBe(operator.SECRET_KEY);
    expect(control.WEB_CALL_SECRET).toBe(operator.WEB_CALL_SECRET);
    expect(new URL(control.DATABASE_URL!).hostname).toBe("postgres");
    expect(new URL(control.DATABASE_URL!).password).toBe(operator.POSTGRES_PASSWORD);
    expect(new URL(control.REDIS_URL!).hostname).toBe("redis");
    for (const [, gateway] of gatewaysOf(file)) {
      const env = serviceEnvironment(gateway);
      expect(env.SECRET_KEY).toBe(operator.SECRET_KEY);
      expect(env.WEB_CALL_SECRET).toBe(operator.WEB_CALL_SECRET);
      for (const name of Object.keys(control).filter((key) => key.startsWith("S3_")))
        expect(env[name]).toBe(control[name]);
      // On the host's network, Redis is where the redis service publishes it.
      expect(gateway.network_mode).toBe("host");
      const redisUrl = new URL(env.REDIS_URL!);
      expect(file.services.redis?.ports).toContain(`${redisUrl.hostname}:${redisUrl.port}:6379`);
    }
  });

  test("sets only settings the configuration reads", () => {
    const config = readFileSync(join(REPO_ROOT, "shared", "src", "config.ts"), "utf8");
    const read = new Set([...config.matchAll(/read\.\w+\(\s*"([A-Z][A-Z0-9_]+)"/g)].map((match) => match[1]));
    expect(read.size).toBeGreaterThan(20);
    for (const [name, service] of [["control", file.services.control!], ...gatewaysOf(file)] as const) {
      const unknown = Object.keys(serviceEnvironment(service)).filter((setting) => !read.has(setting));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
    }
  });

  test("the gateways' HTTP, SIP and RTP ports are apart", () => {
    const ports = gatewaysOf(file).map(([, gateway]) => {
      const env = serviceEnvironment(gateway);
      return {
        http: Number(env.GATEWAY_PORT),
        sip: Number(env.SIP_PORT),
        rtp: [Number(env.RTP_PORT_MIN), Number(env.RTP_PORT_MAX)] as const,
      };
    });
    const [a, b] = ports as [(typeof ports)[0], (typeof ports)[0]];
    const single = [a.http, a.sip, b.http, b.sip];
    expect(new Set(single).size).toBe(4);
    expect(a.rtp[1] < b.rtp[0] || b.rtp[1] < a.rtp[0]).toBe(true);
    for (const port of single) {
      for (const { rtp } of ports) expect(port >= rtp[0] && port <= rtp[1]).toBe(false);
    }
  });

  test("recordings a gateway writes under DATA_DIR are on a volume control mounts at the same path", () => {
    const control = file.services.control!;
    const controlMounts = namedVolumeMounts(file, control);
    for (const [, gateway] of gatewaysOf(file)) {
      const recordingsDir = `${serviceEnvironment(gateway).DATA_DIR}/recordings`;
      const mount = namedVolumeMounts(file, gateway).find((candidate) => candidate.target === recordingsDir);
      expect(mount).toBeDefined();
      expect(controlMounts).toContainEqual(mount!);
    }
  });

  test("the image installs nothing when it starts", () => {
    const entrypoint = readFileSync(ENTRYPOINT, "utf8");
    const commands = entrypoint.split("\n").filter((line) => !line.trim().startsWith("#"));
    expect(commands.join("\n")).not.toMatch(/\b(apt-get|npm|npx|bunx|curl|wget)\b|bun (install|add|x)\b/);
    const bunRuns = commands.filter((line) => /\bexec bun\b/.test(line));
    expect(bunRuns.length).toBeGreaterThan(0);
    for (const line of bunRuns) expect(line).toContain("bun --no-install ");
    const ignored = readFileSync(join(REPO_ROOT, ".dockerignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["**/node_modules", ".env"]));
  });
});

describe("the compose topology as processes on PostgreSQL and Redis", () => {
  const operator = operatorEnvironment();
  const file = loadCompose(operator);
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let redis: Awaited<ReturnType<typeof freshRedis>>;
  let controlEnv: Record<string, string>;
  let control: RunningProcess;
  const gateways: { name: string; env: Record<string, string>; process: RunningProcess }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "compose-topology-"));
    database = await freshDatabase();
    redis = await freshRedis();
    // Each container's environment, its hosts and ports pointed at this machine. The ports are
    // 0: each process binds free ones itself, and its environment then records the ones it got.
    controlEnv = {
      ...serviceEnvironment(file.services.control!),
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      CONTROL_HOST: "127.0.0.1",
      CONTROL_PORT: "0",
      DATA_DIR: join(dir, "control"),
    };
    const gatewayEnvs = [];
    for (const [name, service] of gatewaysOf(file)) {
      gatewayEnvs.push({
        name,
        env: {
          ...serviceEnvironment(service),
          REDIS_URL: redis.url,
          GATEWAY_PORT: "0",
          SIP_PORT: "0",
          DATA_DIR: join(dir, name),
        },
      });
    }
    control = await startProcess(entrypointScript("control"), controlEnv, /Docs\s+http/);
    controlEnv.CONTROL_PORT = new URL(controlUrlOf(control.output())).port;
    const started = await Promise.all(
      gatewayEnvs.map(async ({ name, env }) => {
        const process = await startProcess(entrypointScript("gateway"), env, /SIP on UDP and TCP port \d+/);
        const { httpPort, sipPort } = gatewayAddressOf(process.output());
        return { name, env: { ...env, GATEWAY_PORT: String(httpPort), SIP_PORT: String(sipPort) }, process };
      }),
    );
    gateways.push(...started);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      [...gateways.map(({ process }) => process.stop()), control?.stop()].map((p) => p?.catch(() => {})),
    );
    await redis?.drop().catch(() => {});
    await database?.drop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("control answers /ready", async () => {
    const response = await fetch(`http://127.0.0.1:${controlEnv.CONTROL_PORT}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  test("both gateways register their heartbeats on the bus", async () => {
    const bus = await connectBus(redis.url);
    try {
      const heartbeats = await waitFor(
        "two gateway heartbeats",
        async () => {
          const entries = await bus.hashGetAll(Hashes.gatewayHeartbeats);
          return Object.keys(entries).length >= 2 ? entries : null;
        },
        E2E_WAIT,
      );
      expect(Object.keys(heartbeats)).toHaveLength(2);
      for (const value of Object.values(heartbeats)) {
        const heartbeat = parseHeartbeat(value);
        expect(heartbeat).not.toBeNull();
        expect(Date.now() - heartbeat!.last_seen_ms).toBeLessThan(10_000);
      }
    } finally {
      await bus.close();
    }
  }, 20_000);

  test("the compose health checks pass against the running services, and fail when nothing answers", async () => {
    expect(await runHealthcheck(file.services.control!, controlEnv)).toBe(0);
    for (const gateway of gateways)
      expect(await runHealthcheck(file.services[gateway.name]!, gateway.env)).toBe(0);
    const [first] = gateways;
    // A port released a moment ago: nothing of ours answers there.
    const nobody = { ...first!.env, GATEWAY_PORT: String(await freeTcpPort()) };
    expect(await runHealthcheck(file.services[first!.name]!, nobody)).toBe(1);
  }, 20_000);

  test("a browser call token minted by control is accepted by either gateway (one WEB_CALL_SECRET)", async () => {
    const apiBase = `http://127.0.0.1:${controlEnv.CONTROL_PORT}/api/v1`;
    const headers = { authorization: `Bearer ${operator.INIT_API_KEY}`, "content-type": "application/json" };
    const agent = await fetch(`${apiBase}/agents`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Compose check", voice: { provider: "espeak", voice_id: "en-us" } }),
    });
    expect(agent.status).toBe(201);
    const { id } = (await agent.json()) as { id: string };
    for (const gateway of gateways) {
      const grant = await fetch(`${apiBase}/agents/${id}/web-token`, { method: "POST", headers, body: "{}" });
      expect(grant.status).toBe(201);
      const { token } = (await grant.json()) as { token: string };
      const offer = (bearer: string) =>
        fetch(`http://127.0.0.1:${gateway.env.GATEWAY_PORT}/webrtc/calls`, {
          method: "POST",
          headers: { authorization: `Bearer ${bearer}`, "content-type": "application/sdp" },
          body: "not an offer",
        });
      // Past the token check, the gateway looks at the offer itself.
      const accepted = await offer(token);
      expect(accepted.status).toBe(400);
      expect(((await accepted.json()) as { code: string }).code).toBe("invalid_sdp");
      const forged = await offer(`${token.slice(0, -4)}AAAA`);
      expect(forged.status).toBe(401);
    }
  }, 20_000);
});
