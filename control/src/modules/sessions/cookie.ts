// The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
// subrequests or POSTs), Secure except on plain-http localhost where browsers would drop it.
export const SESSION_COOKIE = "sb_session";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function secureFor(request: Request): boolean {
  const url = new URL(request.url);
  return !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

export function sessionCookie(request: Request, token: string, maxAgeS: number): string {
  return new Bun.Cookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureFor(request),
    maxAge: maxAgeS,
  }).serialize();
}

export function clearedSessionCookie(request: Request): string {
  return sessionCookie(request, "", 0);
}

export function sessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  return new Bun.CookieMap(header).get(SESSION_COOKIE) || null;
}
