import { ApiError, type FieldProblem, problemResponse } from "@switchboard/shared/errors";
import type { Logger } from "@switchboard/shared/logger";
import { Elysia, type ValidationError } from "elysia";

interface ValueErrorLike {
  path?: string;
  message?: string;
  summary?: string;
}

function fieldProblems(error: ValidationError): FieldProblem[] {
  const all = (error.all ?? []) as ValueErrorLike[];
  const problems = all.map((item) => ({
    field: (item.path ?? "").replace(/^\//, "").replaceAll("/", ".") || error.type,
    message: item.summary ?? item.message ?? "is invalid",
  }));
  return problems.length > 0 ? problems : [{ field: error.type, message: error.message }];
}

/** Every error leaves as RFC 9457 problem+json with a stable `code`. */
export function errorHandler(log: Logger) {
  return new Elysia({ name: "problem-details" }).onError({ as: "global" }, ({ code, error }) => {
    if (error instanceof ApiError) return problemResponse(error);
    switch (code) {
      case "VALIDATION": {
        const validation = error as ValidationError;
        const where = validation.type === "body" ? "request body" : `${validation.type} parameters`;
        return problemResponse(
          new ApiError(
            422,
            "validation_failed",
            `The ${where} failed validation.`,
            fieldProblems(validation),
          ),
        );
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
