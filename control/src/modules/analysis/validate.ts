// The extracted data checked against the agent's JSON Schema with Ajv (draft 2020-12).
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

export function compileDataSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, validate);
  }
  return validate;
}

/** Null when `data` matches; otherwise Ajv's errors in one line. */
export function dataErrors(schema: Record<string, unknown>, data: unknown): string | null {
  const validate = compileDataSchema(schema);
  if (validate(data)) return null;
  return ajv.errorsText(validate.errors, { dataVar: "data" });
}
