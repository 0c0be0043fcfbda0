// Splits the control suite by whether a test file can tell PGlite from PostgreSQL.
// A file depends on the test database when its relative imports reach the test harness
// (`control/src/testing/harness.ts`, which opens PGlite or TEST_DATABASE_URL) or when it reads
// TEST_DATABASE itself. Every other file (pure units, and the acceptance tests that start the
// platform as processes with a database of their own) gives the same result on both, so
// `npm test` runs it once instead of once per database.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

const HARNESS_PATH = resolve(import.meta.dir, "../control/src/testing/harness.ts");
const READS_TEST_DATABASE = /\bTEST_DATABASE\b/;

const transpiler = new Bun.Transpiler({ loader: "ts" });

/** The file a relative specifier names: as written, else with `.ts` or `/index.ts`; null if none. */
function resolveImport(fromPath: string, specifier: string): string | null {
  const base = resolve(dirname(fromPath), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/**
 * Every file reachable from `entries` by relative imports, with who imports whom reversed, and
 * the files that read TEST_DATABASE themselves.
 */
function importGraph(entries: string[]): { importers: Map<string, string[]>; readers: string[] } {
  const importers = new Map<string, string[]>();
  const readers: string[] = [];
  const seen = new Set<string>();
  const pending = [...entries];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(path, "utf8");
    if (READS_TEST_DATABASE.test(source)) readers.push(path);
    for (const { path: specifier } of transpiler.scanImports(source)) {
      if (!specifier.startsWith(".")) continue;
      const imported = resolveImport(path, specifier);
      if (!imported) continue;
      importers.set(imported, [...(importers.get(imported) ?? []), path]);
      pending.push(imported);
    }
  }
  return { importers, readers };
}

/** The files among `entries` whose imports reach the harness or a reader of TEST_DATABASE. */
function dependentOnTestDatabase(entries: string[]): Set<string> {
  const { importers, readers } = importGraph(entries);
  // Walked backwards from what decides the database, so import cycles need no care.
  const dependent = new Set<string>();
  const pending = [HARNESS_PATH, ...readers];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (dependent.has(path)) continue;
    dependent.add(path);
    pending.push(...(importers.get(path) ?? []));
  }
  return dependent;
}

/** Control test files as `./`-relative paths, split by whether the test database matters to them. */
export async function splitControlTests(
  root: string,
): Promise<{ perDatabase: string[]; databaseIndependent: string[] }> {
  const glob = new Bun.Glob("control/**/*.test.ts");
  const files = (await Array.fromAsync(glob.scan({ cwd: root })))
    .filter((file) => !file.includes("node_modules"))
    .map((file) => resolve(root, file))
    .sort();
  const dependent = dependentOnTestDatabase(files);
  const relativePath = (file: string) => `./${relative(root, file)}`;
  return {
    perDatabase: files.filter((file) => dependent.has(file)).map(relativePath),
    databaseIndependent: files.filter((file) => !dependent.has(file)).map(relativePath),
  };
}

if (import.meta.main) {
  const { perDatabase, databaseIndependent } = await splitControlTests(resolve(import.meta.dir, ".."));
  console.log(`per database (${perDatabase.length}):\n  ${perDatabase.join("\n  ")}`);
  console.log(`once (${databaseIndependent.length}):\n  ${databaseIndependent.join("\n  ")}`);
}
