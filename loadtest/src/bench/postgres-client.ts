// What one statement costs the process that sends it, by PostgreSQL client: postgres.js (on
// Bun's node:net) against Bun's native client as control opens it (unprepared) and prepared
// (which control cannot use yet: it encodes a JSON text bound to jsonb a second time), and the
// backend's CPU for the same statements. Each round sends `statements` statements one after
// another over one connection, alternating the clients, on a throwaway database.
// Usage: bun loadtest/src/bench/postgres-client.ts [statements=5000] [rounds=2]
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createFreshDatabase } from "@switchboard/control/src/testing/fresh-database";
import { SQL } from "bun";
import postgres from "postgres";

const statements = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 2);

/** The backend's user + system CPU in ms, from /proc (clock ticks of 10 ms). */
function backendCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Client {
  name: string;
  unsafe(query: string, params: unknown[]): Promise<unknown>;
  pid(): Promise<number>;
  close(): Promise<void>;
}

function postgresJs(url: string): Client {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    name: "postgres.js",
    unsafe: (query, params) => sql.unsafe(query, params as never[]),
    pid: async () => Number((await sql.unsafe("select pg_backend_pid() as pid"))[0]!.pid),
    close: () => sql.end(),
  };
}

function bunSql(url: string, prepare = false): Client {
  const sql = new SQL(url, { max: 1, prepare });
  return {
    name: prepare ? "Bun.SQL, prepared" : "Bun.SQL",
    unsafe: (query, params) => sql.unsafe(query, params),
    pid: async () => Number((await sql.unsafe("select pg_backend_pid() as pid"))[0].pid),
    close: () => sql.close(),
  };
}

/** An insert and a keyed select, the shape of most of the call events consumer's statements. */
async function run(client: Client, round: number): Promise<{ clientUs: number; backendUs: number }> {
  const pid = await client.pid();
  const table = `bench_${client.name.replace(/\W/g, "")}_${round}`;
  await client.unsafe(
    `create table ${table} (id text primary key, org_id text, text text, n integer, at timestamptz)`,
    [],
  );
  const backendBefore = backendCpuMs(pid);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < statements / 2; i++) {
    await client.unsafe(
      `insert into ${table} (id, org_id, text, n, at) values ($1, $2, $3, $4, $5::timestamptz) on conflict do nothing`,
      [`id${i}`, "org_1", "a turn's text", i, new Date().toISOString()],
    );
    await client.unsafe(`select id, org_id, text, n, at from ${table} where id = $1 and org_id = $2`, [
      `id${i}`,
      "org_1",
    ]);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const backendUs = ((backendCpuMs(pid) - backendBefore) * 1000) / statements;
  return { clientUs: (cpu.user + cpu.system) / statements, backendUs };
}

const database = await createFreshDatabase("switchboard_bench_client");
try {
  console.log("| round | client | client CPU µs per statement | backend CPU µs per statement |");
  console.log("|---|---|---|---|");
  for (let round = 1; round <= rounds; round++) {
    const bunSqlPrepared = (url: string) => bunSql(url, true);
    const clients = [postgresJs, bunSql, bunSqlPrepared];
    const order = round % 2 === 1 ? clients : clients.toReversed();
    for (const open of order) {
      const client = open(database.url);
      const { clientUs, backendUs } = await run(client, round);
      await client.close();
      console.log(`| ${round} | ${client.name} | ${clientUs.toFixed(1)} | ${backendUs.toFixed(1)} |`);
    }
  }
  console.log(
    `\nMeasured ${new Date().toISOString()}, ${statements} statements per client and round; load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}.`,
  );
} finally {
  await database.drop();
}
