// The served /openapi.json, linted as API teams lint a contract: Redocly CLI (`recommended`,
// control/redocly.yaml) and Spectral (`spectral:oas`, control/.spectral.yaml) must report no
// error and no warning. Then what the linters do not know: this API's conventions, checked
// against the document and against the answers the API really gives.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { routeRole } from "../http/route-roles.ts";
import { createHarness, type Harness } from "../testing/harness.ts";
import { REQUEST_EXAMPLES } from "./examples.ts";

const ROOT = join(import.meta.dir, "..", "..", "..");
const BIN = join(ROOT, "node_modules", ".bin");
const REDOCLY_CONFIG = join(ROOT, "control", "redocly.yaml");
const SPECTRAL_RULESET = join(ROOT, "control", ".spectral.yaml");
const LINT_TIMEOUT_MS = 120_000;

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  op: Json & {
    operationId?: string;
    summary?: string;
    description?: string;
    tags?: string[];
    security?: Array<Record<string, string[]>>;
    parameters?: Json[];
    requestBody?: { content?: Record<string, Json> };
    responses?: Record<string, Json & { headers?: Json; content?: Record<string, Json> }>;
  };
}

let h: Harness;
let dir: string;
let documentPath: string;
let document: Json & {
  paths: Record<string, Record<string, Operation["op"]>>;
  components: Json;
  tags: Json[];
};
let operations: Operation[];

