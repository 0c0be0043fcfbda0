// CPU time of everything the platform runs, from /proc/<pid>/stat (utime + stime): its own
// processes, and in the split mode the PostgreSQL backends serving its database. Redis is one
// server shared with whatever else runs on the machine, so its time is kept apart.
import { existsSync } from "node:fs";
import { RedisClient } from "bun";
import postgres from "postgres";
import { sampleProcess } from "../../uac/proc-stats.ts";

export interface CpuSnapshot {
  /** CPU ms by process name (PostgreSQL backends as `postgres:<pid>`). */
  byProcessMs: Record<string, number>;
  /** CPU ms of the Redis server (shared; null when there is none). */
  redisMs: number | null;
}

function cpuMsOf(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  try {
    return sampleProcess(pid).cpuMs;
  } catch {
    return null;
  }
}

export class PlatformCpu {
  private constructor(
    private readonly pids: Record<string, number>,
    private readonly sql: postgres.Sql | null,
    private readonly databaseName: string | null,
    private readonly redisPid: number | null,
  ) {}

  static async open(options: {
    pids: Record<string, number>;
    databaseUrl: string | null;
    redisUrl: string | null;
  }): Promise<PlatformCpu> {
    let sql: postgres.Sql | null = null;
    let databaseName: string | null = null;
    if (options.databaseUrl) {
      const url = new URL(options.databaseUrl);
      databaseName = url.pathname.slice(1);
      url.pathname = "/postgres";
      sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    }
    let redisPid: number | null = null;
    if (options.redisUrl) {
      const redis = new RedisClient(options.redisUrl);
      await redis.connect();
      const info = String(await redis.send("INFO", ["server"]));
      redis.close();
      redisPid = Number(/process_id:(\d+)/.exec(info)?.[1] ?? Number.NaN) || null;
    }
    return new PlatformCpu(options.pids, sql, databaseName, redisPid);
  }

  async snapshot(): Promise<CpuSnapshot> {
    const byProcessMs: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const ms = cpuMsOf(pid);
      if (ms !== null) byProcessMs[name] = ms;
    }
    if (this.sql && this.databaseName) {
      const rows = await this.sql<{ pid: number }[]>`
        select pid from pg_stat_activity where datname = ${this.databaseName} and pid <> pg_backend_pid()`;
      for (const { pid } of rows) {
        const ms = cpuMsOf(pid);
        if (ms !== null) byProcessMs[`postgres:${pid}`] = ms;
      }
    }
    return { byProcessMs, redisMs: this.redisPid === null ? null : cpuMsOf(this.redisPid) };
  }

  async close(): Promise<void> {
    await this.sql?.end({ timeout: 1 });
  }
}

/** CPU ms spent between two snapshots: a process that appeared since `from` counts whole. */
export function cpuSpentMs(
  from: CpuSnapshot,
  to: CpuSnapshot,
): { byProcessMs: Record<string, number>; totalMs: number; redisMs: number | null } {
  const byProcessMs: Record<string, number> = {};
  let totalMs = 0;
  for (const [name, ms] of Object.entries(to.byProcessMs)) {
    const spent = ms - (from.byProcessMs[name] ?? 0);
    const key = name.startsWith("postgres:") ? "postgres" : name;
    byProcessMs[key] = (byProcessMs[key] ?? 0) + spent;
    totalMs += spent;
  }
  const redisMs = from.redisMs !== null && to.redisMs !== null ? to.redisMs - from.redisMs : null;
  return { byProcessMs, totalMs, redisMs };
}
