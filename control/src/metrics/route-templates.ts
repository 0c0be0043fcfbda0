// Maps a request path to the route template it matched ("/api/v1/calls/:id"), so request
// metrics are labelled by route and never by an id. Paths no route matches are "unmatched".
export interface RouteEntry {
  method: string;
  path: string;
}

interface CompiledRoute {
  method: string;
  template: string;
  pattern: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(route: RouteEntry): CompiledRoute {
  const source = route.path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment === "*" ? ".*" : escapeRegExp(segment)))
    .join("/");
  return { method: route.method.toUpperCase(), template: route.path, pattern: new RegExp(`^${source}/?$`) };
}

export class RouteTemplates {
  /** Literal routes first, so "/calls/trigger" wins over "/calls/:id". */
  private readonly compiled: CompiledRoute[];

  constructor(routes: RouteEntry[]) {
    const paramCount = (route: RouteEntry) =>
      route.path.split("/").filter((s) => s.startsWith(":") || s === "*").length;
    this.compiled = [...routes].sort((a, b) => paramCount(a) - paramCount(b)).map(compile);
  }

  /** The template `method pathname` matched; a route of another method still names the path. */
  match(method: string, pathname: string): string {
    let other: string | null = null;
    for (const route of this.compiled) {
      if (!route.pattern.test(pathname)) continue;
      if (route.method === method || route.method === "ALL") return route.template;
      other ??= route.template;
    }
    return other ?? "unmatched";
  }
}
