// A redis-server of a test's own (never the shared one): flushed, killed and restarted at will.
// No persistence, as many installs run it: a restart comes back empty.
import { RedisClient, type Subprocess } from "bun";

export interface OwnRedis {
  port: number;
  url: string;
  /** Sends a command (e.g. FLUSHALL) with a short-lived client. */
  command(args: string[]): Promise<unknown>;
  /** SIGKILL, then a new empty server on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

function spawnServer(port: number): Subprocess {
  return Bun.spawn(
    ["redis-server", "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdout: "ignore", stderr: "ignore" },
  );
}

async function send(url: string, args: string[]): Promise<unknown> {
  const client = new RedisClient(url, { autoReconnect: false, connectionTimeout: 500 });
  try {
    await client.connect();
    return await client.send(args[0]!, args.slice(1));
  } finally {
    client.close();
  }
}

async function waitUntilServing(url: string, server: Subprocess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server on ${url} exited (${server.exitCode})`);
    try {
      if ((await send(url, ["PING"])) === "PONG") return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`redis-server on ${url} did not start`);
    await Bun.sleep(25);
  }
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server = spawnServer(port);
  await waitUntilServing(url, server);
  return {
    port,
    url,
    command: (args) => send(url, args),
    async restart() {
      server.kill("SIGKILL");
      await server.exited;
      server = spawnServer(port);
      await waitUntilServing(url, server);
    },
    async stop() {
      server.kill("SIGKILL");
      await server.exited;
    },
  };
}
