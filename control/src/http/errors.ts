import { ApiError, type FieldProblem, problemResponse } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import { Elysia, type ValidationError } from "elysia";

interface ValueErrorLike {
  type?: number;
  path?: string;
  message?: string;
  summary?: string;
  value?: unknown;
  schema?: { enum?: unknown[] };
  /** A union's errors, one iterator per variant. */
  errors?: Iterable<ValueErrorLike>[];
}

/**
 * An object sent where an object or null is accepted fails as the union (`realtime`); its
 * object variant's own errors name the fields (`realtime.voice`), so those are reported.
 */
function withinObjectUnion(item: ValueErrorLike): ValueErrorLike[] {
  if (!item.errors || typeof item.value !== "object" || item.value === null) return [item];
  for (const variant of item.errors) {
    const inner = [...variant];
    if (inner.length > 0 && inner.every((error) => error.path !== item.path)) {
      return inner.flatMap(withinObjectUnion);
    }
  }
  return [item];
}

/** TypeBox's ValueErrorType.ObjectAdditionalProperties: a field the object's schema does not name. */
const UNKNOWN_FIELD = 42;

/** `/llm/temprature` as errors name fields elsewhere: `llm.temprature`. */
const fieldOf = (path: string | undefined) => (path ?? "").replace(/^\//, "").replaceAll("/", ".");

/** What a body calls a name it does not have: a field; a query string, a query parameter. */
const unknownName = (error: ValidationError) => (error.type === "body" ? "field" : `${error.type} parameter`);

function messageOf(error: ValidationError, item: ValueErrorLike): string {
  if (item.type === UNKNOWN_FIELD) return `unknown ${unknownName(error)}`;
  // A fixed list of values (schemas/kit.ts StringEnum, Elysia's UnionEnum) says which ones.
  if (Array.isArray(item.schema?.enum)) return `must be one of: ${item.schema.enum.join(", ")}`;
  return item.summary ?? item.message ?? "is invalid";
}

function fieldProblems(error: ValidationError): FieldProblem[] {
  const all = ((error.all ?? []) as ValueErrorLike[]).flatMap(withinObjectUnion);
  const problems = all.map((item) => ({
    field: fieldOf(item.path) || error.type,
    message: messageOf(error, item),
  }));
  return problems.length > 0 ? problems : [{ field: error.type, message: error.message }];
}

/** The 422 of a request that failed its schema; one made only of unknown names lists them. */
function validationProblem(error: ValidationError): ApiError {
  const problems = fieldProblems(error);
  const unknownMessage = `unknown ${unknownName(error)}`;
  const unknown = problems.filter((problem) => problem.message === unknownMessage).map((p) => p.field);
  const where = error.type === "body" ? "request body" : `${error.type} parameters`;
  const detail =
    unknown.length === problems.length
      ? `${unknownMessage}${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`
      : `The ${where} failed validation.`;
  return new ApiError(422, "validation_failed", detail, problems);
}

/** Every error leaves as RFC 9457 problem+json with a stable `code`. */
export function errorHandler(log: Logger) {
  return new Elysia({ name: "problem-details" }).onError({ as: "global" }, ({ code, error }) => {
    if (error instanceof ApiError) return problemResponse(error);
    switch (code) {
      case "VALIDATION": {
        const validation = error as ValidationError;
        if (validation.type === "response") {
          // The server's own answer does not fit its documented schema: a bug, not the caller's.
          log.error(
            { fields: fieldProblems(validation).map((problem) => problem.field) },
            "response failed its schema",
          );
          return problemResponse(new ApiError(500, "internal_error", "An unexpected error occurred."));
        }
        return problemResponse(validationProblem(validation));
      }
      case "PARSE":
        return problemResponse(new ApiError(400, "malformed_body", "The request body is not valid JSON."));
      case "NOT_FOUND":
        return problemResponse(new ApiError(404, "route_not_found", "No such route."));
      case "INVALID_COOKIE_SIGNATURE":
        return problemResponse(new ApiError(400, "bad_request", "Invalid cookie."));
      default: {
        const status = (error as { status?: number }).status;
        if (typeof status === "number" && status >= 400 && status < 500) {
          return problemResponse(
            new ApiError(status, "bad_request", (error as Error).message || "Bad request."),
          );
        }
        log.error({ err: error }, "unhandled error");
        return problemResponse(new ApiError(500, "internal_error", "An unexpected error occurred."));
      }
    }
  });
}
