// `npm test`: every suite, against real services and real peers.
//   1. system packages (SIPp, sox, flite, espeak-ng, chromium, baresip, kamailio)
//   2. PostgreSQL and Redis reachable (started when possible)
//   3. shared, gateway, loadtest, dashboard and deploy (the Kamailio edge) suites once
//   4. the control suite twice: on embedded PGlite, then on a fresh PostgreSQL database
// Extra arguments are passed to `bun test` as filters: `npm test -- agents`.
import { ensureSystemPackages } from "./system-deps.ts";
import { createFreshDatabase, ensureServices, REDIS_URL } from "./test-services.ts";

const filters = process.argv.slice(2);

/** Failed tests by suite, repeated in the summary: a log's tail then names what failed. */
const failedTests = new Map<string, string[]>();

/** Copies a child's output through, keeping the lines bun marks as failed tests. */
async function relay(stream: ReadableStream<Uint8Array>, sink: NodeJS.WriteStream, failures: string[]) {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of stream) {
    sink.write(chunk);
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    // bun prints each failure twice: where it happened and again in its closing recap.
    for (const line of lines) if (line.startsWith("(fail)") && !failures.includes(line)) failures.push(line);
  }
}

async function bunTest(label: string, paths: string[], env: Record<string, string>): Promise<boolean> {
  console.log(`\n[test] ${label}`);
  const proc = Bun.spawn(["bun", "test", ...paths, ...filters], {
    env: { ...process.env, ...env },
    stdio: ["inherit", "pipe", "pipe"],
  });
  const failures: string[] = [];
  failedTests.set(label, failures);
  await Promise.all([
    relay(proc.stdout, process.stdout, failures),
    relay(proc.stderr, process.stderr, failures),
  ]);
  return (await proc.exited) === 0;
}

await ensureSystemPackages();
await ensureServices();

const common = { TEST_REDIS_URL: REDIS_URL, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" };
const results: [string, boolean][] = [];

results.push([
  "shared, gateway, loadtest, dashboard, deploy",
  await bunTest(
    "shared, gateway, loadtest, dashboard and deploy suites",
    ["./shared", "./gateway", "./loadtest", "./dashboard", "./deploy"],
    common,
  ),
]);
results.push([
  "control on PGlite",
  await bunTest("control suite on embedded PGlite", ["./control"], { ...common, TEST_DATABASE: "pglite" }),
]);
const database = await createFreshDatabase();
try {
  results.push([
    "control on PostgreSQL",
    await bunTest("control suite on PostgreSQL", ["./control"], {
      ...common,
      TEST_DATABASE: "postgres",
      TEST_DATABASE_URL: database.url,
    }),
  ]);
} finally {
  await database.drop();
}

console.log("\n[test] summary");
for (const [label, ok] of results) console.log(`  ${ok ? "pass" : "FAIL"}  ${label}`);
for (const [label, failures] of failedTests)
  for (const failure of failures) console.log(`  ${label}: ${failure}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
