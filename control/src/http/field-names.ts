// Compatibility routes take other platforms' field names and call the canonical services, whose
// errors name the canonical fields. This renames them back, so a 422 names what the client sent.
import { ApiError, type FieldProblem } from "@switchboard/shared/errors";

/** `names` maps a canonical field path (and everything below it) to the caller's name for it. */
export type FieldNames = Readonly<Record<string, string>>;

function renameField(field: string, names: FieldNames): string {
  for (const [canonical, alias] of Object.entries(names)) {
    if (field === canonical) return alias;
    if (field.startsWith(`${canonical}.`)) return alias + field.slice(canonical.length);
  }
  return field;
}

function renameInText(text: string, names: FieldNames): string {
  let renamed = text;
  for (const [canonical, alias] of Object.entries(names)) {
    const escaped = canonical.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    renamed = renamed.replace(new RegExp(`(?<![\\w.])${escaped}(?![\\w])`, "g"), alias);
  }
  return renamed;
}

/** Runs `work`; an ApiError it throws comes out with the caller's field names. */
export async function withFieldNames<T>(names: FieldNames, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const errors = error.errors?.map(
      (problem): FieldProblem => ({ field: renameField(problem.field, names), message: problem.message }),
    );
    throw new ApiError(error.status, error.code, renameInText(error.detail, names), errors, error.headers);
  }
}
