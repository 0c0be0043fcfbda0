import { ApiError } from "@switchboard/shared/errors";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { constantTimeEqual } from "../../http/crypto.ts";
import { problems } from "../../openapi/problems.ts";
import { presentUser, userSchema } from "../users/model.ts";
import { MAX_PASSWORD_LENGTH } from "../users/passwords.ts";
import { acceptLink, signIn, type UserRow } from "../users/service.ts";
import { CSRF_HEADER } from "./authenticate.ts";
import { clearedSessionCookie, sessionCookie, sessionToken } from "./cookie.ts";
import { createSession, findSession, revokeSession, SESSION_TTL_MS } from "./service.ts";

const sessionSchema = t.Object({
  user: userSchema,
  org_id: t.String(),
  csrf_token: t.String({ description: "Send it in X-CSRF-Token with every state-changing request." }),
});

const noSession = () => new ApiError(401, "invalid_session", "Not signed in.");

/** The dashboard's sign-in: sessions in a cookie, without an API key. */
export function sessionsModule(ctx: ControlContext) {
  async function startSession(request: Request, user: UserRow, set: { headers: Record<string, unknown> }) {
    const { token, csrfToken } = await createSession(ctx.db, user.id);
    set.headers["set-cookie"] = sessionCookie(request, token, SESSION_TTL_MS / 1000);
    set.headers["cache-control"] = "no-store";
    return { user: presentUser(user), org_id: user.orgId, csrf_token: csrfToken };
  }

  return new Elysia({ prefix: "/auth", detail: { tags: ["Sign-in"], security: [] } })
    .post(
      "/sign-in",
      async ({ request, body, set }) => startSession(request, await signIn(ctx.db, ctx.bus, body), set),
      {
        body: t.Object(
          { email: t.String({ maxLength: 320 }), password: t.String({ maxLength: MAX_PASSWORD_LENGTH }) },
          { additionalProperties: false },
        ),
        response: { 200: sessionSchema },
        detail: {
          operationId: "signIn",
          summary: "Sign in",
          description:
            "Checks the email and password and sets the session cookie (HttpOnly, SameSite=Lax). Ten attempts " +
            "per address a minute; five wrong passwords in a row lock the account for 15 minutes.",
          ...problems("invalid_credentials", "sign_in_locked"),
        },
      },
    )
    .post(
      "/accept",
      async ({ request, body, set }) => startSession(request, await acceptLink(ctx.db, body), set),
      {
        body: t.Object(
          {
            token: t.String({ maxLength: 100 }),
            password: t.String({ maxLength: MAX_PASSWORD_LENGTH }),
            email: t.Optional(t.String({ maxLength: 320 })),
            name: t.Optional(t.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: sessionSchema },
        detail: {
          operationId: "acceptLink",
          summary: "Use an invitation or password-reset link",
          description:
            "An invitation creates the user with this password (`email` is needed only for the first owner's " +
            "set-up link); a reset replaces the password and ends the other sessions. Then signs in.",
          ...problems("invalid_link", "conflict"),
        },
      },
    )
    .get(
      "/session",
      async ({ request, set }) => {
        const token = sessionToken(request);
        const session = token ? await findSession(ctx.db, token) : null;
        if (!session) throw noSession();
        set.headers["cache-control"] = "no-store";
        return {
          user: {
            id: session.userId,
            email: session.email,
            name: session.name,
            role: session.role,
            created_at: session.createdAt.toISOString(),
            last_sign_in_at: session.lastSignInAt?.toISOString() ?? null,
          },
          org_id: session.orgId,
          csrf_token: session.csrfToken,
        };
      },
      {
        response: { 200: sessionSchema },
        detail: {
          operationId: "getSession",
          summary: "The signed-in user",
          description: "The session cookie's user, org and CSRF token; 401 when not signed in.",
          ...problems("invalid_session"),
        },
      },
    )
    .post(
      "/sign-out",
      async ({ request, set }) => {
        const token = sessionToken(request);
        const session = token ? await findSession(ctx.db, token) : null;
        if (session) {
          if (!constantTimeEqual(request.headers.get(CSRF_HEADER) ?? "", session.csrfToken))
            throw new ApiError(403, "csrf_failed", "Send the session's CSRF token in X-CSRF-Token.");
          await revokeSession(ctx.db, session.sessionId);
        }
        set.headers["set-cookie"] = clearedSessionCookie(request);
        set.status = 204;
      },
      {
        detail: {
          operationId: "signOut",
          summary: "Sign out",
          description: "Ends the session and clears the cookie.",
          responses: { 204: { description: "Signed out." } },
          ...problems("csrf_failed"),
        },
      },
    );
}
