import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { linkUrl } from "./links.ts";
import { createLinkMailer } from "./mailer.ts";
import { changeRole, removeUser } from "./membership.ts";
import { invitationBody, invitationSchema, linkSchema, presentUser, userRole, userSchema } from "./model.ts";
import { invite, listUsers, orgName, resetLink } from "./service.ts";

const origin = (request: Request) => new URL(request.url).origin;

/** The org's people: who signs in to the dashboard, invitations and password resets by link. */
export function usersModule(ctx: ControlContext) {
  const mailer = createLinkMailer(ctx.config, ctx.log);
  return new Elysia({ detail: { tags: ["Users"] } })
    .get(
      "/users",
      async ({ request, query }) => {
        const auth = requestAuth(request);
        const page = pageRequest(query);
        return toPage(await listUsers(ctx.db, auth.orgId, page), page, presentUser);
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(userSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listUsers",
          summary: "List users",
          description: "The people of the org who sign in to the dashboard, with their roles.",
        },
      },
    )
    .post(
      "/invitations",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        const { row, token } = await invite(ctx.db, auth, { email: body.email, role: body.role ?? "member" });
        const url = linkUrl(origin(request), token);
        const emailed =
          mailer !== null &&
          (await mailer.send({
            to: row.email!,
            kind: "invite",
            url,
            orgName: await orgName(ctx.db, auth.orgId),
            expiresAt: row.expiresAt,
          }));
        set.status = 201;
        return {
          id: row.id,
          email: row.email!,
          role: row.role!,
          url,
          expires_at: row.expiresAt.toISOString(),
          emailed,
        };
      },
      {
        body: invitationBody,
        response: { 201: invitationSchema },
        detail: {
          operationId: "createInvitation",
          summary: "Invite a user",
          description:
            "A one-time link (valid 7 days) that lets the person choose a password and join the org with the role. " +
            "The link is in this response only; with SMTP_URL configured it is also mailed to the address " +
            "(`emailed`). Nobody invites above their own role.",
          ...problems("conflict"),
        },
      },
    )
    .post(
      "/users/:id/password-reset",
      async ({ request, params, set }) => {
        const auth = requestAuth(request);
        const { row, token, user } = await resetLink(ctx.db, auth, params.id);
        const url = linkUrl(origin(request), token);
        const emailed =
          mailer !== null &&
          (await mailer.send({
            to: user.email,
            kind: "reset",
            url,
            orgName: await orgName(ctx.db, auth.orgId),
            expiresAt: row.expiresAt,
          }));
        set.status = 201;
        return { url, expires_at: row.expiresAt.toISOString(), emailed };
      },
      {
        params: t.Object({ id: t.String() }),
        response: { 201: linkSchema },
        detail: {
          operationId: "createPasswordReset",
          summary: "Create a password-reset link",
          description:
            "A one-time link (valid 1 hour) that sets a new password for the user, lifts a sign-in lock " +
            "and ends the user's sessions. The link is in this response only; with SMTP_URL configured it " +
            "is also mailed to the user (`emailed`).",
          ...problems("not_found"),
        },
      },
    )
    .patch(
      "/users/:id",
      async ({ request, params, body }) =>
        presentUser(await changeRole(ctx.db, requestAuth(request), params.id, body.role)),
      {
        params: t.Object({ id: t.String() }),
        body: t.Object({ role: userRole }, { additionalProperties: false }),
        response: { 200: userSchema },
        detail: {
          operationId: "updateUser",
          summary: "Change a user's role",
          description:
            "Takes effect on the user's next request. Nobody changes a user above their own role or gives a " +
            "role above their own; the org's only owner stays owner (409).",
          ...problems("not_found", "conflict"),
        },
      },
    )
    .delete(
      "/users/:id",
      async ({ request, params, set }) => {
        await removeUser(ctx.db, requestAuth(request), params.id);
        set.status = 204;
      },
      {
        params: t.Object({ id: t.String() }),
        detail: {
          operationId: "removeUser",
          summary: "Remove a user",
          description:
            "The person can no longer sign in and their sessions end at once. The org's only owner cannot be removed (409).",
          responses: { 204: { description: "Removed." } },
          ...problems("not_found", "conflict"),
        },
      },
    );
}
