// Keeps .env.example true: every setting the configuration reads is listed there, and
// nothing is listed that the configuration does not read.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";

const root = join(import.meta.dir, "..", "..");

async function settingsReadByConfig(): Promise<Set<string>> {
  const files = ["config.ts", "config-carriers.ts"];
  const source = (await Promise.all(files.map((file) => Bun.file(join(import.meta.dir, file)).text()))).join(
    "\n",
  );
  return new Set(
    [...source.matchAll(/(?:read\.\w+\(|oneOf\(\s*read,)\s*"([A-Z][A-Z0-9_]+)"/g)].map((match) => match[1]!),
  );
}

async function settingsListedInExample(): Promise<Set<string>> {
  const example = await Bun.file(join(root, ".env.example")).text();
  return new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!));
}

describe(".env.example", () => {
  test("lists exactly the settings the configuration reads", async () => {
    const read = await settingsReadByConfig();
    const listed = await settingsListedInExample();
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
    expect([...listed].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
