// Post-call analysis: what an agent asks for, and what a call record shows once it ran.
import { type Static, Type } from "@sinclair/typebox";
import { DateTime, JsonObject, Nullable, StringEnum } from "./kit.ts";

export const AnalysisSettingsSchema = Type.Object({
  summary: Type.Boolean({ description: "Write a short summary of the call." }),
  success_criteria: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 5000,
      description: "What makes the call a success; the analysis answers `success` against it.",
    }),
  ),
  schema: Type.Optional(
    JsonObject({
      description: "A JSON Schema (an object schema) the extracted `data` must match; checked with Ajv.",
    }),
  ),
});

export const ANALYSIS_STATUSES = ["pending", "completed", "failed"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const CallAnalysisSchema = Type.Object({
  status: StringEnum(ANALYSIS_STATUSES, {
    description: "`pending` until the one request (with bounded retries) is done; `failed` with `error`.",
  }),
  summary: Nullable(Type.String()),
  success: Nullable(Type.Object({ value: Type.Boolean(), reason: Type.String() })),
  data: Nullable(JsonObject({ description: "Matches the agent's `analysis.schema`." })),
  error: Nullable(Type.String()),
  completed_at: Nullable(DateTime()),
});

export type AnalysisSettings = Static<typeof AnalysisSettingsSchema>;
export type CallAnalysis = Static<typeof CallAnalysisSchema>;
