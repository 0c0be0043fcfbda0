// /api/v1/admin is the operator's: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...),
// checked before and instead of tenant authentication. To everyone else it is an unknown
// route: a tenant's key gets the same 404 (through the tenant pipeline, with its rate-limit
// headers) that any unknown /api/v1 path gets, and without ADMIN_API_KEY the routes do not exist.

import { ADMIN_API_KEY_PATTERN } from "@switchboard/shared/config";
import { ApiError } from "@switchboard/shared/errors";
import { hasPrefix } from "@switchboard/shared/ids";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgs } from "../../db/schema.ts";
import { constantTimeEqual, sha256Hex } from "../../http/crypto.ts";
import type { Idempotency } from "../../http/idempotency.ts";
import { requestBodyText } from "../../http/text-safety.ts";

const ADMIN_PATH = "/api/v1/admin";

const adminRequests = new WeakSet<Request>();

export const routeNotFound = () => new ApiError(404, "route_not_found", "No such route.");

export function isAdminPath(pathname: string): boolean {
  return pathname === ADMIN_PATH || pathname.startsWith(`${ADMIN_PATH}/`);
}

/**
 * "admin" for the operator's key; "tenant" for anything that is not an sk_admin_ key (the
 * caller treats the path as an unknown route); throws 404 for an sk_admin_ key when no
 * operator key is configured and 401 for a wrong one.
 */
export function adminGate(adminApiKey: string | null, authorization: string | null): "admin" | "tenant" {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (token === undefined || !token.startsWith("sk_admin_")) return "tenant";
  if (adminApiKey === null) throw routeNotFound();
  // Both sides are hashed before the comparison, so neither the key's length nor its prefix leaks.
  if (!ADMIN_API_KEY_PATTERN.test(token) || !constantTimeEqual(token, adminApiKey)) {
    throw new ApiError(401, "invalid_api_key", "Invalid admin API key.", undefined, {
      "www-authenticate": 'Bearer realm="admin"',
    });
  }
  return "admin";
}

/** Handlers of the admin module refuse any request the gate did not let through. */
export function requireAdmin(request: Request): void {
  if (!adminRequests.has(request)) throw routeNotFound();
}

/**
 * The operator's request, past the gate: Idempotency-Key on POST is scoped to the org in
 * the path (the idempotency table is keyed by org), under a key of its own so it never
 * meets one of the tenant's keys. Creating an org has no org to scope it to yet.
 */
export async function handleAdminRequest(
  db: Database,
  idempotency: Idempotency,
  request: Request,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  adminRequests.add(request);
  const idempotencyKey = request.headers.get("idempotency-key")?.trim() ?? null;
  if (request.method !== "POST" || idempotencyKey === null) return handle(request);
  const { pathname } = new URL(request.url);
  const orgId = /^\/api\/v1\/admin\/orgs\/([^/]+)\/[^/]+\/?$/.exec(pathname)?.[1];
  if (orgId === undefined) {
    if (!/^\/api\/v1\/admin\/orgs\/?$/.test(pathname)) return handle(request);
    throw new ApiError(
      400,
      "idempotency_key_unsupported",
      "Idempotency-Key is taken on the admin routes under /admin/orgs/{org_id}; to retry creating an org, list the orgs first.",
    );
  }
  // An unknown org: the route answers 404 and there is nothing to replay.
  if (!(await orgExists(db, orgId))) return handle(request);
  const valid = idempotencyKey.length > 0 && idempotencyKey.length <= 255;
  const scopedKey = valid ? `admin:${sha256Hex(idempotencyKey)}` : idempotencyKey;
  const bodyText = await requestBodyText(request);
  return idempotency.run(orgId, scopedKey, request, bodyText, () => handle(request));
}

async function orgExists(db: Database, orgId: string): Promise<boolean> {
  if (!hasPrefix(orgId, "org")) return false;
  const [row] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId));
  return row !== undefined;
}
