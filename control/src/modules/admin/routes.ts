import { GatewayListSchema } from "@switchboard/shared/schemas/gateway";
import { Elysia, t } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, paginationQuery, toPage } from "../../http/pagination.ts";
import { problems } from "../../openapi/problems.ts";
import { presentApiKey } from "../api-keys/model.ts";
import { presentTransaction } from "../credits/service.ts";
import { orgSchema, presentOrg } from "../orgs/model.ts";
import { loadOrg } from "../orgs/service.ts";
import { listGateways } from "./gateways.ts";
import {
  adjustmentBody,
  adjustmentSchema,
  adminApiKeyBody,
  adminApiKeySchema,
  createOrgBody,
  orgParams,
  updateOrgBody,
} from "./model.ts";
import { requireAdmin } from "./pipeline.ts";
import { adjustCredits, createOrgForTenant, issueApiKey, listOrgs, updateOrg } from "./service.ts";

const OPERATOR_ONLY = "Operator only: `Authorization: Bearer <ADMIN_API_KEY>` (sk_admin_...).";

export function adminModule(ctx: ControlContext) {
  return new Elysia({
    prefix: "/admin",
    detail: { tags: ["Admin"], description: OPERATOR_ONLY, security: [{ admin: [] }] },
  })
    .onTransform(({ request }) => requireAdmin(request))
    .post(
      "/orgs",
      async ({ body, set }) => {
        const row = await createOrgForTenant(ctx, body);
        set.status = 201;
        return presentOrg(row, ctx.config, 0);
      },
      {
        body: createOrgBody,
        response: { 201: orgSchema },
        detail: {
          operationId: "adminCreateOrg",
          summary: "Create an org (a tenant)",
          description: `${OPERATOR_ONLY} Takes no Idempotency-Key (400): list the orgs before retrying a create.`,
          ...problems("idempotency_key_unsupported"),
        },
      },
    )
    .get(
      "/orgs",
      async ({ query }) => {
        const page = pageRequest(query);
        return toPage(await listOrgs(ctx.db, page), page, (org) =>
          presentOrg(org.row, ctx.config, org.balanceCents),
        );
      },
      {
        query: t.Object(paginationQuery),
        response: t.Object({
          data: t.Array(orgSchema),
          has_more: t.Boolean(),
          next_cursor: t.Nullable(t.String()),
        }),
        detail: {
          operationId: "adminListOrgs",
          summary: "List orgs, newest first",
          description: OPERATOR_ONLY,
        },
      },
    )
    .get("/orgs/:org_id", async ({ params }) => loadOrg(ctx.db, ctx.config, params.org_id), {
      params: orgParams,
      response: orgSchema,
      detail: { operationId: "adminGetOrg", summary: "Get an org", description: OPERATOR_ONLY },
    })
    .patch(
      "/orgs/:org_id",
      async ({ params, body }) => {
        const row = await updateOrg(ctx, params.org_id, body);
        return loadOrg(ctx.db, ctx.config, row.id);
      },
      {
        params: orgParams,
        body: updateOrgBody,
        response: orgSchema,
        detail: {
          operationId: "adminUpdateOrg",
          summary: "Change an org's name, concurrent-call cap or rates",
          description: `${OPERATOR_ONLY} A new cap or rate reaches the gateways at once.`,
        },
      },
    )
    .post(
      "/orgs/:org_id/api-keys",
      async ({ params, body, set }) => {
        const { row, secret } = await issueApiKey(ctx.db, params.org_id, body);
        set.status = 201;
        return { ...presentApiKey(row), key: secret, org_id: row.orgId };
      },
      {
        params: orgParams,
        body: adminApiKeyBody,
        response: { 201: adminApiKeySchema },
        detail: {
          operationId: "adminCreateApiKey",
          summary: "Create a key for an org",
          description: `${OPERATOR_ONLY} The tenant's first owner key; the full secret is returned only once.`,
        },
      },
    )
    .post(
      "/orgs/:org_id/credits",
      async ({ params, body, set }) => {
        const entry = await adjustCredits(ctx, params.org_id, body);
        set.status = 201;
        return { transaction: presentTransaction(entry), balance_cents: entry.balanceAfterCents };
      },
      {
        params: orgParams,
        body: adjustmentBody,
        response: { 201: adjustmentSchema },
        detail: {
          operationId: "adminAdjustCredits",
          summary: "Grant credits or correct the balance",
          description:
            `${OPERATOR_ONLY} A positive amount is a \`grant\`, a negative one a \`correction\` ` +
            "(409 when it would take the balance below zero). Send `Idempotency-Key` so a retry is not applied twice.",
          ...problems("balance_would_be_negative"),
        },
      },
    )
    .get("/gateways", () => listGateways(ctx.bus), {
      response: GatewayListSchema,
      detail: {
        operationId: "adminListGateways",
        summary: "List the live gateways",
        description:
          `${OPERATOR_ONLY} Every gateway announcing itself on the bus: its SIP and media address, ` +
          "planned capacity, calls in progress, CPU use and whether it is draining. A gateway that " +
          "stopped announcing (killed, cut off) drops out within three GATEWAY_HEARTBEAT_INTERVAL_MS.",
      },
    });
}
