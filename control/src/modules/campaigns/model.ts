import { t } from "elysia";
import { paginationQuery } from "../../http/pagination.ts";

export const CAMPAIGN_STATUSES = ["draft", "running", "paused", "completed", "canceled"] as const;
export const LEAD_STATES = ["pending", "calling", "retrying", "completed", "canceled"] as const;
export const RETRY_ON = ["no_answer", "busy", "machine", "failed"] as const;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const clock = t.String({
  pattern: "^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$",
  description: "`HH:MM` or `HH:MM:SS`, in the lead's time zone.",
});

const windowSchema = t.Object(
  {
    days: t.Array(t.UnionEnum([...WEEKDAYS]), { minItems: 1, maxItems: 7 }),
    start: clock,
    end: t.String({ ...clock, description: "Exclusive; before `start` for a window past midnight." }),
  },
  { additionalProperties: false },
);

const scheduleFields = {
  calls_per_minute: t.Number({
    exclusiveMinimum: 0,
    maximum: 600,
    description: "Dials per minute, evenly spaced (default 10).",
  }),
  max_concurrent: t.Integer({
    minimum: 1,
    maximum: 1000,
    description: "Calls of this campaign at once (default 5).",
  }),
  time_zone: t.String({
    maxLength: 64,
    description: "IANA zone for leads whose zone is neither given nor known from their number (default UTC).",
  }),
  windows: t.Array(windowSchema, {
    maxItems: 28,
    description: "When leads may be called, in each lead's own time zone; empty: any time.",
  }),
};

const retryFields = {
  on: t.Array(t.UnionEnum([...RETRY_ON]), {
    maxItems: 4,
    description: "Call results that are tried again (default no_answer, busy); `machine` needs `amd`.",
  }),
  max_attempts: t.Integer({
    minimum: 1,
    maximum: 10,
    description: "Attempts in all, the first included (default 1).",
  }),
  after_minutes: t.Number({ minimum: 0, maximum: 10080, description: "Delay before a retry (default 60)." }),
};

const amdFields = {
  enabled: t.Boolean(),
  on_machine: t.UnionEnum(["hangup", "leave_message"]),
  message: t.Optional(t.String({ minLength: 1, maxLength: 2000 })),
  timeout_ms: t.Optional(t.Integer({ minimum: 1000, maximum: 10000 })),
};

export const createCampaignBody = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 200 }),
    agent_id: t.String({ maxLength: 100 }),
    from_number: t.Optional(
      t.String({ maxLength: 20, description: "One of your numbers; default as for outbound calls." }),
    ),
    objective: t.Optional(t.String({ maxLength: 4000 })),
    schedule: t.Optional(t.Partial(t.Object(scheduleFields, { additionalProperties: false }))),
    retry: t.Optional(t.Partial(t.Object(retryFields, { additionalProperties: false }))),
    amd: t.Optional(
      t.Object(amdFields, {
        additionalProperties: false,
        description: "Answering-machine detection on each call, as on POST /calls/outbound.",
      }),
    ),
    outcome_field: t.Optional(
      t.String({
        minLength: 1,
        maxLength: 100,
        description:
          "A field of the agent's post-call analysis `data`; its value becomes the lead's `outcome`.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCampaignInput = typeof createCampaignBody.static;

const stateCounts = t.Record(t.String(), t.Integer(), {
  description: "Leads by state: pending, calling, retrying, completed, canceled.",
});

export const campaignCountsSchema = t.Object({
  total: t.Integer(),
  by_state: stateCounts,
  by_outcome: t.Record(t.String(), t.Integer(), { description: "Completed leads by `outcome`." }),
});

export const campaignSchema = t.Object({
  id: t.String(),
  name: t.String(),
  agent_id: t.String(),
  from_number: t.Nullable(t.String()),
  objective: t.Nullable(t.String()),
  schedule: t.Object(scheduleFields),
  retry: t.Object(retryFields),
  amd: t.Nullable(t.Object(amdFields)),
  outcome_field: t.Nullable(t.String()),
  status: t.UnionEnum([...CAMPAIGN_STATUSES]),
  paused_reason: t.Nullable(
    t.String({
      description: "`requested`, `insufficient_credits`, or the code of the refusal that stopped dialling.",
    }),
  ),
  started_at: t.Nullable(t.String({ format: "date-time" })),
  completed_at: t.Nullable(t.String({ format: "date-time" })),
  created_at: t.String({ format: "date-time" }),
  counts: t.Optional(campaignCountsSchema),
});

export const campaignPageSchema = t.Object({
  data: t.Array(campaignSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

export const leadSchema = t.Object({
  id: t.String(),
  campaign_id: t.String(),
  phone_number: t.String(),
  variables: t.Record(t.String(), t.String()),
  time_zone: t.Nullable(t.String()),
  state: t.UnionEnum([...LEAD_STATES]),
  outcome: t.Nullable(t.String()),
  attempts: t.Integer(),
  next_attempt_at: t.Nullable(t.String({ format: "date-time" })),
  last_call_id: t.Nullable(t.String()),
  call_ids: t.Array(t.String()),
  completed_at: t.Nullable(t.String({ format: "date-time" })),
  created_at: t.String({ format: "date-time" }),
});

export const leadPageSchema = t.Object({
  data: t.Array(leadSchema),
  has_more: t.Boolean(),
  next_cursor: t.Nullable(t.String()),
});

const leadInput = t.Object(
  {
    phone_number: t.String({ maxLength: 40 }),
    time_zone: t.Optional(t.String({ maxLength: 64 })),
  },
  {
    additionalProperties: t.Union([t.String({ maxLength: 2000 }), t.Number(), t.Boolean()]),
    description: "Any other field is a `{{variable}}` for the agent's prompt and greeting.",
  },
);

export const addLeadsBody = t.Object(
  {
    leads: t.Optional(t.Array(leadInput, { maxItems: 10000 })),
    csv: t.Optional(
      t.String({
        maxLength: 5_000_000,
        description:
          "CSV text with a header row: `phone_number`, optional `time_zone`, any other column a `{{variable}}`.",
      }),
    ),
  },
  { additionalProperties: false, description: "Exactly one of `leads` and `csv`." },
);

export const leadsReportSchema = t.Object({
  accepted: t.Integer(),
  rejected: t.Integer(),
  rows: t.Array(
    t.Object({
      row: t.Integer({ description: "1-based: the list's index, or the CSV's data row." }),
      phone_number: t.String(),
      status: t.UnionEnum(["accepted", "rejected"]),
      lead_id: t.Nullable(t.String()),
      code: t.Nullable(
        t.String({
          description: "`invalid_phone_number`, `invalid_time_zone`, `duplicate` or `do_not_call`.",
        }),
      ),
      message: t.Nullable(t.String()),
    }),
  ),
});

export const listLeadsQuery = t.Object({
  ...paginationQuery,
  // A string, not an enum: Elysia would fill an omitted enum with its first member.
  state: t.Optional(t.String({ maxLength: 20, description: `One of ${LEAD_STATES.join(", ")}.` })),
  outcome: t.Optional(t.String({ maxLength: 100 })),
});

export const campaignParams = t.Object({ campaign_id: t.String({ maxLength: 100 }) });
export const campaignListQuery = t.Object(paginationQuery);

export type CampaignResponse = typeof campaignSchema.static;
export type CampaignCounts = typeof campaignCountsSchema.static;
export type LeadResponse = typeof leadSchema.static;
export type LeadsReport = typeof leadsReportSchema.static;
export type AddLeadsInput = typeof addLeadsBody.static;
