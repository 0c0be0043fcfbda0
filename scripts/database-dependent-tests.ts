// Splits the control suite by whether a test file can tell PGlite from PostgreSQL.
// A file depends on the test database when its relative imports reach the test harness
// (`control/src/testing/harness.ts`, which opens PGlite or TEST_DATABASE_URL) or when it reads
// TEST_DATABASE itself. Every other file (pure units, and the acceptance tests that start the
// platform as processes with a database of their own) gives the same result on both, so
// `npm test` runs it once instead of once per database.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

const HARNESS_PATH = resolve(import.meta.dir, "../control/src/testing/harness.ts");
const READS_TEST_DATABASE = /\bTEST_DATABASE\b/;

const transpiler = new Bun.Transpiler({ loader: "ts" });

function reachesTestDatabase(path: string, verdicts: Map<string, boolean>): boolean {
  const known = verdicts.get(path);
  if (known !== undefined) return known;
  if (path === HARNESS_PATH) return true;
  // A file met again inside its own import cycle adds nothing: the rest of the cycle decides.
  verdicts.set(path, false);
  const source = readFileSync(path, "utf8");
  const verdict =
    READS_TEST_DATABASE.test(source) ||
    transpiler
      .scanImports(source)
      .map((entry) => entry.path)
      .filter((specifier) => specifier.startsWith("."))
      .some((specifier) => reachesTestDatabase(resolve(dirname(path), specifier), verdicts));
  verdicts.set(path, verdict);
  return verdict;
}

/** Control test files as `./`-relative paths, split by whether the test database matters to them. */
export async function splitControlTests(
  root: string,
): Promise<{ perDatabase: string[]; databaseIndependent: string[] }> {
  const verdicts = new Map<string, boolean>();
  const perDatabase: string[] = [];
  const databaseIndependent: string[] = [];
  const glob = new Bun.Glob("control/**/*.test.ts");
  const files = (await Array.fromAsync(glob.scan({ cwd: root }))).filter(
    (file) => !file.includes("node_modules"),
  );
  for (const file of files.sort()) {
    const dependent = reachesTestDatabase(resolve(root, file), verdicts);
    (dependent ? perDatabase : databaseIndependent).push(`./${relative(root, resolve(root, file))}`);
  }
  return { perDatabase, databaseIndependent };
}

if (import.meta.main) {
  const { perDatabase, databaseIndependent } = await splitControlTests(resolve(import.meta.dir, ".."));
  console.log(`per database (${perDatabase.length}):\n  ${perDatabase.join("\n  ")}`);
  console.log(`once (${databaseIndependent.length}):\n  ${databaseIndependent.join("\n  ")}`);
}
