// People and sessions through the HTTP pipeline: set-up and invitation links, the session
// cookie and its CSRF token on /api/v1, roles, sign-in lockout and password reset.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { ownerSetupLink } from "./service.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 30_000);
afterAll(async () => {
  await h.close();
});

const unique = () => `${crypto.randomUUID().slice(0, 8)}@example.test`;
const tokenOf = (url: string) => url.split("/#/accept/")[1]!;

interface Session {
  cookie: string;
  csrf: string;
  setCookie: string;
  body: { user: { id: string; email: string; role: string }; org_id: string; csrf_token: string };
}

async function asSession(response: Response): Promise<Session> {
  const body = (await response.json()) as Session["body"];
  expect(response.status).toBe(200);
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { cookie: setCookie.split(";")[0]!, csrf: body.csrf_token, setCookie, body };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  h.request("POST", path, { key: null, body, headers });

async function ownerSession(): Promise<Session & { email: string; password: string }> {
  const { token } = await ownerSetupLink(h.ctx.db, h.orgId);
  const email = unique();
  const password = "correct horse battery";
  return { ...(await asSession(await post("/auth/accept", { token, password, email }))), email, password };
}

describe("links and sessions", () => {
  test("the set-up link makes an owner, signs them in with an HttpOnly SameSite=Lax cookie, and is spent", async () => {
    const { token } = await ownerSetupLink(h.ctx.db, h.orgId);
    const email = unique();
    const session = await asSession(await post("/auth/accept", { token, password: "0123456789", email }));
    expect(session.body.user).toMatchObject({ email, role: "owner" });
    expect(session.body.org_id).toBe(h.orgId);
    expect(session.setCookie).toMatch(/^sb_session=sbs_\w+;/);
    expect(session.setCookie).toContain("HttpOnly");
    expect(session.setCookie).toContain("SameSite=Lax");
    // plain http on localhost: a Secure cookie would be dropped by the browser
    expect(session.setCookie).not.toContain("Secure");
    const again = await post("/auth/accept", { token, password: "0123456789", email: unique() });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { code: string }).code).toBe("invalid_link");
  });

  test("the cookie is Secure on https", async () => {
    const { token } = await ownerSetupLink(h.ctx.db, h.orgId);
    const response = await h.app.handle(
      new Request("https://switchboard.example/auth/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, password: "0123456789", email: unique() }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toContain("Secure");
  });

  test("a short password is a 422 naming it, and the link stays usable", async () => {
    const { token } = await ownerSetupLink(h.ctx.db, h.orgId);
    const short = await post("/auth/accept", { token, password: "short", email: unique() });
    expect(short.status).toBe(422);
    expect(((await short.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe("password");
    expect((await post("/auth/accept", { token, password: "long enough now", email: unique() })).status).toBe(
      200,
    );
  });

  test("the REST API takes the session cookie; changes need its CSRF token; GET /auth/session tells who", async () => {
    const owner = await ownerSession();
    const list = await h.request("GET", "/api/v1/agents", { key: null, headers: { cookie: owner.cookie } });
    expect(list.status).toBe(200);
    const who = await h.json("GET", "/auth/session", { key: null, headers: { cookie: owner.cookie } });
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ user: { email: owner.email }, csrf_token: owner.csrf });

    const body = { name: "From the dashboard" };
    const withoutToken = await h.json("POST", "/api/v1/agents", {
      key: null,
      body,
      headers: { cookie: owner.cookie },
    });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.code).toBe("csrf_failed");
    const wrongToken = await h.json("POST", "/api/v1/agents", {
      key: null,
      body,
      headers: { cookie: owner.cookie, "x-csrf-token": "x".repeat(43) },
    });
    expect(wrongToken.status).toBe(403);
    const created = await h.json("POST", "/api/v1/agents", {
      key: null,
      body,
      headers: { cookie: owner.cookie, "x-csrf-token": owner.csrf },
    });
    expect(created.status).toBe(201);
  });

  test("API keys work unchanged, with or without a cookie beside them", async () => {
    expect((await h.request("POST", "/api/v1/agents", { body: { name: "by key" } })).status).toBe(201);
    const withCookie = await h.request("POST", "/api/v1/agents", {
      body: { name: "by key" },
      headers: { cookie: "sb_session=sbs_unknown" },
    });
    expect(withCookie.status).toBe(201);
  });

  test("an unknown or signed-out session is a 401", async () => {
    const owner = await ownerSession();
    const out = await h.request("POST", "/auth/sign-out", {
      key: null,
      headers: { cookie: owner.cookie, "x-csrf-token": owner.csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await h.json("GET", "/api/v1/agents", { key: null, headers: { cookie: owner.cookie } });
    expect(after.status).toBe(401);
    expect(
      (await h.json("GET", "/auth/session", { key: null, headers: { cookie: owner.cookie } })).status,
    ).toBe(401);
  });
});

describe("members and roles", () => {
  test("an invited member signs in with their own password and cannot see API keys", async () => {
    const owner = await ownerSession();
    const email = unique();
    const invitation = await h.json<{ url: string; email: string; role: string }>(
      "POST",
      "/api/v1/invitations",
      {
        key: null,
        body: { email, role: "member" },
        headers: { cookie: owner.cookie, "x-csrf-token": owner.csrf },
      },
    );
    expect(invitation.status).toBe(201);
    expect(invitation.body).toMatchObject({ email, role: "member" });
    expect(invitation.body.url).toStartWith("http://localhost/#/accept/sbl_");
    // An invitation is for its address: the email sent with it is ignored.
    await asSession(
      await post("/auth/accept", {
        token: tokenOf(invitation.body.url),
        password: "member password",
        email: unique(),
      }),
    );
    const member = await asSession(await post("/auth/sign-in", { email, password: "member password" }));
    expect(member.body.user).toMatchObject({ email, role: "member" });
    const keys = await h.json("GET", "/api/v1/api-keys", { key: null, headers: { cookie: member.cookie } });
    expect(keys.status).toBe(403);
    const people = await h.json<{ data: Array<{ email: string; role: string }> }>("GET", "/api/v1/users", {
      key: null,
      headers: { cookie: member.cookie },
    });
    expect(people.status).toBe(200);
    expect(people.body.data).toContainEqual(expect.objectContaining({ email, role: "member" }));
    expect(people.body.data).toContainEqual(expect.objectContaining({ email: owner.email, role: "owner" }));
    const inviteByMember = await h.json("POST", "/api/v1/invitations", {
      key: null,
      body: { email: unique() },
      headers: { cookie: member.cookie, "x-csrf-token": member.csrf },
    });
    expect(inviteByMember.status).toBe(403);
  });

  test("an admin key cannot invite an owner; an address already taken is a 409", async () => {
    const adminKey = await h.newKey("admin");
    const owner = await h.json("POST", "/api/v1/invitations", {
      key: adminKey,
      body: { email: unique(), role: "owner" },
    });
    expect(owner.status).toBe(403);
    const taken = await ownerSession();
    const again = await h.json("POST", "/api/v1/invitations", { body: { email: taken.email.toUpperCase() } });
    expect(again.status).toBe(409);
  });

  test("users of another org are not listed", async () => {
    const other = await h.newOrg();
    const list = await h.json<{ data: unknown[] }>("GET", "/api/v1/users", { key: other.ownerKey });
    expect(list.body.data).toEqual([]);
  });
});

describe("changing roles and removing people", () => {
  async function member() {
    const owner = await ownerSession();
    const email = unique();
    const invitation = await h.json<{ url: string }>("POST", "/api/v1/invitations", { body: { email } });
    const session = await asSession(
      await post("/auth/accept", { token: tokenOf(invitation.body.url), password: "member password" }),
    );
    return { owner, session, id: session.body.user.id };
  }

  test("a member made admin can manage API keys from the next request on", async () => {
    const { session, id } = await member();
    // Invited without a role: a member.
    expect(session.body.user.role).toBe("member");
    const cookie = { cookie: session.cookie };
    expect((await h.request("GET", "/api/v1/api-keys", { key: null, headers: cookie })).status).toBe(403);
    const changed = await h.json("PATCH", `/api/v1/users/${id}`, { body: { role: "admin" } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, role: "admin" });
    expect((await h.request("GET", "/api/v1/api-keys", { key: null, headers: cookie })).status).toBe(200);
  });

  test("an admin cannot make an owner or change an owner; the only owner stays owner", async () => {
    const { owner, id } = await member();
    const adminKey = await h.newKey("admin");
    expect(
      (await h.json("PATCH", `/api/v1/users/${id}`, { key: adminKey, body: { role: "owner" } })).status,
    ).toBe(403);
    const ownerId = owner.body.user.id;
    expect(
      (await h.json("PATCH", `/api/v1/users/${ownerId}`, { key: adminKey, body: { role: "member" } })).status,
    ).toBe(403);
    const other = await h.newOrg();
    const { token } = await ownerSetupLink(h.ctx.db, other.orgId);
    const only = await asSession(
      await post("/auth/accept", { token, password: "0123456789", email: unique() }),
    );
    const demote = await h.json("PATCH", `/api/v1/users/${only.body.user.id}`, {
      key: other.ownerKey,
      body: { role: "admin" },
    });
    expect(demote.status).toBe(409);
    const remove = await h.json("DELETE", `/api/v1/users/${only.body.user.id}`, { key: other.ownerKey });
    expect(remove.status).toBe(409);
  });

  test("a removed user's session ends at once and they cannot sign in", async () => {
    const { session, id } = await member();
    const removed = await h.request("DELETE", `/api/v1/users/${id}`, {});
    expect(removed.status).toBe(204);
    const after = await h.request("GET", "/api/v1/agents", {
      key: null,
      headers: { cookie: session.cookie },
    });
    expect(after.status).toBe(401);
    expect(
      (await post("/auth/sign-in", { email: session.body.user.email, password: "member password" })).status,
    ).toBe(401);
    expect((await h.request("DELETE", `/api/v1/users/${id}`, {})).status).toBe(404);
  });
});

describe("sign-in lockout and password reset", () => {
  test("five wrong passwords lock the account even for the right one; a reset link lifts it and ends old sessions", async () => {
    const owner = await ownerSession();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await h.json("POST", "/auth/sign-in", {
        key: null,
        body: { email: owner.email, password: "wrong password" },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe("invalid_credentials");
    }
    const fifth = await post("/auth/sign-in", { email: owner.email, password: "wrong password" });
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get("retry-after"))).toBeGreaterThan(60);
    const right = await h.json("POST", "/auth/sign-in", {
      key: null,
      body: { email: owner.email, password: owner.password },
    });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe("sign_in_locked");

    const reset = await h.json<{ url: string }>(
      "POST",
      `/api/v1/users/${owner.body.user.id}/password-reset`,
      {},
    );
    expect(reset.status).toBe(201);
    await asSession(
      await post("/auth/accept", { token: tokenOf(reset.body.url), password: "a brand new password" }),
    );
    const old = await h.request("GET", "/api/v1/agents", { key: null, headers: { cookie: owner.cookie } });
    expect(old.status).toBe(401);
    expect((await post("/auth/sign-in", { email: owner.email, password: owner.password })).status).toBe(401);
    await asSession(await post("/auth/sign-in", { email: owner.email, password: "a brand new password" }));
  });

  test("an unknown address and a wrong password get the same answer", async () => {
    const unknown = await h.json("POST", "/auth/sign-in", {
      key: null,
      body: { email: unique(), password: "whatever123" },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe("invalid_credentials");
  });

  test("more than ten attempts a minute for one address are refused before the password is checked", async () => {
    const email = unique();
    const statuses: number[] = [];
    // The window is fixed per minute: 21 attempts span at most two windows, so one of them takes
    // its eleventh attempt, however the minute boundary falls.
    while (statuses.length < 21 && !statuses.includes(429))
      statuses.push((await post("/auth/sign-in", { email, password: "whatever123" })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
  });

  test("a reset link for another org's user is a 404", async () => {
    const other = await h.newOrg();
    const owner = await ownerSession();
    const reset = await h.json("POST", `/api/v1/users/${owner.body.user.id}/password-reset`, {
      key: other.ownerKey,
    });
    expect(reset.status).toBe(404);
  });
});
