// RFC 9457 problem details with a stable machine-readable `code`.

export interface FieldProblem {
  field: string;
  message: string;
}

interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = "ApiError";
  }

  toProblem(): ProblemDetails {
    const problem: ProblemDetails = {
      type: `/docs/errors#${this.code}`,
      title: TITLES[this.status] ?? "Error",
      status: this.status,
      detail: this.detail,
      code: this.code,
    };
    if (this.errors && this.errors.length > 0) problem.errors = this.errors;
    return problem;
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found.`);
export const validationFailed = (errors: FieldProblem[], detail = "The request failed validation.") =>
  new ApiError(422, "validation_failed", detail, errors);
export const forbidden = (detail: string) => new ApiError(403, "forbidden", detail);
export const insufficientCredits = (detail = "The organization does not have enough credits.") =>
  new ApiError(402, "insufficient_credits", detail);

export function problemResponse(error: ApiError, extraHeaders?: Record<string, string>): Response {
  return new Response(JSON.stringify(error.toProblem()), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...error.headers, ...extraHeaders },
  });
}
