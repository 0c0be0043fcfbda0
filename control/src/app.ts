import { ApiError, forbidden, problemResponse } from "@switchboard/shared/errors";
import { Elysia, t } from "elysia";
import type { ControlContext } from "./context.ts";
import { errorHandler } from "./http/errors.ts";
import { Idempotency } from "./http/idempotency.ts";
import { RateLimiter } from "./http/rate-limit.ts";
import { setRequestAuth } from "./http/request-auth.ts";
import { routeRole } from "./http/route-roles.ts";
import { checkRequestText, requestBodyText, textSafetyHook } from "./http/text-safety.ts";
import { ControlMetrics, METRICS_PATH } from "./metrics/control-metrics.ts";
import { adminGate, handleAdminRequest, isAdminPath, routeNotFound } from "./modules/admin/pipeline.ts";
import { adminModule } from "./modules/admin/routes.ts";
import { agentsModule } from "./modules/agents/routes.ts";
import { analyticsModule } from "./modules/analytics/routes.ts";
import { apiKeysModule } from "./modules/api-keys/routes.ts";
import { roleAtLeast } from "./modules/api-keys/service.ts";
import { callAliasesModule } from "./modules/calls/aliases.ts";
import { callsModule } from "./modules/calls/routes.ts";
import { campaignsModule } from "./modules/campaigns/routes.ts";
import { CarrierCallbacks, isCarrierCallbackPath } from "./modules/carriers/callbacks.ts";
import { creditsModule } from "./modules/credits/routes.ts";
import { dashboardModule } from "./modules/dashboard/routes.ts";
import { doNotCallModule } from "./modules/do-not-call/routes.ts";
import { docsAssetsModule } from "./modules/docs/routes.ts";
import { knowledgeModule } from "./modules/knowledge/routes.ts";
import { managedNumbersModule } from "./modules/managed-numbers/routes.ts";
import { orgModule } from "./modules/orgs/routes.ts";
import { orgSigningSecretModule } from "./modules/orgs/signing-secret-routes.ts";
import { autoRechargeModule } from "./modules/payments/auto-recharge-routes.ts";
import { handleStripeWebhook, STRIPE_WEBHOOK_PATH } from "./modules/payments/stripe-webhook.ts";
import { phoneNumbersModule } from "./modules/phone-numbers/routes.ts";
import { providerCredentialsModule } from "./modules/provider-credentials/routes.ts";
import { callErasureModule } from "./modules/retention/routes.ts";
import { authenticateRequest } from "./modules/sessions/authenticate.ts";
import { sessionsModule } from "./modules/sessions/routes.ts";
import { smsModule } from "./modules/sms/routes.ts";
import { toolsModule } from "./modules/tools/routes.ts";
import { trunksModule } from "./modules/trunks/routes.ts";
import { usersModule } from "./modules/users/routes.ts";
import { webCallsModule, widgetPublicModule } from "./modules/web-calls/routes.ts";
import { callWebhookDeliveriesModule } from "./modules/webhooks/call-deliveries.ts";
import { webhooksModule } from "./modules/webhooks/routes.ts";
import { apiDocs } from "./openapi/document.ts";

const API_PREFIX = "/api/v1";

export interface ControlApp {
  /** Handles one request in process: what Bun.serve and the tests call. */
  handle(request: Request): Promise<Response>;
  /** The carriers' signed callbacks (inbound SMS, delivery status). */
  carrierCallbacks: CarrierCallbacks;
  routes: Elysia;
}

const readiness = t.Object(
  { status: t.UnionEnum(["ready", "not_ready"]) },
  { description: "`ready`; `not_ready` (503) while the database does not answer." },
);

