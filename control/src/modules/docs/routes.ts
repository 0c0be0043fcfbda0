// The API reference page's script, served by control itself from the @scalar/api-reference
// package: /docs works without internet access and never loads code from another host.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { openapi } from "@elysiajs/openapi";
import type { ApiReferenceConfiguration } from "@scalar/api-reference";
import { Elysia } from "elysia";

// The package exports no path to its browser bundle; it sits beside the module entry point.
const packageDist = dirname(Bun.resolveSync("@scalar/api-reference", import.meta.dir));
const SCALAR_VERSION = (
  JSON.parse(readFileSync(join(packageDist, "..", "package.json"), "utf8")) as { version: string }
).version;
const STANDALONE_PATH = join(packageDist, "browser", "standalone.js");

/** Versioned, so the file can be cached for good: a new package version is a new URL. */
const SCALAR_BUNDLE_PATH = `/docs/assets/scalar-api-reference-${SCALAR_VERSION}.js`;

// The plugin types its options with an older Scalar's resolved configuration (every field
// required); the bundle served is this package's, which fills in defaults for the rest.
type PluginScalarOptions = NonNullable<NonNullable<Parameters<typeof openapi>[0]>["scalar"]>;

/**
 * `scalar` options of @elysiajs/openapi: the bundle from SCALAR_BUNDLE_PATH, and nothing that
 * reaches Scalar's services (hosted fonts, telemetry, the AI agent, MCP, developer tools).
 */
export const offlineScalarOptions = {
  cdn: SCALAR_BUNDLE_PATH,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
} satisfies Partial<ApiReferenceConfiguration> & {
  cdn: string;
  /** Scalar's per-document option (its SourceConfiguration), read from the top level too. */
  agent: { disabled: boolean };
} as unknown as PluginScalarOptions;

const IMMUTABLE = "public, max-age=31536000, immutable";

export function docsAssetsModule() {
  // About 5 MB raw and 1.3 MB gzipped: compressed once, on first request, and kept.
  let gzipped: Blob | null = null;
  return new Elysia().get(
    SCALAR_BUNDLE_PATH,
    async ({ request }) => {
      const headers: Record<string, string> = {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": IMMUTABLE,
        vary: "Accept-Encoding",
      };
      if (!/\bgzip\b/.test(request.headers.get("accept-encoding") ?? "")) {
        return new Response(Bun.file(STANDALONE_PATH), { headers });
      }
      gzipped ??= new Blob([Bun.gzipSync(await Bun.file(STANDALONE_PATH).bytes())]);
      return new Response(gzipped, { headers: { ...headers, "content-encoding": "gzip" } });
    },
    { detail: { hide: true } },
  );
}
