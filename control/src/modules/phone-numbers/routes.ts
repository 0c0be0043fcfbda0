import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { orgCarriers } from "../carriers/org-carriers.ts";
import { requireBillingRole } from "../credits/service.ts";
import { orgRates } from "../orgs/service.ts";
import { searchNumbers } from "./carrier-purchase.ts";
import {
  attachBody,
  availableNumberSchema,
  buyBody,
  forwardingBody,
  phoneNumberSchema,
  searchQuery,
} from "./model.ts";
import { numberProviderFor } from "./providers/index.ts";
import type { AnyNumberProvider } from "./providers/types.ts";
import {
  attachAgent,
  buyPhoneNumber,
  getPhoneNumberRow,
  listPhoneNumbers,
  presentPhoneNumber,
  releasePhoneNumber,
  setForwarding,
} from "./service.ts";

const params = t.Object({ id: t.String({ maxLength: 100 }) });

export function phoneNumbersModule(ctx: ControlContext, fixedProvider?: AnyNumberProvider) {
  const provider = fixedProvider ?? numberProviderFor(ctx.config.carriers);
  const deps = { db: ctx.db, bus: ctx.bus, config: ctx.config, provider, log: ctx.log };
  // An org's own carrier account, when the operator allows it, buys and releases its numbers.
  const depsFor = async (orgId: string) =>
    fixedProvider || !ctx.config.carriers.orgCarrierCredentials
      ? deps
      : { ...deps, provider: numberProviderFor(await orgCarriers(ctx.db, ctx.config, orgId)) };
  return new Elysia({ prefix: "/phone-numbers", detail: { tags: ["Phone numbers"] } })
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(
          await listPhoneNumbers(ctx.db, requestAuth(request).orgId, page),
          page,
          presentPhoneNumber,
        );
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(phoneNumberSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "listPhoneNumbers",
          summary: "List your numbers",
          description:
            "The org's numbers, newest first, with their agent, forwarding, status and renewal date.",
        },
      },
    )
    .get(
      "/search",
      async ({ request, query }) => {
        const { numberMonthlyCents } = await orgRates(ctx.db, ctx.config, requestAuth(request).orgId);
        const orgProvider = (await depsFor(requestAuth(request).orgId)).provider;
        const found = await searchNumbers(orgProvider, ctx.db, {
          ...(query.country ? { country: query.country } : {}),
          ...(query.area_code ? { areaCode: query.area_code } : {}),
          ...(query.contains ? { contains: query.contains } : {}),
          limit: query.limit ?? 20,
        });
        return { data: found.map((n) => ({ ...n, monthly_cost_cents: numberMonthlyCents })) };
      },
      {
        query: searchQuery,
        response: t.Object({ data: t.Array(availableNumberSchema) }),
        detail: {
          operationId: "searchPhoneNumbers",
          summary: "Search numbers available to buy",
          description:
            "By `country`, `area_code` or digits the number `contains`; each with its monthly price. " +
            "Numbers come from the deployment's provider: its inventory, Twilio or Telnyx.",
          ...problems("number_carrier_failed"),
        },
      },
    )
    .post(
      "",
      async ({ request, body, set }) => {
        const auth = requestAuth(request);
        requireBillingRole(auth.role);
        set.status = 201;
        return presentPhoneNumber(await buyPhoneNumber(await depsFor(auth.orgId), auth.orgId, body));
      },
      {
        body: buyBody,
        response: { 201: phoneNumberSchema },
        detail: {
          operationId: "buyPhoneNumber",
          summary: "Buy a number",
          description:
            "Send `phone_number` (one search returned) or `area_code`. The first month is charged from " +
            "credits at once (402 `insufficient_credits` when short); renewals monthly after that.",
          ...problems(
            "insufficient_credits",
            "not_found",
            "no_numbers_available",
            "number_unavailable",
            "number_carrier_failed",
          ),
        },
      },
    )
    .get(
      "/:id",
      async ({ request, params }) =>
        presentPhoneNumber(await getPhoneNumberRow(ctx.db, requestAuth(request).orgId, params.id)),
      {
        params,
        response: phoneNumberSchema,
        detail: {
          operationId: "getPhoneNumber",
          summary: "Get a number",
          description: "One number of the org.",
        },
      },
    )
    .post(
      "/:id/attach",
      async ({ request, params, body }) =>
        presentPhoneNumber(await attachAgent(deps, requestAuth(request).orgId, params.id, body.agent_id)),
      {
        params,
        body: attachBody,
        response: phoneNumberSchema,
        detail: {
          operationId: "attachPhoneNumber",
          summary: "Assign a number to an agent",
          description:
            "Calls to the number are answered by this agent from now on. `{agent_id: null}` detaches.",
        },
      },
    )
    .post(
      "/:id/detach",
      async ({ request, params }) =>
        presentPhoneNumber(await attachAgent(deps, requestAuth(request).orgId, params.id, null)),
      {
        params,
        response: phoneNumberSchema,
        detail: {
          operationId: "detachPhoneNumber",
          summary: "Detach the number from its agent",
          description:
            "The number stays yours; without an agent its calls are forwarded (mode `no_agent`) or refused.",
        },
      },
    )
    .patch(
      "/:id/forwarding",
      async ({ request, params, body }) =>
        presentPhoneNumber(await setForwarding(deps, requestAuth(request).orgId, params.id, body)),
      {
        params,
        body: forwardingBody,
        response: phoneNumberSchema,
        detail: {
          operationId: "updatePhoneNumberForwarding",
          summary: "Update forwarding settings",
          description: "`forward_to` (E.164) and `mode`; `forward_to: null` turns forwarding off.",
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
          operationId: "releasePhoneNumber",
          summary: "Release a number",
          description:
            "Owner or admin. The number stops answering at once and goes back to its carrier; no refund.",
          responses: { 204: { description: "Released." } },
          ...problems("number_carrier_failed"),
        },
      },
    );
}
