import { Elysia } from "elysia";
import type { ControlContext } from "../../context.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { orgSchema } from "./model.ts";
import { loadOrg } from "./service.ts";

export function orgModule(ctx: ControlContext) {
  return new Elysia({ prefix: "/org", detail: { tags: ["Org"] } }).get(
    "",
    async ({ request }) => loadOrg(ctx.db, ctx.config, requestAuth(request).orgId),
    {
      response: orgSchema,
      detail: {
        operationId: "getOrg",
        summary: "Get your org",
        description: "Any role. Its id, name, concurrent-call limit, the rates it pays and its balance.",
      },
    },
  );
}
