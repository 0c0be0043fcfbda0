import { ApiError } from "@switchboard/shared/errors";
import type { ControlContext } from "../../context.ts";
import type { AuthContext } from "../../http/auth.ts";
import { constantTimeEqual } from "../../http/crypto.ts";
import { sessionToken } from "./cookie.ts";
import { findSession } from "./service.ts";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who sends an /api/v1 request: an API key in `Authorization` (unchanged, and preferred when
 * both are present), else the dashboard's session cookie with the user's current role. A
 * session's state-changing request must echo its synchronizer token in X-CSRF-Token, which a
 * page on another site cannot read.
 */
export async function authenticateRequest(ctx: ControlContext, request: Request): Promise<AuthContext> {
  const authorization = request.headers.get("authorization");
  const token = authorization ? null : sessionToken(request);
  if (!token) return ctx.authenticator.authenticate(authorization);
  const session = await findSession(ctx.db, token);
  if (!session)
    throw new ApiError(401, "invalid_api_key", "The session has ended. Sign in again.", undefined, {
      "www-authenticate": 'Bearer realm="api"',
    });
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers.get(CSRF_HEADER) ?? "";
    if (!constantTimeEqual(sent, session.csrfToken))
      throw new ApiError(
        403,
        "csrf_failed",
        "Send the session's CSRF token (from /auth/session) in X-CSRF-Token with every change.",
      );
  }
  return { orgId: session.orgId, keyId: session.userId, role: session.role };
}
