import { Elysia } from "elysia";
import type { ControlContext } from "../../context.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { overviewQuery, overviewSchema } from "./model.ts";
import { analyticsOverview, overviewWindow } from "./service.ts";

export function analyticsModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/analytics", detail: { tags: ["Analytics"] } }).get(
    "/overview",
    async ({ request, query }) => {
      const { from, to } = overviewWindow(query);
      return analyticsOverview(ctx.db, requestAuth(request).orgId, from, to);
    },
    {
      query: overviewQuery,
      response: overviewSchema,
      detail: {
        operationId: "getAnalyticsOverview",
        summary: "Account analytics summary",
        description:
          "Calls that started in [from, to): counts by status and direction, minutes, spend, and the average and p95 total latency of agent turns, overall and per agent.",
      },
    },
  );
}
