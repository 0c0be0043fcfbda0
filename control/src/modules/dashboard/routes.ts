// The dashboard: the Vite build in dashboard/dist (committed, so a fresh clone needs no build
// step), served at / with a policy that lets the page load and call nothing but this host.
import { join } from "node:path";
import type { Config } from "@switchboard/shared/config";
import { Elysia } from "elysia";

const DIST = join(import.meta.dir, "..", "..", "..", "..", "dashboard", "dist");
const ASSET_NAME = /^[\w-]+\.(js|css|svg|png|woff2)$/;
const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  woff2: "font/woff2",
};

/**
 * Only this origin (scripts, styles, API calls, recordings), and the gateway the browser call's
 * WHIP offer goes to: the platform's own hosts, nothing else.
 */
export function dashboardCsp(config: Pick<Config, "gatewayPublicUrl" | "gatewayPort">): string {
  const gateway = new URL(config.gatewayPublicUrl ?? `http://localhost:${config.gatewayPort}`).origin;
  return (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
    `connect-src 'self' ${gateway}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`
  );
}

export function dashboardModule(config: Config) {
  const pageHeaders = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    "content-security-policy": dashboardCsp(config),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
  return new Elysia()
    .get("/", () => new Response(Bun.file(join(DIST, "index.html")), { headers: pageHeaders }), {
      detail: { hide: true },
    })
    .get("/dashboard", () => new Response(null, { status: 302, headers: { location: "/" } }), {
      detail: { hide: true },
    })
    .get(
      "/assets/:name",
      async ({ params }) => {
        const match = ASSET_NAME.exec(params.name);
        const file = match ? Bun.file(join(DIST, "assets", params.name)) : null;
        if (!file || !(await file.exists())) return new Response("Not found", { status: 404 });
        // Vite names every asset by its content hash: a new build is a new URL.
        return new Response(file, {
          headers: {
            "content-type": CONTENT_TYPES[match![1]!]!,
            "cache-control": "public, max-age=31536000, immutable",
            "x-content-type-options": "nosniff",
          },
        });
      },
      { detail: { hide: true } },
    );
}
