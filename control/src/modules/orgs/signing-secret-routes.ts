import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { requireRole } from "../../http/roles.ts";
import { republishOrgAgents } from "../agents/snapshot.ts";
import { rotateSigningSecret } from "./signing-secret.ts";

const rotatedSchema = t.Object({
  secret: t.String({ description: "The new `whsec_` secret, shown only in this response." }),
  prefix: t.String(),
  previous_expires_at: t.Nullable(
    t.String({
      format: "date-time",
      description: "Until then requests also carry a signature with the previous secret.",
    }),
  ),
});

export function orgSigningSecretModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/org/signing-secret", detail: { tags: ["Org"] } }).post(
    "/rotate",
    async ({ request }) => {
      const auth = requestAuth(request);
      requireRole(auth.role, "admin", "rotate the signing secret");
      const rotated = await rotateSigningSecret(ctx.db, ctx.config, auth.orgId);
      await republishOrgAgents(ctx, auth.orgId);
      return rotated;
    },
    {
      response: rotatedSchema,
      detail: {
        operationId: "rotateSigningSecret",
        summary: "Create or rotate the org's request-signing secret",
        description:
          "Requests to your custom LLM `webhook_url` and HTTP tools carry Standard Webhooks headers " +
          "(`webhook-id`, `webhook-timestamp`, `webhook-signature`) signed with this secret, plus " +
          "`X-Switchboard-Call-Id` and `X-Switchboard-Agent-Id`. The previous secret keeps signing for 24 hours.",
      },
    },
  );
}
