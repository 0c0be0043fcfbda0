// GET /metrics on the control port and the request metrics of every other request.
import { serveMetrics } from "@switchboard/shared/metrics/serve";
import type { Registry } from "prom-client";
import type { ControlContext } from "../context.ts";
import { platformRegistry } from "./platform-gauges.ts";
import { controlProcessRegistry, httpRequestSeconds, httpRequestsTotal, methodLabel } from "./registry.ts";
import { type RouteEntry, RouteTemplates } from "./route-templates.ts";

export const METRICS_PATH = "/metrics";

export class ControlMetrics {
  private readonly registries: Registry[];
  private readonly templates: RouteTemplates;

  constructor(
    private readonly ctx: ControlContext,
    routes: RouteEntry[],
  ) {
    this.registries = [controlProcessRegistry, platformRegistry(ctx.db, ctx.bus)];
    this.templates = new RouteTemplates(routes);
  }

  serve(request: Request): Promise<Response> {
    return serveMetrics(request, this.registries, this.ctx.config.metricsToken);
  }

  /** Counts an answered request under its route template; `startedMs` from performance.now(). */
  observe(request: Request, pathname: string, status: number, startedMs: number): void {
    const method = methodLabel(request.method);
    const route = this.templates.match(method, pathname);
    httpRequestsTotal.inc({ method, route, status: String(status) });
    httpRequestSeconds.observe({ method, route }, (performance.now() - startedMs) / 1000);
  }
}
