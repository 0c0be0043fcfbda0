// GET /metrics in the Prometheus text exposition format, behind METRICS_TOKEN when it is set.
import { timingSafeEqual } from "node:crypto";
/** What serving needs of a prom-client Registry. */
export interface MetricsSource {
  metrics(): Promise<string>;
  readonly contentType: string;
}

function bearerMatches(header: string | null, token: string): boolean {
  if (!header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Answers a scrape of `registries`; 401 without the token when one is configured. */
export async function serveMetrics(
  request: Request,
  registries: MetricsSource[],
  token: string | null,
): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD")
    return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  if (token !== null && !bearerMatches(request.headers.get("authorization"), token)) {
    return new Response(
      JSON.stringify({
        type: "about:blank",
        title: "Unauthorized",
        status: 401,
        detail: "Scraping /metrics takes the METRICS_TOKEN as a bearer token.",
        code: "invalid_metrics_token",
      }),
      {
        status: 401,
        headers: { "content-type": "application/problem+json", "www-authenticate": 'Bearer realm="metrics"' },
      },
    );
  }
  const texts = await Promise.all(registries.map((registry) => registry.metrics()));
  return new Response(texts.join("\n"), {
    headers: { "content-type": registries[0]?.contentType ?? "text/plain; version=0.0.4; charset=utf-8" },
  });
}
