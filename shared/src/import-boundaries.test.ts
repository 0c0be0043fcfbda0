// The import rule between the workspaces (docs/ARCHITECTURE.md): control and gateways meet only
// in shared/ and on the bus, shared/ imports neither, the stand-ins import no workspace of ours,
// and neither control nor gateway reaches into loadtest/. The dashboard's page code (dashboard/src,
// what the browser runs) imports no workspace; its tests and build scripts may. Production code never
// imports test helpers. control/src/all-in-one.ts, the one process that runs both sides, is the single
// exception. Every .ts file is scanned, by package name and by relative path.
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const ROOT = resolve(import.meta.dir, "..", "..");

/** The one file allowed to import both control and gateway. */
const BOTH_SIDES_EXCEPTION = "control/src/all-in-one.ts";

type Area = "control" | "gateway" | "shared" | "stand-ins" | "loadtest" | "dashboard" | "scripts" | "outside";

const PACKAGE_AREAS: Array<[string, Area]> = [
  ["@switchboard/control", "control"],
  ["@switchboard/gateway", "gateway"],
  ["@switchboard/shared", "shared"],
  ["@switchboard/stand-ins", "stand-ins"],
  ["@switchboard/loadtest", "loadtest"],
  ["@switchboard/dashboard", "dashboard"],
];

function areaOfPath(path: string): Area {
  if (path.startsWith("loadtest/stand-ins/")) return "stand-ins";
  for (const area of ["control", "gateway", "shared", "loadtest", "dashboard", "scripts"] as const) {
    if (path.startsWith(`${area}/`)) return area;
  }
  return "outside";
}

/** Test code: *.test.ts and anything under a testing/, e2e/ or tests/ folder. */
function isTestCode(path: string): boolean {
  return path.endsWith(".test.ts") || /(^|\/)(testing|e2e|tests)\//.test(path);
}

interface ImportSite {
  specifier: string;
  line: number;
}

const STATIC_IMPORT = /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom[ \t]*["']([^"']+)["']/gm;
const SIDE_EFFECT_IMPORT = /^[ \t]*import[ \t]*["']([^"']+)["']/gm;
const CALL_IMPORT = /\b(?:import|require|import\.meta\.resolve)[ \t]*\([ \t]*["']([^"']+)["'][ \t]*\)/g;

/** Every module a source file imports (static, type-only, re-export, dynamic, require, resolve). */
function importsOf(text: string): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const pattern of [STATIC_IMPORT, SIDE_EFFECT_IMPORT, CALL_IMPORT]) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].lastIndexOf(match[1]!);
      sites.push({ specifier: match[1]!, line: text.slice(0, at).split("\n").length });
    }
  }
  return sites.sort((a, b) => a.line - b.line);
}

/** Where an import leads: a workspace area (with its path when relative), or outside. */
function target(file: string, specifier: string): { area: Area; path: string | null } {
  if (specifier.startsWith(".")) {
    const path = relative(ROOT, resolve(ROOT, dirname(file), specifier))
      .split(sep)
      .join("/");
    return { area: areaOfPath(path), path };
  }
  for (const [name, area] of PACKAGE_AREAS) {
    if (specifier === name || specifier.startsWith(`${name}/`)) {
      return { area, path: specifier.slice(name.length + 1) || null };
    }
  }
  return { area: "outside", path: null };
}

/** What `file` may not import; null when the import is allowed. */
function refusal(file: string, specifier: string): string | null {
  const from = areaOfPath(file);
  const to = target(file, specifier);
  if (from === to.area) {
    if (!isTestCode(file) && to.path !== null && isTestCode(to.path))
      return "production code imports a test helper";
    return null;
  }
  if (from === "control" && to.area === "gateway" && file !== BOTH_SIDES_EXCEPTION) {
    return `control imports the gateway (only ${BOTH_SIDES_EXCEPTION} may)`;
  }
  if (from === "gateway" && to.area === "control") return "the gateway imports control";
  if (from === "shared" && to.area !== "outside") return `shared imports ${to.area}`;
  if (from === "stand-ins" && to.area !== "outside") return `the stand-ins import ${to.area}`;
  if ((from === "control" || from === "gateway") && to.area === "loadtest") return `${from} imports loadtest`;
  if (file.startsWith("dashboard/src/") && to.area !== "outside")
    return `the dashboard's page imports ${to.area}`;
  if (to.area === "dashboard" && from !== "dashboard") return `${from} imports the dashboard`;
  if ((from === "control" || from === "gateway" || from === "shared") && !isTestCode(file)) {
    if (to.area === "stand-ins") return "production code imports the stand-ins";
    if (to.path !== null && isTestCode(to.path)) return "production code imports a test helper";
  }
  return null;
}

