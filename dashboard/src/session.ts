import { api, setCsrfToken } from "./api/client.ts";
import type { paths } from "./api/schema";

export type Session = paths["/auth/session"]["get"]["responses"][200]["content"]["application/json"];
export type Role = Session["user"]["role"];

const RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };
export const atLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

/** The signed-in user, or null (401). */
export async function loadSession(): Promise<Session | null> {
  const { data } = await api.GET("/auth/session");
  if (data) setCsrfToken(data.csrf_token);
  return data ?? null;
}

export function started(session: Session): Session {
  setCsrfToken(session.csrf_token);
  return session;
}
