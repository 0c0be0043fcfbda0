// The agent's `analysis` block: its `schema` must be a JSON Schema Ajv can compile, of an
// object (structured output answers with one JSON object).
import { ApiError } from "@switchboard/shared/errors";
import type { AnalysisSettings } from "@switchboard/shared/schemas/analysis";
import { compileDataSchema } from "./validate.ts";

function invalid(field: string, detail: string): ApiError {
  return new ApiError(422, "validation_failed", detail, [{ field, message: detail }]);
}

/** The block as stored (undefined: unchanged, null: none); a 422 naming analysis.schema when unusable. */
export function checkedAnalysis(
  block: AnalysisSettings | null | undefined,
): AnalysisSettings | null | undefined {
  if (!block?.schema) return block;
  if (block.schema.type !== "object")
    throw invalid("analysis.schema", 'analysis.schema must describe an object ("type": "object").');
  try {
    compileDataSchema(block.schema);
  } catch (error) {
    throw invalid(
      "analysis.schema",
      `analysis.schema is not a valid JSON Schema: ${(error as Error).message}`,
    );
  }
  return block;
}
