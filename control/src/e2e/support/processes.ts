// Real processes for the acceptance tests: a fresh PostgreSQL database, an unused Redis
// database, the stand-in providers, control and gateways, each started with its own
// environment and awaited until it prints that it is ready.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ScriptProcess, startScript } from "@switchboard/shared/testing/script-process";
import { RedisClient } from "bun";
import { createFreshDatabase } from "../../testing/fresh-database.ts";

const REDIS_BASE_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const REPO_ROOT = join(import.meta.dir, "..", "..", "..", "..");

// Control, gateways and the embedded default start on port 0 (CONTROL_PORT, GATEWAY_PORT,
// SIP_PORT): each binds free ports itself and prints them, so no port is released by the test
// and taken by someone else before the child binds it.

/** Control's base URL from the API line of its banner. */
export function controlUrlOf(output: string): string {
  const match = /^\s*API\s+(http:\/\/\S+)\/api\/v1$/m.exec(output);
  if (!match) throw new Error(`no API line in control's output:\n${output}`);
  return match[1]!;
}

/** A gateway's HTTP URL (on 127.0.0.1) and SIP port from the line it prints at start. */
export function gatewayAddressOf(output: string): { httpUrl: string; httpPort: number; sipPort: number } {
  const match = /Gateway\s+http:\/\/[^\s:]+:(\d+) \(SIP on UDP and TCP port (\d+)/.exec(output);
  if (!match) throw new Error(`no Gateway line in the gateway's output:\n${output}`);
  const httpPort = Number(match[1]);
  return { httpUrl: `http://127.0.0.1:${httpPort}`, httpPort, sipPort: Number(match[2]) };
}

/** A database of its own for the acceptance run. */
export const freshDatabase = () => createFreshDatabase("switchboard_e2e");

/** An empty numbered Redis database, so these processes share no streams with anyone else's. */
export async function freshRedis(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(REDIS_BASE_URL);
  for (let attempt = 0; attempt < 30; attempt++) {
    const index = 1 + Math.floor(Math.random() * 15);
    base.pathname = `/${index}`;
    const url = base.toString();
    const client = new RedisClient(url);
    await client.connect();
    // Claims the database: another run seeing this key picks another one.
    const empty = Number(await client.send("DBSIZE", [])) === 0;
    const claimed = empty && (await client.send("SET", ["e2e:claim", String(process.pid), "NX"])) === "OK";
    client.close();
    if (!claimed) continue;
    return {
      url,
      async drop() {
        const cleaner = new RedisClient(url);
        await cleaner.connect();
        await cleaner.send("FLUSHDB", []);
        cleaner.close();
      },
    };
  }
  throw new Error("no empty Redis database");
}

export type RunningProcess = ScriptProcess;

/** Spawns `bun [bunArgs] <script>` from the repository root; resolves once its output matches `ready`. */
export function startProcess(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 60_000,
  bunArgs: string[] = [],
): Promise<ScriptProcess & { match: RegExpMatchArray }> {
  return startScript(script, { env, ready, cwd: REPO_ROOT, timeoutMs, bunArgs });
}

/** The entry points as shipped: control, a gateway, the embedded default (`npm start`), the stand-ins. */
export const scripts = {
  control: join(REPO_ROOT, "control", "src", "main.ts"),
  gateway: join(REPO_ROOT, "gateway", "src", "main.ts"),
  embedded: join(REPO_ROOT, "control", "src", "all-in-one.ts"),
  standIns: fileURLToPath(import.meta.resolve("@switchboard/stand-ins/main")),
};

/** OPENAI_BASE_URL=... lines the stand-ins process prints, as environment entries. */
export function standInUrlsOf(output: string): Record<string, string> {
  return Object.fromEntries(
    [...output.matchAll(/^(\w+_BASE_URL)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]),
  );
}
