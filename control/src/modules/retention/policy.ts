// An org's retention: how many days after a call ends its recording and its transcript (with
// the analysis made from it) are kept. Null keeps them forever; 0 removes them on the next run.
import { t } from "elysia";

/** Ten years: a bound, not a recommendation. */
const MAX_RETENTION_DAYS = 3650;

const days = (what: string) =>
  t.Nullable(
    t.Integer({
      minimum: 0,
      maximum: MAX_RETENTION_DAYS,
      description: `Days ${what} is kept after the call ends; null keeps it, 0 removes it on the next daily run.`,
    }),
  );

export const retentionSchema = t.Object(
  { recordings_days: days("the recording"), transcripts_days: days("the transcript and analysis") },
  { description: "How long call content is kept. The call itself stays as the billing record." },
);

export const retentionBody = t.Object(
  {
    recordings_days: t.Optional(days("the recording")),
    transcripts_days: t.Optional(days("the transcript and analysis")),
  },
  {
    additionalProperties: false,
    description: "A missing field is left as it is; null keeps content forever.",
  },
);

export interface RetentionPolicy {
  recordings_days: number | null;
  transcripts_days: number | null;
}

export function retentionOf(stored: Partial<RetentionPolicy> | null | undefined): RetentionPolicy {
  return {
    recordings_days: stored?.recordings_days ?? null,
    transcripts_days: stored?.transcripts_days ?? null,
  };
}
