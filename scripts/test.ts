// `npm test`: every suite, against real services and real peers.
//   1. system packages (SIPp, sox, flite, espeak-ng, chromium, baresip, kamailio)
//   2. PostgreSQL and Redis reachable (started when possible)
//   3. the suites, in two lanes that run side by side (each runs its suites one after another):
//      - shared, gateway, loadtest, dashboard and deploy (the Kamailio edge);
//      - the control files that cannot tell one database from another (units, and the acceptance
//        tests that start the platform as processes with a database of their own), once; then
//        the control files that use the test database, on embedded PGlite, then on a fresh
//        PostgreSQL database.
//   Lanes share nothing: every test process claims its own Redis key prefix or numbered database,
//   its own PostgreSQL database and ephemeral ports. TEST_LANES=1 runs every suite in one lane.
// Extra arguments keep only the test files whose path contains one of them: `npm test -- agents`.
import { resolve } from "node:path";
import { splitControlTests } from "./database-dependent-tests.ts";
import { ensureSystemPackages } from "./system-deps.ts";
import { createFreshDatabase, ensureServices, REDIS_URL } from "./test-services.ts";

const ROOT = resolve(import.meta.dir, "..");
/**
 * Per test and per hook, as bunfig.toml's `timeout`, which reaches tests but not hooks (they keep
 * bun's 5 s): a beforeAll that starts the platform as processes needs more while the other lane
 * loads the same cores.
 */
const TEST_TIMEOUT_MS = 90_000;
const filters = process.argv.slice(2);

interface Suite {
  label: string;
  files: string[];
  env: Record<string, string>;
}

interface Outcome {
  label: string;
  ok: boolean;
  seconds: number;
  /** The lines bun marks as failed tests, repeated in the summary so a log's tail names them. */
  failures: string[];
}

async function testFilesUnder(directories: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const directory of directories) {
    const glob = new Bun.Glob(`${directory}/**/*.test.ts`);
    for await (const file of glob.scan({ cwd: ROOT }))
      if (!file.includes("node_modules")) files.push(`./${file}`);
  }
  return files.sort();
}

function kept(files: string[]): string[] {
  return filters.length === 0
    ? files
    : files.filter((file) => filters.some((filter) => file.includes(filter)));
}

/** Copies a child's output through, each line tagged with its suite, keeping failed tests' lines. */
async function relay(
  stream: ReadableStream<Uint8Array>,
  sink: NodeJS.WriteStream,
  tag: string,
  failures: string[],
) {
  const decoder = new TextDecoder();
  let pending = "";
  const emit = (line: string) => {
    sink.write(`${tag} ${line}\n`);
    // bun prints each failure twice: where it happened and again in its closing recap.
    if (line.startsWith("(fail)") && !failures.includes(line)) failures.push(line);
  };
  for await (const chunk of stream) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) emit(line);
  }
  if (pending) emit(pending);
}

async function runSuite(suite: Suite): Promise<Outcome> {
  const tag = `[${suite.label}]`;
  const startedAt = performance.now();
  console.log(`\n[test] ${suite.label}: ${suite.files.length} files`);
  const proc = Bun.spawn(["bun", "test", "--timeout", String(TEST_TIMEOUT_MS), ...suite.files], {
    cwd: ROOT,
    env: { ...process.env, ...suite.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const failures: string[] = [];
  await Promise.all([
    relay(proc.stdout, process.stdout, tag, failures),
    relay(proc.stderr, process.stderr, tag, failures),
  ]);
  const ok = (await proc.exited) === 0;
  const seconds = Math.round((performance.now() - startedAt) / 1000);
  console.log(`\n[test] ${suite.label}: ${ok ? "passed" : "FAILED"} in ${seconds} s`);
  return { label: suite.label, ok, seconds, failures };
}

async function runLane(suites: Suite[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const suite of suites) if (suite.files.length > 0) outcomes.push(await runSuite(suite));
  return outcomes;
}

await ensureSystemPackages();
await ensureServices();

const common = { TEST_REDIS_URL: REDIS_URL, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" };
const control = await splitControlTests(ROOT);
const database = await createFreshDatabase();
const startedAt = performance.now();
let outcomes: Outcome[];
try {
  const platform: Suite = {
    label: "shared, gateway, loadtest, dashboard, deploy",
    files: kept(await testFilesUnder(["shared", "gateway", "loadtest", "dashboard", "deploy"])),
    env: common,
  };
  const controlOnce: Suite = {
    label: "control, database-independent",
    files: kept(control.databaseIndependent),
    env: common,
  };
  const controlOnPglite: Suite = {
    label: "control on PGlite",
    files: kept(control.perDatabase),
    env: { ...common, TEST_DATABASE: "pglite" },
  };
  const controlOnPostgres: Suite = {
    label: "control on PostgreSQL",
    files: kept(control.perDatabase),
    env: { ...common, TEST_DATABASE: "postgres", TEST_DATABASE_URL: database.url },
  };
  const lanes =
    process.env.TEST_LANES === "1"
      ? [[platform, controlOnce, controlOnPglite, controlOnPostgres]]
      : // Two lanes keep both cores busy: most of these tests wait on real-time audio and peers.
        // A third lane only adds contention, and with it start-up times past the hooks' limits.
        [[platform], [controlOnce, controlOnPglite, controlOnPostgres]];
  outcomes = (await Promise.all(lanes.map(runLane))).flat();
} finally {
  await database.drop();
}

if (outcomes.length === 0) console.log(`\n[test] no test file matches ${filters.join(", ")}`);
console.log(`\n[test] summary (${Math.round((performance.now() - startedAt) / 1000)} s in all)`);
for (const { label, ok, seconds } of outcomes)
  console.log(`  ${ok ? "pass" : "FAIL"}  ${label} (${seconds} s)`);
for (const { label, failures } of outcomes)
  for (const failure of failures) console.log(`  ${label}: ${failure}`);
process.exit(outcomes.length > 0 && outcomes.every(({ ok }) => ok) ? 0 : 1);
