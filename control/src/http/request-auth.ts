import { ApiError } from "@switchboard/shared/errors";
import type { AuthContext } from "./auth.ts";

// The pipeline authenticates each /api/v1 request before routing; handlers read the result
// here. A WeakMap keyed by the Request keeps it out of headers and lets it go with the request.
const contexts = new WeakMap<Request, AuthContext>();

export function setRequestAuth(request: Request, auth: AuthContext): void {
  contexts.set(request, auth);
}

export function requestAuth(request: Request): AuthContext {
  const auth = contexts.get(request);
  if (!auth) throw new ApiError(401, "invalid_api_key", "Missing API key.");
  return auth;
}
