// `/numbers`: other platforms' number API, where a number and its agent are one resource. Each
// route is a deprecated alias of the agents' and phone numbers' own routes, on their services.
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { orgCarriers } from "../carriers/org-carriers.ts";
import { requireBillingRole } from "../credits/service.ts";
import { numberProviderFor } from "../phone-numbers/providers/index.ts";
import type { AnyNumberProvider } from "../phone-numbers/providers/types.ts";
import { releasePhoneNumber } from "../phone-numbers/service.ts";
import {
  createManagedNumberBody,
  managedNumberPageSchema,
  managedNumberSchema,
  updateManagedNumberBody,
} from "./model.ts";
import { createManagedNumber, getManagedNumber, listManagedNumbers, updateManagedNumber } from "./service.ts";

const params = t.Object({ id: t.String({ maxLength: 100 }) });

/** An alias's OpenAPI entry: deprecated, pointing at the operations to use instead. */
function aliasDetail(operationId: string, summary: string, canonical: string) {
  return {
    operationId,
    summary,
    deprecated: true,
    description:
      `Deprecated: a managed number is a phone number and the agent attached to it (\`voice_id\` is an ElevenLabs ` +
      `voice, \`webhook_url\` the agent's custom LLM endpoint). Use ${canonical} instead: the same services, ` +
      "status codes and errors.",
  };
}

export function managedNumbersModule(ctx: ControlContext, fixedProvider?: AnyNumberProvider) {
  const deps = {
    db: ctx.db,
    bus: ctx.bus,
    config: ctx.config,
    log: ctx.log,
    provider: fixedProvider ?? numberProviderFor(ctx.config.carriers),
  };
  // Numbers come from the deployment's provider, or the org's own carrier account when allowed.
  const depsFor = async (orgId: string) =>
    fixedProvider || !ctx.config.carriers.orgCarrierCredentials
      ? deps
      : { ...deps, provider: numberProviderFor(await orgCarriers(ctx.db, ctx.config, orgId)) };
  return new Elysia({ prefix: "/numbers", detail: { tags: ["Phone numbers"] } })
    .get(
      "",
      async ({ request, query }) =>
        listManagedNumbers(ctx.db, requestAuth(request).orgId, pageRequest(query)),
      {
        query: t.Object(paginationQuery),
        response: managedNumberPageSchema,
        detail: aliasDetail(
          "listManagedNumbers",
          "List managed numbers",
          "`GET /api/v1/phone-numbers` (and `GET /api/v1/agents`)",
        ),
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        requireBillingRole(auth.role);
        const number = await createManagedNumber(await depsFor(auth.orgId), auth.orgId, auth.role, body);
        set.status = 201;
        return number;
      },
      {
        body: createManagedNumberBody,
        response: { 201: managedNumberSchema },
        detail: {
          ...aliasDetail(
            "createManagedNumber",
            "Create an agent and buy a number for it",
            "`POST /api/v1/agents` then `POST /api/v1/phone-numbers` with `{area_code, agent_id}`; here both " +
              "happen in one transaction with the number's one charge, and nothing is created when buying fails",
          ),
          ...problems("insufficient_credits", "no_numbers_available"),
        },
      },
    )
    .get(
      "/:id",
      async ({ request, params }) => getManagedNumber(ctx.db, requestAuth(request).orgId, params.id),
      {
        params,
        response: managedNumberSchema,
        detail: aliasDetail(
          "getManagedNumber",
          "Get a managed number",
          "`GET /api/v1/phone-numbers/{id}` and `GET /api/v1/agents/{agent_id}`",
        ),
      },
    )
    .patch(
      "/:id",
      async ({ request, params, body }) => {
        const auth = requestAuth(request);
        return updateManagedNumber(deps, auth.orgId, auth.role, params.id, body);
      },
      {
        params,
        body: updateManagedNumberBody,
        response: managedNumberSchema,
        detail: {
          ...aliasDetail(
            "updateManagedNumber",
            "Update a managed number's agent",
            "`PATCH /api/v1/agents/{agent_id}` (members may not set `voice_id` or `webhook_url`; 409 " +
              "`number_has_no_agent` for a number without an agent)",
          ),
          ...problems("forbidden", "number_has_no_agent"),
        },
      },
    )
    .delete(
      "/:id",
      async ({ request, params, set }) => {
        const auth = requestAuth(request);
        requireBillingRole(auth.role);
        await releasePhoneNumber(await depsFor(auth.orgId), auth.orgId, params.id);
        set.status = 204;
      },
      {
        params,
        detail: {
          ...aliasDetail(
            "releaseManagedNumber",
            "Release a managed number",
            "`DELETE /api/v1/phone-numbers/{id}` (the agent stays; delete it with `DELETE /api/v1/agents/{agent_id}`)",
          ),
          responses: { 204: { description: "Released." } },
        },
      },
    );
}
