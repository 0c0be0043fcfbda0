#!/usr/bin/env node
// Entry point for `npm start` / `npm test` on a machine with only Node.js and npm:
// installs Bun from the npm registry into .tools/ when it is missing, installs the
// workspace dependencies when node_modules is missing or stale, then hands over to Bun.
//
//   node scripts/bootstrap.mjs run FILE [ARGS...]   run a TypeScript entry point with Bun
//   node scripts/bootstrap.mjs x BIN [ARGS...]      run a workspace binary (tsc, biome, ...)
//   node scripts/bootstrap.mjs test [ARGS...]       system packages, then scripts/test.ts
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BUN_VERSION = "1.4.5";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolsDir = join(root, ".tools");

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function bunVersionOf(binary) {
  const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

function findBun() {
  const candidates = [
    join(toolsDir, "node_modules", "@oven", "bun-linux-x64", "bin", "bun"),
    join(toolsDir, "node_modules", "@oven", "bun-linux-x64-baseline", "bin", "bun"),
    join(toolsDir, "node_modules", "@oven", "bun-linux-aarch64", "bin", "bun"),
    join(toolsDir, "node_modules", "bun", "bin", "bun.exe"),
  ];
  for (const candidate of candidates) {
    if (existsSync(candidate) && bunVersionOf(candidate)) return candidate;
  }
  const onPath = spawnSync("sh", ["-c", "command -v bun"], { encoding: "utf8" }).stdout.trim();
  if (onPath && bunVersionOf(onPath)?.startsWith("1.")) return onPath;
  return null;
}

function ensureBun() {
  const existing = findBun();
  if (existing) return existing;
  log(`installing Bun ${BUN_VERSION} from the npm registry into .tools/`);
  mkdirSync(toolsDir, { recursive: true });
  const status = run("npm", [
    "install",
    "--prefix",
    toolsDir,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `bun@${BUN_VERSION}`,
  ]);
  const installed = findBun();
  if (status !== 0 || !installed) {
    log("could not install Bun; install it by hand: npm install -g bun");
    process.exit(1);
  }
  return installed;
}

function ensureBunOnPath(bun) {
  // Child processes (tests that spawn the gateway, bun test itself) look for `bun` on PATH.
  const binDir = join(toolsDir, "bin");
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, "bun");
  if (!existsSync(link)) symlinkSync(bun, link);
  process.env.PATH = `${binDir}:${dirname(bun)}:${process.env.PATH}`;
}

function ensureDependencies(bun) {
  const marker = join(root, "node_modules", ".bun-installed");
  const lock = join(root, "bun.lock");
  const fresh = existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  log("installing dependencies with bun install");
  let status = run(bun, ["install", "--frozen-lockfile"]);
  if (status !== 0) {
    log("bun.lock does not match the package.json files; installing without --frozen-lockfile");
    status = run(bun, ["install"]);
  }
  if (status !== 0) process.exit(status);
  spawnSync("touch", [marker]);
}

const [mode, ...rest] = process.argv.slice(2);
const bun = ensureBun();
ensureBunOnPath(bun);
ensureDependencies(bun);

if (mode === "run") {
  process.exit(run(bun, rest));
} else if (mode === "x") {
  const [binary, ...args] = rest;
  process.exit(run(join(root, "node_modules", ".bin", binary), args));
} else if (mode === "test") {
  process.exit(run(bun, ["scripts/test.ts", ...rest]));
} else {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  log(`usage: node scripts/bootstrap.mjs run|x|test ... (see "scripts" in ${pkg.name}'s package.json)`);
  process.exit(2);
}
