import { forbidden } from "@switchboard/shared/errors";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { apiKeySchema, createApiKeyBody, createdApiKeySchema, presentApiKey } from "./model.ts";
import { createKey, listKeys, revokeKey, roleAtLeast } from "./service.ts";

export function apiKeysModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/api-keys", detail: { tags: ["API keys"] } })
    .post(
      "",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        const { row, secret } = await createKey(ctx.db, auth, {
          name: body.name,
          role: body.role ?? "member",
          expiresAt: body.expires_at ? new Date(body.expires_at) : null,
        });
        set.status = 201;
        return { ...presentApiKey(row), key: secret };
      },
      {
        body: createApiKeyBody,
        response: { 201: createdApiKeySchema },
        detail: {
          operationId: "createApiKey",
          summary: "Create an API key",
          description:
            "Owner and admin keys; only an owner key may create an owner key. The full secret (`sk_live_...`) " +
            "is in this response only: the platform keeps a hash and a visible prefix.",
        },
      },
    )
    .get(
      "",
      async ({ request, query }) => {
        const auth = requestAuth(request);
        if (!roleAtLeast(auth.role, "admin"))
          throw forbidden("Only owner and admin keys can manage API keys.");
        const page = pageRequest(query);
        return toPage(await listKeys(ctx.db, auth.orgId, page), page, presentApiKey);
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(apiKeySchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listApiKeys",
          summary: "List API keys",
          description:
            "Prefix, name, role, creation, last use, expiry and revocation of each key; never the secret.",
        },
      },
    )
    .delete(
      "/:id",
      async ({ request, params, set }) => {
        const auth = requestAuth(request);
        await revokeKey(ctx.db, ctx.bus, auth, params.id, ctx.authenticator.awaitEcho);
        set.status = 204;
      },
      {
        params: t.Object({ id: t.String() }),
        detail: {
          operationId: "revokeApiKey",
          summary: "Revoke an API key",
          description:
            "The key fails from the very next request, on every instance. Only an owner key may revoke an owner key.",
          responses: { 204: { description: "Revoked." } },
        },
      },
    );
}
