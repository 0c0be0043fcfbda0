import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/**
 * The operator's ADMIN_API_KEY, held in memory only (never in storage or a cookie): a reload
 * forgets it. Sent as a Bearer token to /api/v1/admin, which checks it before anything else.
 */
let adminKey = "";
export const setAdminKey = (key: string) => {
  adminKey = key;
};
export const hasAdminKey = () => adminKey !== "";

const bearer: Middleware = {
  onRequest({ request }) {
    request.headers.set("authorization", `Bearer ${adminKey}`);
    return request;
  },
};

/** Same origin, without the session cookie: the admin key alone speaks for the operator. */
export const operatorApi = createClient<paths>({ baseUrl: "", credentials: "omit" });
operatorApi.use(bearer);
