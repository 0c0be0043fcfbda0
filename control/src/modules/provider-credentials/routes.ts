import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { requireRole } from "../../http/roles.ts";
import { problems } from "../../openapi/problems.ts";
import { createCredentialBody, credentialSchema } from "./model.ts";
import { createCredential, deleteCredential, listCredentials, presentCredential } from "./service.ts";

const params = t.Object({ id: t.String({ maxLength: 100 }) });

/** Keys for providers an org pays for itself; listed by anyone, changed by owner and admin keys. */
export function providerCredentialsModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/provider-credentials", detail: { tags: ["Provider credentials"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(
          await listCredentials(ctx.db, requestAuth(request).orgId, page),
          page,
          presentCredential,
        );
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(credentialSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listProviderCredentials",
          summary: "List provider credentials",
          description: "Any role. Provider, name, base URL and the key's last characters; never the key.",
        },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        requireRole(auth.role, "admin", "manage provider credentials");
        const row = await createCredential(ctx.db, ctx.config, auth.orgId, body);
        set.status = 201;
        return presentCredential(row);
      },
      {
        body: createCredentialBody,
        response: { 201: credentialSchema },
        detail: {
          operationId: "createProviderCredential",
          summary: "Store a provider credential",
          description:
            "The org's own key for OpenAI, Deepgram, ElevenLabs or an OpenAI-compatible endpoint. Agents name it " +
            "in a provider block's `credential_id`. The key is encrypted at rest and never shown again; a `base_url` " +
            "is only ever sent this credential's key, never the platform's.",
          ...problems("invalid_url"),
        },
      },
    )
    .delete(
      "/:id",
      async ({ request, params, set }) => {
        const auth = requestAuth(request);
        requireRole(auth.role, "admin", "manage provider credentials");
        await deleteCredential(ctx.db, auth.orgId, params.id);
        set.status = 204;
      },
      {
        params,
        detail: {
          operationId: "deleteProviderCredential",
          summary: "Delete a provider credential",
          description: "Refused with 409 `credential_in_use` while an agent names it.",
          responses: { 204: { description: "Deleted." } },
          ...problems("credential_in_use"),
        },
      },
    );
}
