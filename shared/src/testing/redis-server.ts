// A redis-server of a test's own (never the shared one): flushed, killed and restarted at will.
// No persistence, as many installs run it: a restart comes back empty.
import { RedisClient, type Subprocess } from "bun";
import { freeTcpPort, startOnFreePort } from "./ports.ts";
import { waitFor } from "./wait-for.ts";

export interface OwnRedis {
  port: number;
  url: string;
  /** Sends a command (e.g. FLUSHALL) with a short-lived client. */
  command(args: string[]): Promise<unknown>;
  /** SIGKILL, then a new empty server on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function spawnServer(port: number): Subprocess<"ignore", "pipe", "ignore"> {
  return Bun.spawn(
    [
      "redis-server",
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdout: "pipe", stderr: "ignore" },
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

/** Resolves once the server answers PING; throws with its output when it exits first (a taken port). */
async function waitUntilServing(
  url: string,
  server: Subprocess<"ignore", "pipe", "ignore">,
  timeoutMs = 10_000,
): Promise<void> {
  try {
    await waitFor(
      `redis-server on ${url} to answer PING`,
      async () => {
        if (server.exitCode !== null)
          throw new Error(
            `redis-server on ${url} exited (${server.exitCode}): ${await new Response(server.stdout).text()}`,
          );
        return (await send(url, ["PING"]).catch(() => null)) === "PONG";
      },
      { timeoutMs, intervalMs: 25 },
    );
  } catch (error) {
    server.kill("SIGKILL");
    await server.exited;
    throw error;
  }
}

export async function startOwnRedis(): Promise<OwnRedis> {
  let server!: Subprocess<"ignore", "pipe", "ignore">;
  const port = await startOnFreePort(freeTcpPort, async (port) => {
    server = spawnServer(port);
    await waitUntilServing(`redis://127.0.0.1:${port}`, server);
    return port;
  });
  const url = `redis://127.0.0.1:${port}`;
  return {
    port,
    url,
    command: (args) => send(url, args),
    async restart() {
      server.kill("SIGKILL");
      await server.exited;
      // The same port, as a restarted Redis has: another process may have taken it meanwhile.
      server = spawnServer(port);
      await waitUntilServing(url, server);
    },
    async stop() {
      server.kill("SIGKILL");
      await server.exited;
    },
  };
}
