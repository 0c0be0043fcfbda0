// GET /metrics on the control port and the request metrics of every other request.
import { serveMetrics } from "@switchboard/shared/metrics/serve";
import { SpanKind, SpanStatusCode } from "@switchboard/shared/tracing/api";
import { startTracing, type Tracing } from "@switchboard/shared/tracing/tracer";
import type { Registry } from "prom-client";
import type { ControlContext } from "../context.ts";
import { platformRegistry } from "./platform-gauges.ts";
import { controlProcessRegistry, httpRequestSeconds, httpRequestsTotal, methodLabel } from "./registry.ts";
import { type RouteEntry, RouteTemplates } from "./route-templates.ts";

export const METRICS_PATH = "/metrics";

export class ControlMetrics {
  private readonly registries: Registry[];
  private readonly templates: RouteTemplates;
  /** Set once the tracer started, when OTEL_EXPORTER_OTLP_ENDPOINT is set; else requests are not traced. */
  private tracing: Tracing | null = null;

  constructor(
    private readonly ctx: ControlContext,
    routes: RouteEntry[],
  ) {
    this.registries = [controlProcessRegistry, platformRegistry(ctx.db, ctx.bus)];
    this.templates = new RouteTemplates(routes);
    void startTracing("switchboard-control").then((tracing) => {
      this.tracing = tracing;
    });
  }

  serve(request: Request): Promise<Response> {
    return serveMetrics(request, this.registries, this.ctx.config.metricsToken);
  }

  /** Counts an answered request under its route template; `startedMs` from performance.now(). */
  observe(request: Request, pathname: string, status: number, startedMs: number): void {
    const method = methodLabel(request.method);
    const route = this.templates.match(method, pathname);
    httpRequestsTotal.inc({ method, route, status: String(status) });
    const durationMs = performance.now() - startedMs;
    httpRequestSeconds.observe({ method, route }, durationMs / 1000);
    if (this.tracing) {
      const endMs = Date.now();
      const span = this.tracing.tracer.startSpan(`${method} ${route}`, {
        kind: SpanKind.SERVER,
        startTime: new Date(endMs - durationMs),
        attributes: {
          "http.request.method": method,
          "http.route": route,
          "http.response.status_code": status,
        },
      });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end(new Date(endMs));
    }
  }
}