function buildRoutes(ctx: ControlContext, isReady: () => Promise<boolean>) {
  // `normalize: false`: Elysia checks each request body, query and response against its schema as
  // sent, where normalizing would first drop the fields the schema does not name. So a field a
  // body does not have (`sytem_prompt`) is a 422 naming it rather than silently lost.
  return new Elysia({ normalize: false })
    .use(errorHandler(ctx.log))
    .use(textSafetyHook())
    .use(apiDocs())
    .use(docsAssetsModule())
    .get("/health", () => ({ status: "ok" as const }), {
      response: t.Object({ status: t.Literal("ok") }),
      detail: {
        operationId: "getHealth",
        summary: "Liveness",
        description: "200 while the process serves requests; checks nothing else.",
        tags: ["Health"],
        security: [],
      },
    })
    .get(
      "/ready",
      async ({ set }) => {
        const ready = await isReady();
        if (!ready) set.status = 503;
        return { status: ready ? ("ready" as const) : ("not_ready" as const) };
      },
      {
        response: { 200: readiness, 503: readiness },
        detail: {
          operationId: "getReadiness",
          summary: "Readiness",
          description: "200 `ready` when the database answers, else 503 `not_ready`.",
          tags: ["Health"],
          security: [],
        },
      },
    )
    .use(widgetPublicModule(ctx))
    .use(sessionsModule(ctx))
    .use(dashboardModule(ctx.config))
    .group(API_PREFIX, (api) =>
      api
        .use(webCallsModule(ctx))
        .use(apiKeysModule(ctx))
        .use(usersModule(ctx))
        .use(agentsModule(ctx))
        .use(providerCredentialsModule(ctx))
        .use(orgSigningSecretModule(ctx))
        .use(phoneNumbersModule(ctx))
        .use(managedNumbersModule(ctx))
        .use(trunksModule(ctx))
        .use(creditsModule(ctx))
        .use(autoRechargeModule(ctx))
        .use(knowledgeModule(ctx))
        .use(webhooksModule(ctx))
        .use(callWebhookDeliveriesModule(ctx))
        .use(callsModule(ctx))
        .use(callErasureModule(ctx))
        .use(smsModule(ctx))
        .use(callAliasesModule(ctx))
        .use(doNotCallModule(ctx))
        .use(toolsModule(ctx))
        .use(campaignsModule(ctx))
        .use(analyticsModule(ctx))
        .use(orgModule(ctx))
        .use(adminModule(ctx)),
    );
}

/**
 * Cross-cutting concerns of /api/v1, in order: authentication (cached), the per-key rate
 * limit, the route's least role (http/route-roles.ts), then Idempotency-Key on POST. Routing,
 * validation and OpenAPI stay with Elysia.
 */
export function createControlApp(
  ctx: ControlContext,
  isReady: () => Promise<boolean> = async () => true,
): ControlApp {
  const routes = buildRoutes(ctx, isReady);
  const rateLimiter = new RateLimiter(ctx.bus, ctx.config.rateLimitPerMinute);
  const idempotency = new Idempotency(ctx.db);
  const carrierCallbacks = new CarrierCallbacks(ctx);
  const metrics = new ControlMetrics(ctx, routes.routes);

  async function handleApi(
    request: Request,
    handle = (request: Request) => routes.handle(request),
  ): Promise<Response> {
    const auth = await authenticateRequest(ctx, request);
    const limit = await rateLimiter.hit(auth.keyId);
    if (limit.limited) return problemResponse(limit.limited, limit.headers);
    const rule = routeRole(request.method, new URL(request.url).pathname.slice(API_PREFIX.length));
    if (rule && !roleAtLeast(auth.role, rule.role)) {
      const who = rule.role === "owner" ? "owner keys" : "owner and admin keys";
      return problemResponse(forbidden(`Only ${who} may ${rule.action}.`), limit.headers);
    }
    setRequestAuth(request, auth);
    const idempotencyKey = request.headers.get("idempotency-key");
    let response: Response;
    if (request.method === "POST" && idempotencyKey !== null) {
      const bodyText = await requestBodyText(request);
      response = await idempotency.run(auth.orgId, idempotencyKey.trim(), request, bodyText, () =>
        handle(request),
      );
    } else {
      response = await handle(request);
    }
    for (const [name, value] of Object.entries(limit.headers)) response.headers.set(name, value);
    return response;
  }

  return {
    routes: routes as unknown as Elysia,
    carrierCallbacks,
    async handle(request: Request): Promise<Response> {
      const { pathname } = new URL(request.url);
      // Outside /api/v1 and the OpenAPI document: an operator's scrape, not a tenant's call.
      if (pathname === METRICS_PATH) return metrics.serve(request);
      const startedMs = performance.now();
      const response = await handleRequest(request, pathname);
      metrics.observe(request, pathname, response.status, startedMs);
      return response;
    },
  };

  async function handleRequest(request: Request, pathname: string): Promise<Response> {
    try {
      // NUL, bad UTF-8 and lone surrogates reach no route (nor PostgreSQL): a 400 problem.
      await checkRequestText(request);
      // Signed by the carrier instead of an API key.
      if (isCarrierCallbackPath(pathname)) return await carrierCallbacks.handle(request);
      if (pathname === STRIPE_WEBHOOK_PATH) return await handleStripeWebhook(ctx, request);
      if (isAdminPath(pathname)) {
        // Operator routes are authenticated before, and instead of, tenant auth; to a tenant they are unknown.
        if (adminGate(ctx.config.adminApiKey, request.headers.get("authorization")) === "tenant")
          return await handleApi(request, async () => problemResponse(routeNotFound()));
        return await handleAdminRequest(ctx.db, idempotency, request, (admin) => routes.handle(admin));
      }
      if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) return await handleApi(request);
      return await routes.handle(request);
    } catch (error) {
      if (error instanceof ApiError) return problemResponse(error);
      ctx.log.error({ err: error }, "unhandled error in request pipeline");
      return problemResponse(new ApiError(500, "internal_error", "An unexpected error occurred."));
    }
  }
}
