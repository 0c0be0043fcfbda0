// The one analysis request: the transcript to the model with structured output
// (`response_format: json_schema`), answered as {summary, success, data}.

import type { AnalysisSettings } from "@switchboard/shared/schemas/analysis";
import type { TranscriptTurn } from "@switchboard/shared/schemas/call";
import OpenAI from "openai";
import type { ModelEndpoint } from "./model-endpoint.ts";

export interface AnalysisAnswer {
  summary: string | null;
  success: { value: boolean; reason: string } | null;
  data: Record<string, unknown> | null;
}

/** The model answered, but not as asked (not JSON, or not the shape): worth one more try. */
export class AnalysisAnswerError extends Error {}

const REQUEST_TIMEOUT_MS = 60_000;

function responseSchema(settings: AnalysisSettings): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    summary: settings.summary
      ? { type: "string", description: "Two to four sentences on what happened in the call." }
      : { type: "null" },
    success: settings.success_criteria
      ? {
          type: "object",
          properties: { value: { type: "boolean" }, reason: { type: "string" } },
          required: ["value", "reason"],
          additionalProperties: false,
        }
      : { type: "null" },
    data: settings.schema ?? { type: "null" },
  };
  return {
    type: "object",
    properties,
    required: ["summary", "success", "data"],
    additionalProperties: false,
  };
}

function transcriptText(transcript: TranscriptTurn[]): string {
  if (transcript.length === 0) return "(no one spoke)";
  return transcript.map((turn) => `${turn.role === "agent" ? "Agent" : "Caller"}: ${turn.text}`).join("\n");
}

function instructions(settings: AnalysisSettings): string {
  const lines = ["You analyse a finished phone call between an AI agent and a person. Answer in JSON only."];
  lines.push(settings.summary ? "summary: a short summary of the call." : "summary: null.");
  lines.push(
    settings.success_criteria
      ? `success: whether the call met this goal, with the reason: ${settings.success_criteria}`
      : "success: null.",
  );
  lines.push(settings.schema ? "data: the facts the schema asks for, from the call only." : "data: null.");
  return lines.join("\n");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The model's JSON, checked for the fields' own shape (the data schema is checked by the caller). */
export function parseAnswer(content: string | null | undefined): AnalysisAnswer {
  let value: unknown;
  try {
    value = JSON.parse(content ?? "");
  } catch {
    throw new AnalysisAnswerError("the model's answer is not JSON");
  }
  if (!isRecord(value)) throw new AnalysisAnswerError("the model's answer is not a JSON object");
  const { summary, success, data } = value;
  if (summary !== null && summary !== undefined && typeof summary !== "string")
    throw new AnalysisAnswerError("summary is not a string");
  if (
    success !== null &&
    success !== undefined &&
    !(isRecord(success) && typeof success.value === "boolean" && typeof success.reason === "string")
  )
    throw new AnalysisAnswerError("success is not {value: boolean, reason: string}");
  if (data !== null && data !== undefined && !isRecord(data))
    throw new AnalysisAnswerError("data is not an object");
  return {
    summary: (summary as string | undefined) ?? null,
    success: success ? { value: success.value as boolean, reason: success.reason as string } : null,
    data: (data as Record<string, unknown> | undefined) ?? null,
  };
}

export async function requestAnalysis(
  endpoint: ModelEndpoint,
  settings: AnalysisSettings,
  transcript: TranscriptTurn[],
): Promise<AnalysisAnswer> {
  const client = new OpenAI({
    baseURL: endpoint.baseUrl,
    // Endpoints without a key (a local model) still get a header the SDK insists on.
    apiKey: endpoint.apiKey ?? "none",
    timeout: REQUEST_TIMEOUT_MS,
    maxRetries: 0,
    ...(endpoint.fetch ? { fetch: endpoint.fetch } : {}),
  });
  const completion = await client.chat.completions.create({
    model: endpoint.model,
    temperature: 0,
    messages: [
      { role: "system", content: instructions(settings) },
      { role: "user", content: `Transcript:\n${transcriptText(transcript)}` },
    ],
    response_format: {
      type: "json_schema",
      // Strict mode takes only schemas of its own subset; a tenant's schema may not be one, and
      // the data is checked against it with Ajv anyway.
      json_schema: { name: "call_analysis", strict: !settings.schema, schema: responseSchema(settings) },
    },
  });
  return parseAnswer(completion.choices[0]?.message?.content);
}
