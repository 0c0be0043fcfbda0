import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe("POST /api/v1/api-keys", () => {
  test("creates a key whose secret is shown once and works at once", async () => {
    const created = await h.json<Record<string, string>>("POST", "/api/v1/api-keys", {
      body: { name: "CRM", role: "admin" },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sk_live_[A-Za-z0-9]{40}$/);
    expect(created.body.prefix).toBe(created.body.key!.slice(0, 12));
    expect(created.body.role).toBe("admin");
    const list = await h.json<{ data: Record<string, unknown>[] }>("GET", "/api/v1/api-keys", {
      key: created.body.key!,
    });
    expect(list.status).toBe(200);
    const listed = list.body.data.find((k) => k.id === created.body.id)!;
    expect(listed.name).toBe("CRM");
    expect(listed).not.toHaveProperty("key");
    expect(JSON.stringify(list.body)).not.toContain(created.body.key!);
  });

  test("defaults to member and validates the body", async () => {
    const created = await h.json<Record<string, string>>("POST", "/api/v1/api-keys", { body: { name: "m" } });
    expect(created.body.role).toBe("member");
    const bad = await h.json<Record<string, unknown>>("POST", "/api/v1/api-keys", {
      body: { name: "", role: "superuser" },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.code).toBe("validation_failed");
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toContain("name");
  });

  test("rejects an expiry in the past", async () => {
    const bad = await h.json<Record<string, unknown>>("POST", "/api/v1/api-keys", {
      body: { name: "old", expires_at: "2001-01-01T00:00:00Z" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "expires_at", message: "must be in the future" }]);
  });

  test("a member key may not manage keys; an admin may not mint owners", async () => {
    const member = await h.newKey("member");
    expect((await h.request("GET", "/api/v1/api-keys", { key: member })).status).toBe(403);
    const forbidden = await h.json<Record<string, unknown>>("POST", "/api/v1/api-keys", {
      key: member,
      body: { name: "x" },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe("forbidden");
    const admin = await h.newKey("admin");
    expect(
      (await h.request("POST", "/api/v1/api-keys", { key: admin, body: { name: "o", role: "owner" } }))
        .status,
    ).toBe(403);
    expect(
      (await h.request("POST", "/api/v1/api-keys", { key: admin, body: { name: "a", role: "admin" } }))
        .status,
    ).toBe(201);
  });
});

describe("authentication", () => {
  test.each([
    ["missing", null],
    ["malformed header", "Token abc"],
    ["malformed key", "Bearer sk_test_abc"],
    ["unknown key", `Bearer sk_live_${"A".repeat(40)}`],
  ])("401 for a %s key", async (_label, authorization) => {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    const response = await h.app.handle(new Request("http://localhost/api/v1/agents", { headers }));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 401, code: "invalid_api_key", title: "Unauthorized" });
  });

  test("an expired key is refused from the millisecond it expires", async () => {
    // The authenticator's clock stands still unless the test moves it.
    let nowMs = Date.now();
    const timed = await createHarness({ now: () => nowMs });
    try {
      const expiresAtMs = nowMs + 60_000;
      const created = await timed.json<Record<string, string>>("POST", "/api/v1/api-keys", {
        body: { name: "short", expires_at: new Date(expiresAtMs).toISOString() },
      });
      expect(created.status).toBe(201);
      const key = created.body.key!;
      expect((await timed.request("GET", "/api/v1/agents", { key })).status).toBe(200);
      nowMs = expiresAtMs - 1;
      expect((await timed.request("GET", "/api/v1/agents", { key })).status).toBe(200);
      nowMs = expiresAtMs;
      const expired = await timed.json<Record<string, string>>("GET", "/api/v1/agents", { key });
      expect(expired.status).toBe(401);
      expect(expired.body.detail).toContain("expired");
    } finally {
      await timed.close();
    }
  });

  test("a revoked key fails on the very next request, though it was cached", async () => {
    const created = await h.json<Record<string, string>>("POST", "/api/v1/api-keys", {
      body: { name: "tmp" },
    });
    const key = created.body.key!;
    expect((await h.request("GET", "/api/v1/agents", { key })).status).toBe(200);
    expect((await h.request("DELETE", `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const after = await h.json<Record<string, string>>("GET", "/api/v1/agents", { key });
    expect(after.status).toBe(401);
    expect(after.body.detail).toContain("revoked");
    const list = await h.json<{ data: Record<string, unknown>[] }>("GET", "/api/v1/api-keys");
    expect(list.body.data.find((k) => k.id === created.body.id)?.revoked_at).toBeString();
  });

  test("another org's key id is a 404 and stays valid", async () => {
    const other = await h.newOrg();
    const theirs = await h.json<Record<string, string>>("POST", "/api/v1/api-keys", {
      key: other.ownerKey,
      body: { name: "theirs" },
    });
    expect((await h.request("DELETE", `/api/v1/api-keys/${theirs.body.id}`)).status).toBe(404);
    expect((await h.request("GET", "/api/v1/agents", { key: theirs.body.key! })).status).toBe(200);
  });
});

describe("revocation across instances on Redis", () => {
  test("a key revoked through one instance fails at once on another", async () => {
    const prefix = `sbtest:${crypto.randomUUID()}:`;
    const busA = await testRedisBus(prefix);
    const busB = await testRedisBus(prefix);
    const a = await createHarness({ bus: busA });
    const b = await createHarness({ bus: busB });
    try {
      const created = await a.json<Record<string, string>>("POST", "/api/v1/api-keys", {
        body: { name: "shared" },
      });
      const key = created.body.key!;
      // Both instances have the key cached.
      expect((await a.request("GET", "/api/v1/agents", { key })).status).toBe(200);
      expect((await b.request("GET", "/api/v1/agents", { key })).status).toBe(200);
      expect((await a.request("DELETE", `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
      expect((await b.request("GET", "/api/v1/agents", { key })).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
      await busA.close();
      await busB.close();
    }
  });
});
