// The least role each /api/v1 route needs, checked before the route validates or runs, so a key
// that may not act gets 403 whatever it sends. Routes not listed are open to every role.
// docs/API.md carries the same table; route-roles.test.ts walks every operation of the
// OpenAPI document with member and admin keys against it.
import type { ApiKeyRole } from "../db/schema.ts";

interface RouteRole {
  method: string;
  /** Below /api/v1; `:name` matches one path segment. */
  path: string;
  role: ApiKeyRole;
  /** Completes "Only owner and admin keys may ...". */
  action: string;
}

const admin = (method: string, path: string, action: string): RouteRole => ({
  method,
  path,
  role: "admin",
  action,
});

const ROUTE_MIN_ROLES: readonly RouteRole[] = [
  admin("GET", "/api-keys", "manage API keys"),
  admin("POST", "/api-keys", "manage API keys"),
  admin("DELETE", "/api-keys/:id", "manage API keys"),
  admin("POST", "/invitations", "invite users"),
  admin("POST", "/users/:id/password-reset", "reset passwords"),
  admin("PATCH", "/users/:id", "change roles"),
  admin("DELETE", "/users/:id", "remove users"),
  admin("GET", "/widget-keys", "manage widget keys"),
  admin("POST", "/widget-keys", "manage widget keys"),
  admin("DELETE", "/widget-keys/:id", "manage widget keys"),
  admin("POST", "/provider-credentials", "manage provider credentials"),
  admin("DELETE", "/provider-credentials/:id", "manage provider credentials"),
  admin("POST", "/org/signing-secret/rotate", "rotate the signing secret"),
  admin("POST", "/phone-numbers", "buy numbers"),
  admin("DELETE", "/phone-numbers/:id", "release numbers"),
  admin("POST", "/numbers", "buy numbers"),
  admin("DELETE", "/numbers/:id", "release numbers"),
  admin("POST", "/trunks", "manage trunks"),
  admin("PATCH", "/trunks/:id", "manage trunks"),
  admin("DELETE", "/trunks/:id", "manage trunks"),
  admin("POST", "/credits/purchase", "buy credits"),
  admin("PATCH", "/credits/settings", "change credit settings"),
  admin("PUT", "/credits/auto-recharge", "change auto-recharge"),
  admin("GET", "/webhooks", "manage webhooks"),
  admin("POST", "/webhooks", "manage webhooks"),
  admin("GET", "/webhooks/:id", "manage webhooks"),
  admin("PATCH", "/webhooks/:id", "manage webhooks"),
  admin("DELETE", "/webhooks/:id", "manage webhooks"),
  admin("POST", "/webhooks/:id/rotate-secret", "manage webhooks"),
  admin("GET", "/webhooks/:id/deliveries", "manage webhooks"),
  admin("POST", "/webhooks/:id/test", "manage webhooks"),
  admin("POST", "/webhooks/:id/deliveries/:delivery_id/redeliver", "manage webhooks"),
  admin("GET", "/calls/:call_id/webhook-deliveries", "manage webhooks"),
  admin("DELETE", "/calls/:call_id", "delete call recordings and transcripts"),
  admin("DELETE", "/do-not-call/:phone_number", "remove numbers from the do-not-call list"),
  admin("POST", "/tools", "manage tools"),
  admin("PATCH", "/tools/:tool_id", "manage tools"),
  admin("POST", "/tools/:tool_id/refresh", "manage tools"),
  admin("DELETE", "/tools/:tool_id", "manage tools"),
  admin("POST", "/campaigns", "manage campaigns"),
  admin("POST", "/campaigns/:id/leads", "manage campaigns"),
  admin("POST", "/campaigns/:id/start", "manage campaigns"),
  admin("POST", "/campaigns/:id/pause", "manage campaigns"),
  admin("POST", "/campaigns/:id/resume", "manage campaigns"),
  admin("POST", "/campaigns/:id/cancel", "manage campaigns"),
];

function matches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const have = path.split("/");
  if (want.length !== have.length) return false;
  return want.every((segment, index) => segment.startsWith(":") || segment === have[index]);
}

/** The rule for a request below /api/v1 (`path` without the prefix, no trailing slash), if any. */
export function routeRole(method: string, path: string): RouteRole | null {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return ROUTE_MIN_ROLES.find((rule) => rule.method === method && matches(rule.path, trimmed)) ?? null;
}
