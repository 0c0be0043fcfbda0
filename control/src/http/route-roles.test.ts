// Walks every tenant operation of the served OpenAPI document with a member key and an admin
// key and checks each answer against the roles table in docs/API.md: "no" is a 403 before the
// route looks at the request; "yes" and "limited" are anything but a 403 (or a 500).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { createHarness, type Harness } from "../testing/harness.ts";

type Permission = "yes" | "no" | "limited";
interface Row {
  method: string;
  path: string;
  admin: Permission;
  member: Permission;
}

const API_DOC = join(import.meta.dir, "..", "..", "..", "docs", "API.md");
const ROW =
  /^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| (yes) \| (yes|no|limited)\S* \| (yes|no|limited)\S* \|$/;

async function rolesTable(): Promise<Row[]> {
  const text = await Bun.file(API_DOC).text();
  const section = text.split("## Roles by route")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .map((line) => ROW.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      method: match[1]!,
      path: match[2]!,
      admin: match[4] as Permission,
      member: match[5] as Permission,
    }));
}

let h: Harness;
let operations: Array<{ method: string; path: string }>;
beforeAll(async () => {
  h = await createHarness();
  const document = (await (await h.app.handle(new Request("http://localhost/openapi.json"))).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(async () => {
  await h.close();
});

const tenantPath = (path: string) => path.startsWith("/api/v1/") && !path.startsWith("/api/v1/admin/");

describe("roles by route", () => {
  test("docs/API.md lists every tenant operation of the OpenAPI document, and nothing else", async () => {
    const table = await rolesTable();
    const documented = new Set(table.map((row) => `${row.method} /api/v1${row.path}`));
    const served = new Set(
      operations.filter((op) => tenantPath(op.path)).map((op) => `${op.method} ${op.path}`),
    );
    expect([...served].filter((op) => !documented.has(op)).sort()).toEqual([]);
    expect([...documented].filter((op) => !served.has(op)).sort()).toEqual([]);
    expect(table.length).toBeGreaterThan(50);
  });

  for (const role of ["member", "admin"] as const) {
    test(`every operation answers a ${role} key as the table says`, async () => {
      const key = await h.newKey(role);
      const table = await rolesTable();
      const mismatches: string[] = [];
      for (const row of table) {
        const path = `/api/v1${row.path}`.replace(/\{[^}]+\}/g, "missing_0000");
        const withBody = row.method !== "GET" && row.method !== "DELETE";
        const response = await h.request(row.method, path, withBody ? { key, body: {} } : { key });
        const body = (await response.json().catch(() => null)) as { code?: string } | null;
        const allowed = row[role] !== "no";
        const ok = allowed
          ? response.status !== 403 && response.status < 500
          : response.status === 403 && body?.code === "forbidden";
        if (!ok) mismatches.push(`${row.method} ${row.path}: ${role} ${row[role]} but ${response.status}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
