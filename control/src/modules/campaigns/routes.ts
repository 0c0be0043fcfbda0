import { Elysia } from "elysia";
import type { ControlContext } from "../../context.ts";
import { pageRequest, toPage } from "../../http/pagination.ts";
import { requestAuth } from "../../http/request-auth.ts";
import { problems } from "../../openapi/problems.ts";
import { addLeads, leadFilters, listLeads } from "./leads.ts";
import {
  addLeadsBody,
  campaignListQuery,
  campaignPageSchema,
  campaignParams,
  campaignSchema,
  createCampaignBody,
  leadPageSchema,
  leadsReportSchema,
  listLeadsQuery,
} from "./model.ts";
import { presentCampaign, presentLead } from "./present.ts";
import {
  actOnCampaign,
  type CampaignAction,
  campaignCounts,
  createCampaign,
  getCampaignRow,
  listCampaigns,
} from "./service.ts";

const ACTION_DOCS: Record<CampaignAction, { operationId: string; summary: string; description: string }> = {
  start: {
    operationId: "startCampaign",
    summary: "Start a campaign",
    description:
      "draft -> running: the dispatcher starts dialling its leads within their windows (`campaign.started`). 402 without credits.",
  },
  pause: {
    operationId: "pauseCampaign",
    summary: "Pause a campaign",
    description:
      "running -> paused: no new dials; calls in progress finish (`campaign.paused`, reason `requested`).",
  },
  resume: {
    operationId: "resumeCampaign",
    summary: "Resume a campaign",
    description:
      "paused -> running, also after it paused itself for credits (add credits first: 402 without).",
  },
  cancel: {
    operationId: "cancelCampaign",
    summary: "Cancel a campaign",
    description: "-> canceled for good: leads not yet called become `canceled`; calls in progress finish.",
  },
};

function actionOptions(action: CampaignAction) {
  return {
    params: campaignParams,
    response: campaignSchema,
    detail: {
      ...ACTION_DOCS[action],
      ...(action === "start" || action === "resume"
        ? problems("campaign_state", "insufficient_credits")
        : problems("campaign_state")),
    },
  };
}

/** `/campaigns`: lead lists dialled by the dispatcher at the campaign's pace and windows. */
export function campaignsModule(ctx: ControlContext) {
  const act =
    (action: CampaignAction) =>
    async ({ request, params }: { request: Request; params: { campaign_id: string } }) => {
      const row = await actOnCampaign(ctx.db, requestAuth(request).orgId, params.campaign_id, action);
      return presentCampaign(row, await campaignCounts(ctx.db, row.id));
    };
  const module = new Elysia({ prefix: "/campaigns", detail: { tags: ["Campaigns"] } })
    .post(
      "",
      async ({ request, body, set }) => {
        const row = await createCampaign(ctx.db, requestAuth(request).orgId, body);
        set.status = 201;
        return presentCampaign(row);
      },
      {
        body: createCampaignBody,
        response: { 201: campaignSchema },
        detail: {
          operationId: "createCampaign",
          summary: "Create a campaign",
          description:
            "A draft: add leads, then start it. `schedule` paces it (`calls_per_minute`, `max_concurrent`) and bounds it to " +
            "`windows` in each lead's time zone; `retry` says which results are called again, how often and after how long.",
        },
      },
    )
    .get(
      "",
      async ({ request, query }) => {
        const page = pageRequest(query);
        return toPage(await listCampaigns(ctx.db, requestAuth(request).orgId, page), page, (row) =>
          presentCampaign(row),
        );
      },
      {
        query: campaignListQuery,
        response: campaignPageSchema,
        detail: {
          operationId: "listCampaigns",
          summary: "List campaigns",
          description: "Newest first, without counts.",
        },
      },
    )
    .get(
      "/:campaign_id",
      async ({ request, params }) => {
        const row = await getCampaignRow(ctx.db, requestAuth(request).orgId, params.campaign_id);
        return presentCampaign(row, await campaignCounts(ctx.db, row.id));
      },
      {
        params: campaignParams,
        response: campaignSchema,
        detail: {
          operationId: "getCampaign",
          summary: "Get a campaign with its counts",
          description: "With `counts`: leads in all, by state and by outcome.",
        },
      },
    )
    .post(
      "/:campaign_id/leads",
      async ({ request, params, body }) => {
        const row = await getCampaignRow(ctx.db, requestAuth(request).orgId, params.campaign_id);
        return addLeads(ctx.db, row, body);
      },
      {
        params: campaignParams,
        body: addLeadsBody,
        response: leadsReportSchema,
        detail: {
          operationId: "addCampaignLeads",
          summary: "Add leads",
          description:
            "A JSON list (`leads`) or CSV text (`csv`) with `phone_number`, optional `time_zone`, and any other column as a " +
            "`{{variable}}` for the prompt and greeting. Each row is accepted or rejected on its own: the report names the " +
            "rejected rows and why (`invalid_phone_number`, `invalid_time_zone`, `duplicate`, `do_not_call`).",
          ...problems("campaign_state"),
        },
      },
    )
    .get(
      "/:campaign_id/leads",
      async ({ request, params, query }) => {
        const row = await getCampaignRow(ctx.db, requestAuth(request).orgId, params.campaign_id);
        const page = pageRequest(query);
        return toPage(await listLeads(ctx.db, row.id, page, leadFilters(query)), page, presentLead);
      },
      {
        params: campaignParams,
        query: listLeadsQuery,
        response: leadPageSchema,
        detail: {
          operationId: "listCampaignLeads",
          summary: "List a campaign's leads",
          description: "Newest first; `state` and `outcome` filter.",
        },
      },
    );
  return module
    .post("/:campaign_id/start", act("start"), actionOptions("start"))
    .post("/:campaign_id/pause", act("pause"), actionOptions("pause"))
    .post("/:campaign_id/resume", act("resume"), actionOptions("resume"))
    .post("/:campaign_id/cancel", act("cancel"), actionOptions("cancel"));
}
