// The browser side of web calls: widget.js (one script tag) and the operator demo page. They
// speak the gateway's WHIP signalling; control serves them (GET /widget.js, GET /demo) so pages
// reach the API on the same origin.

const ASSETS: Record<string, { file: string; type: string }> = {
  "/widget.js": { file: "widget.js", type: "text/javascript; charset=utf-8" },
  "/demo": { file: "demo.html", type: "text/html; charset=utf-8" },
  "/demo.html": { file: "demo.html", type: "text/html; charset=utf-8" },
};

export function staticAsset(pathname: string): Response | null {
  const asset = ASSETS[pathname];
  if (!asset) return null;
  return new Response(Bun.file(new URL(`./static/${asset.file}`, import.meta.url)), {
    headers: {
      "content-type": asset.type,
      "cache-control": "public, max-age=300",
      "access-control-allow-origin": "*",
    },
  });
}
