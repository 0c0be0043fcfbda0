// schema.d.ts, the client's types, rendered from the served document by openapi-typescript and
// printed as biome prints the repo's files, so the committed file and a fresh rendering compare
// byte for byte.
import { join } from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "./served-document.ts";

const ROOT = join(import.meta.dir, "..", "..", "..", "..");

export const SCHEMA_TYPES_PATH = join(import.meta.dir, "schema.d.ts");
/** The dashboard's copy: the same rendering, byte for byte, so the two cannot drift apart. */
export const DASHBOARD_SCHEMA_TYPES_PATH = join(ROOT, "dashboard", "src", "api", "schema.d.ts");
/** Every file the rendering is written to and checked against. */
export const SCHEMA_TYPES_PATHS = [SCHEMA_TYPES_PATH, DASHBOARD_SCHEMA_TYPES_PATH] as const;
export const REFRESH_COMMAND = "npm run api:types";

const BIOME = join(ROOT, "node_modules", ".bin", "biome");

const BLOB = ts.factory.createTypeReferenceNode("Blob");

const HEADER = `// Generated from the served /openapi.json by \`${REFRESH_COMMAND}\`: do not edit by hand.
// control/src/testing/api-client/schema-drift.test.ts fails when this file and the document differ.
`;

export async function renderSchemaTypes(document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(document as unknown as OpenAPI3, {
    silent: true,
    // A file in a multipart body is sent as a Blob (a File), not as a string.
    transform: (schema) => (schema.format === "binary" ? BLOB : undefined),
  });
  return formatted(HEADER + astToString(ast));
}

async function formatted(source: string): Promise<string> {
  const biome = Bun.spawn([BIOME, "check", "--write", `--stdin-file-path=${SCHEMA_TYPES_PATH}`], {
    cwd: ROOT,
    stdin: new Blob([source]),
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(biome.stdout).text(),
    new Response(biome.stderr).text(),
    biome.exited,
  ]);
  if (exitCode !== 0) throw new Error(`biome could not print schema.d.ts (exit ${exitCode}):\n${stderr}`);
  return stdout;
}
