// The real PostgreSQL and Redis the suites talk to: checked, started when this machine can
// start them, or reported with a clear message.
import { $ } from "bun";
import postgres from "postgres";
import { createClient } from "redis";
import { POSTGRES_ADMIN_URL } from "../control/src/testing/fresh-database.ts";
import { waitFor } from "../shared/src/testing/wait-for.ts";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function postgresUp(): Promise<boolean> {
  const sql = postgres(POSTGRES_ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function redisUp(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.destroy();
  }
}

export async function ensureServices(): Promise<void> {
  if (!(await postgresUp())) {
    await $`sh -c 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'`
      .quiet()
      .nothrow();
    if (!(await postgresUp())) {
      console.error(
        `[test] PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (set TEST_POSTGRES_ADMIN_URL).`,
      );
      process.exit(1);
    }
  }
  if (!(await redisUp())) {
    await $`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`
      .quiet()
      .nothrow();
    const up = await waitFor("Redis to answer", redisUp, { timeoutMs: 5000, intervalMs: 50 }).catch(
      () => false,
    );
    if (!up) {
      console.error(`[test] Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL).`);
      process.exit(1);
    }
  }
}

export { createFreshDatabase } from "../control/src/testing/fresh-database.ts";