beforeAll(async () => {
  h = await createHarness();
  const response = await h.app.handle(new Request("http://localhost/openapi.json"));
  expect(response.status).toBe(200);
  document = (await response.json()) as typeof document;
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
  dir = await mkdtemp(join(tmpdir(), "switchboard-openapi-"));
  documentPath = join(dir, "openapi.json");
  await Bun.write(documentPath, JSON.stringify(document, null, 2));
}, LINT_TIMEOUT_MS);
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(command: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn(command, {
    cwd: ROOT,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { exitCode, stdout, stderr };
}

/** Redocly's errors and warnings, one line each. */
async function redocly(file: string): Promise<string[]> {
  const { stdout, stderr } = await run([
    join(BIN, "redocly"),
    "lint",
    file,
    "--config",
    REDOCLY_CONFIG,
    "--format",
    "json",
    "--max-problems",
    "10000",
  ]);
  let report: { problems: Array<{ ruleId: string; severity: string; message: string; location: Json[] }> };
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(`redocly printed no report:\n${stdout}\n${stderr}`);
  }
  return report.problems.map(
    (problem) => `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`,
  );
}

/** Spectral's errors and warnings (severity 0 and 1), one line each. */
async function spectral(file: string): Promise<string[]> {
  const { stdout, stderr } = await run([
    join(BIN, "spectral"),
    "lint",
    file,
    "--ruleset",
    SPECTRAL_RULESET,
    "--format",
    "json",
    "--quiet",
  ]);
  let results: Array<{ code: string; severity: number; message: string; path: string[] }>;
  try {
    results = JSON.parse(stdout.trim() || "[]");
  } catch {
    throw new Error(`spectral printed no report:\n${stdout}\n${stderr}`);
  }
  if (!Array.isArray(results)) throw new Error(`spectral: ${stdout}\n${stderr}`);
  return results
    .filter((result) => result.severity <= 1)
    .map(
      (result) =>
        `${result.severity === 0 ? "error" : "warn"} ${result.code} ${result.path.join(".")}: ${result.message}`,
    );
}

describe("the served OpenAPI document passes the linters", () => {
  test(
    "Redocly CLI, recommended rules: no error, no warning",
    async () => {
      expect(await redocly(documentPath)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  test(
    "Spectral, spectral:oas: no error, no warning",
    async () => {
      expect(await spectral(documentPath)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  test(
    "the linters do report a broken copy (so a clean report means something)",
    async () => {
      const broken = structuredClone(document);
      const agents = broken.paths["/api/v1/agents"]!;
      delete agents.get!.summary;
      delete agents.get!.description;
      agents.get!.tags = ["Undeclared"];
      const body = agents.post!.requestBody!.content!["application/json"]!.schema as Json;
      (body.properties as Record<string, Json>).name!.nullable = true;
      const file = join(dir, "broken.json");
      await Bun.write(file, JSON.stringify(broken));
      const fromRedocly = (await redocly(file)).join("\n");
      expect(fromRedocly).toContain("operation-summary");
      expect(fromRedocly).toContain("struct");
      const fromSpectral = (await spectral(file)).join("\n");
      expect(fromSpectral).toContain("operation-description");
      expect(fromSpectral).toContain("operation-tag-defined");
    },
    LINT_TIMEOUT_MS,
  );
});

const isTenant = (path: string) => path.startsWith("/api/v1/") && !path.startsWith("/api/v1/admin/");
const isAdmin = (path: string) => path.startsWith("/api/v1/admin/");
const refName = (value: unknown) => String((value as { $ref?: string })?.$ref ?? "").replace(/^.*\//, "");

describe("the document's conventions", () => {
  test("operation ids read like SDK methods; every operation has a summary, a description and a declared tag", () => {
    const declared = new Set(document.tags.map((tag) => tag.name));
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!/^[a-z][a-zA-Z0-9]+$/.test(op.operationId ?? "") || /ApiV1|By[A-Z]/.test(op.operationId ?? ""))
        problems.push(`${where}: operationId ${op.operationId}`);
      if (!op.summary?.trim()) problems.push(`${where}: no summary`);
      if (!op.description?.trim()) problems.push(`${where}: no description`);
      for (const tag of op.tags ?? [])
        if (!declared.has(tag)) problems.push(`${where}: tag ${tag} not declared`);
      if ((op.tags ?? []).length === 0) problems.push(`${where}: no tag`);
    }
    expect(problems).toEqual([]);
    for (const tag of document.tags) expect(tag.description).toBeString();
    expect(operations.length).toBeGreaterThan(60);
  });

  test("every error response is problem+json with the Problem schema and names its codes", () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        // A recording's 416 has no body; /ready's 503 is the probe's own `{status: "not_ready"}`.
        if (Number(status) < 400 || status === "416" || (path === "/ready" && status === "503")) continue;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        const content = response.content ?? {};
        if (Object.keys(content).join() !== "application/problem+json")
          problems.push(`${where}: ${Object.keys(content)}`);
        const media = content["application/problem+json"] ?? {};
        if (refName(media.schema) !== "Problem") problems.push(`${where}: schema`);
        const codes = Object.keys((media.examples as Json) ?? {});
        if (codes.length === 0) problems.push(`${where}: no codes`);
        for (const code of codes) {
          const example = (document.components.examples as Record<string, { value: Json }>)[
            refName((media.examples as Json)[code])
          ];
          if (example?.value.code !== code || example.value.status !== Number(status))
            problems.push(`${where}: example ${code}`);
          if (!String(response.description).includes(`\`${code}\``))
            problems.push(`${where}: ${code} not described`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("every /api/v1 operation documents 401, 429 with Retry-After and RateLimit-*, and the 403 of the roles table", () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      if (!path.startsWith("/api/v1/")) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const responses = op.responses ?? {};
      if (!responses["401"]) problems.push(`${where}: no 401`);
      if (isAdmin(path)) continue;
      const limited = responses["429"];
      const headers = Object.keys(limited?.headers ?? {}).sort();
      const expected = [
        "RateLimit-Limit",
        "RateLimit-Policy",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "Retry-After",
      ];
      if (headers.join() !== expected.join()) problems.push(`${where}: 429 headers ${headers}`);
      const restricted = routeRole(method.toUpperCase(), path.slice("/api/v1".length)) !== null;
      if (restricted && !responses["403"]) problems.push(`${where}: restricted by route-roles.ts, no 403`);
    }
    expect(problems).toEqual([]);
  });

  test("Idempotency-Key is a parameter of every POST that replays it; the admin scheme is the admin routes' only", () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      const idempotent = (op.parameters ?? []).some((parameter) => refName(parameter) === "IdempotencyKey");
      // POST /admin/orgs refuses the header (400 idempotency_key_unsupported); /widget/token is
      // outside /api/v1, where no key scopes it.
      const takes = method === "post" && path.startsWith("/api/v1/") && path !== "/api/v1/admin/orgs";
      if (idempotent !== takes) problems.push(`${where}: Idempotency-Key ${idempotent}`);
      if (takes && !(op.responses?.["409"] && op.responses["422"])) problems.push(`${where}: no 409/422`);
      const schemes = (op.security ?? document.security ?? []) as Array<Record<string, string[]>>;
      const names = schemes.flatMap((scheme) => Object.keys(scheme)).join();
      if (isAdmin(path) ? names !== "admin" : isTenant(path) ? names !== "bearer" : names !== "")
        problems.push(`${where}: security ${names}`);
    }
    const create = document.paths["/api/v1/admin/orgs"]!.post!;
    expect(
      Object.keys(create.responses?.["400"]?.content?.["application/problem+json"]?.examples ?? {}),
    ).toContain("idempotency_key_unsupported");
    expect(problems).toEqual([]);
  });

  test("every request example belongs to an operation with a JSON body", () => {
    const byId = new Map(operations.map(({ op }) => [op.operationId, op]));
    for (const [operationId, examples] of Object.entries(REQUEST_EXAMPLES)) {
      const json = byId.get(operationId)?.requestBody?.content?.["application/json"];
      expect({ operationId, examples: json?.examples }).toEqual({ operationId, examples });
    }
  });
});

describe("the document agrees with the API's answers", () => {
  const documented = (method: string, path: string, status: number) => {
    const response = document.paths[path]?.[method]?.responses?.[String(status)];
    return {
      codes: Object.keys(response?.content?.["application/problem+json"]?.examples ?? {}),
      headers: Object.keys(response?.headers ?? {}).map((name) => name.toLowerCase()),
    };
  };

  test("a 429 carries exactly the headers documented for it", async () => {
    const limited = await createHarness({ config: { rateLimitPerMinute: 1 } });
    try {
      await limited.request("GET", "/api/v1/agents");
      const response = await limited.request("GET", "/api/v1/agents");
      expect(response.status).toBe(429);
      const body = (await response.json()) as { code: string };
      const doc = documented("get", "/api/v1/agents", 429);
      expect(doc.codes).toContain(body.code);
      const sent = [...response.headers.keys()]
        .filter((name) => /^(ratelimit-|retry-after)/.test(name))
        .sort();
      expect(sent).toEqual([...doc.headers].sort());
    } finally {
      await limited.close();
    }
  });

  test("the codes of a few real refusals are the ones documented for their operation", async () => {
    const member = await h.newKey("member");
    const cases: Array<[string, string, Parameters<Harness["request"]>[2], number]> = [
      ["post", "/api/v1/agents", { rawBody: "{not json" }, 400],
      [
        "post",
        "/api/v1/agents",
        { body: { name: "x" }, headers: { "idempotency-key": "k".repeat(256) } },
        400,
      ],
      ["post", "/api/v1/agents", { body: { name: 7 } }, 422],
      ["get", "/api/v1/agents/{agent_id}", {}, 404],
      ["post", "/api/v1/webhooks", { key: member, body: {} }, 403],
      ["get", "/api/v1/agents", { key: "sk_live_unknown" }, 401],
    ];
    for (const [method, path, options, status] of cases) {
      const response = await h.request(
        method.toUpperCase(),
        path.replace("{agent_id}", "agt_missing"),
        options,
      );
      const body = (await response.json()) as { code: string };
      expect({ path, status: response.status, type: response.headers.get("content-type") }).toEqual({
        path,
        status,
        type: "application/problem+json",
      });
      expect(documented(method, path, status).codes).toContain(body.code);
    }
  });
});