/** `file:line imports specifier: why` for every import the rule refuses. */
function violations(file: string, text: string): string[] {
  const found: string[] = [];
  for (const site of importsOf(text)) {
    const why = refusal(file, site.specifier);
    if (why) found.push(`${file}:${site.line} imports ${site.specifier}: ${why}`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files;
}

function workspaceDependencies(): Map<string, string[]> {
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] };
  const graph = new Map<string, string[]>();
  for (const workspace of root.workspaces) {
    const manifest = JSON.parse(readFileSync(join(ROOT, workspace, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const all = { ...manifest.dependencies, ...manifest.devDependencies };
    graph.set(
      manifest.name,
      Object.keys(all).filter((name) => name.startsWith("@switchboard/")),
    );
  }
  return graph;
}

/** A cycle of workspace dependencies as `a -> b -> a`, or null. */
function findCycle(graph: Map<string, string[]>): string | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (name: string): string | null => {
    if (state.get(name) === "open") return [...path.slice(path.indexOf(name)), name].join(" -> ");
    if (state.get(name) === "done") return null;
    state.set(name, "open");
    path.push(name);
    for (const next of graph.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, "done");
    return null;
  };
  for (const name of graph.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return null;
}

describe("import boundaries", () => {
  test("the scanner sees every form of import, with its line", () => {
    const text = [
      'import { a } from "./a.ts";',
      "import {",
      "  type B,",
      "  c,",
      '} from "@switchboard/gateway/b";',
      'import type { D } from "../d.ts";',
      'export { e } from "./e.ts";',
      'import "./side-effect.ts";',
      'const f = await import("./f.ts");',
      'const g = require("./g.cjs");',
      'const h = import.meta.resolve("./h.ts");',
      'const text = "not an import from \\"./x.ts\\"";',
    ].join("\n");
    expect(importsOf(text)).toEqual([
      { specifier: "./a.ts", line: 1 },
      { specifier: "@switchboard/gateway/b", line: 5 },
      { specifier: "../d.ts", line: 6 },
      { specifier: "./e.ts", line: 7 },
      { specifier: "./side-effect.ts", line: 8 },
      { specifier: "./f.ts", line: 9 },
      { specifier: "./g.cjs", line: 10 },
      { specifier: "./h.ts", line: 11 },
    ]);
  });

  test("the rule refuses each kind of crossing and names file and line", () => {
    expect(
      violations("control/src/modules/x/service.ts", '\nimport { y } from "@switchboard/gateway/sip/uri";'),
    ).toEqual([
      "control/src/modules/x/service.ts:2 imports @switchboard/gateway/sip/uri: control imports the gateway (only control/src/all-in-one.ts may)",
    ]);
    expect(
      violations("control/src/modules/x/x.test.ts", 'import "../../../../gateway/src/server.ts";'),
    ).toHaveLength(1);
    expect(violations(BOTH_SIDES_EXCEPTION, 'import { s } from "@switchboard/gateway/server";')).toEqual([]);
    expect(
      violations("gateway/src/calls/x.ts", 'import { a } from "../../../control/src/app.ts";'),
    ).toHaveLength(1);
    expect(
      violations("shared/src/x.ts", 'import { a } from "@switchboard/gateway/media/g711";'),
    ).toHaveLength(1);
    expect(
      violations("loadtest/stand-ins/src/x.ts", 'import { a } from "@switchboard/shared/ids";'),
    ).toHaveLength(1);
    expect(
      violations("gateway/src/x.test.ts", 'import { a } from "@switchboard/loadtest/src/uac/call";'),
    ).toHaveLength(1);
    expect(
      violations("gateway/src/calls/x.ts", 'import { a } from "./testing/test-gateway.ts";'),
    ).toHaveLength(1);
    expect(
      violations("gateway/src/calls/x.ts", 'import { a } from "@switchboard/stand-ins/index";'),
    ).toHaveLength(1);
    expect(
      violations("gateway/src/calls/x.test.ts", 'import { a } from "@switchboard/stand-ins/index";'),
    ).toEqual([]);
    expect(violations("dashboard/src/views/x.ts", 'import { a } from "../../../shared/src/ids.ts";')).toEqual(
      ["dashboard/src/views/x.ts:1 imports ../../../shared/src/ids.ts: the dashboard's page imports shared"],
    );
    expect(violations("dashboard/tests/support.ts", 'import { a } from "../../control/src/app.ts";')).toEqual(
      [],
    );
    expect(violations("control/src/x.ts", 'import { a } from "../../dashboard/src/main.ts";')).toHaveLength(
      1,
    );
    expect(violations("loadtest/src/bench/x.ts", 'import { a } from "@switchboard/gateway/server";')).toEqual(
      [],
    );
  });

  test("no .ts file in the repository breaks the rule", () => {
    const files = ["control", "gateway", "shared", "loadtest", "dashboard", "scripts"].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain(BOTH_SIDES_EXCEPTION);
    const found = files.flatMap((file) => violations(file, readFileSync(join(ROOT, file), "utf8")));
    expect(found).toEqual([]);
  });

  test("workspace dependencies form no cycle, and the stand-ins depend on no workspace", () => {
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["b"]],
        ]),
      ),
    ).toBe("b -> c -> b");
    const graph = workspaceDependencies();
    expect([...graph.keys()].sort()).toEqual([
      "@switchboard/control",
      "@switchboard/dashboard",
      "@switchboard/gateway",
      "@switchboard/loadtest",
      "@switchboard/shared",
      "@switchboard/stand-ins",
    ]);
    expect(findCycle(graph)).toBeNull();
    expect(graph.get("@switchboard/stand-ins")).toEqual([]);
    expect(graph.get("@switchboard/gateway")).not.toContain("@switchboard/control");
    expect(graph.get("@switchboard/shared")).toEqual([]);
  });
});
