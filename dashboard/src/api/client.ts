import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** The session's synchronizer token, sent with every change (docs/DASHBOARD.md). */
let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
};

/** Same origin only: the session cookie goes with every call, and nothing goes to another host. */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(csrf);

export interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** The problem's own words, for an error state. */
export function problemText(error: unknown): string {
  const problem = error as Problem | undefined;
  return problem?.detail ?? "Something went wrong. Try again.";
}
