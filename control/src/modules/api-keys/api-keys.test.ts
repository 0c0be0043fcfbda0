import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type ApiClient, createApiClient, harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";

let h: Harness;
let api: ApiClient;
beforeAll(async () => {
  h = await createHarness();
  api = harnessClient(h);
});
afterAll(async () => {
  await h.close();
});

const byId = (id: string) => ({ params: { path: { id } } });

describe("POST /api/v1/api-keys", () => {
  test("creates a key whose secret is shown once and works at once", async () => {
    const created = await api.POST("/api/v1/api-keys", { body: { name: "CRM", role: "admin" } });
    expect(created.response.status).toBe(201);
    expect(created.data!.key).toMatch(/^sk_live_[A-Za-z0-9]{40}$/);
    expect(created.data!.prefix).toBe(created.data!.key.slice(0, 12));
    expect(created.data!.role).toBe("admin");
    const list = await harnessClient(h, created.data!.key).GET("/api/v1/api-keys");
    expect(list.response.status).toBe(200);
    const listed = list.data!.data.find((k) => k.id === created.data!.id)!;
    expect(listed.name).toBe("CRM");
    expect(listed).not.toHaveProperty("key");
    expect(JSON.stringify(list.data!)).not.toContain(created.data!.key);
  });

  test("defaults to member and validates the body", async () => {
    const created = await api.POST("/api/v1/api-keys", { body: { name: "m" } });
    expect(created.data!.role).toBe("member");
    // Deliberately off the documented body: the cast is the point of the test.
    const bad = await api.POST("/api/v1/api-keys", { body: { name: "", role: "superuser" } as never });
    expect(bad.response.status).toBe(422);
    expect(bad.response.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.error!.code).toBe("validation_failed");
    expect(bad.error!.errors!.map((e) => e.field)).toContain("name");
  });

  test("rejects an expiry in the past", async () => {
    const bad = await api.POST("/api/v1/api-keys", {
      body: { name: "old", expires_at: "2001-01-01T00:00:00Z" },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error!.errors).toEqual([{ field: "expires_at", message: "must be in the future" }]);
  });

  test("a member key may not manage keys; an admin may not mint owners", async () => {
    const member = harnessClient(h, await h.newKey("member"));
    expect((await member.GET("/api/v1/api-keys")).response.status).toBe(403);
    const forbidden = await member.POST("/api/v1/api-keys", { body: { name: "x" } });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error!.code).toBe("forbidden");
    const admin = harnessClient(h, await h.newKey("admin"));
    expect(
      (await admin.POST("/api/v1/api-keys", { body: { name: "o", role: "owner" } })).response.status,
    ).toBe(403);
    expect(
      (await admin.POST("/api/v1/api-keys", { body: { name: "a", role: "admin" } })).response.status,
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
    const anonymous = createApiClient({ app: h.app, apiKey: null });
    const refused = await anonymous.GET("/api/v1/agents", {
      headers: authorization ? { authorization } : {},
    });
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.response.headers.get("www-authenticate")).toContain("Bearer");
    expect(refused.error).toMatchObject({ status: 401, code: "invalid_api_key", title: "Unauthorized" });
  });

  test("an expired key is refused from the millisecond it expires", async () => {
    // The authenticator's clock stands still unless the test moves it.
    let nowMs = Date.now();
    const timed = await createHarness({ now: () => nowMs });
    try {
      const expiresAtMs = nowMs + 60_000;
      const created = await harnessClient(timed).POST("/api/v1/api-keys", {
        body: { name: "short", expires_at: new Date(expiresAtMs).toISOString() },
      });
      expect(created.response.status).toBe(201);
      const withKey = harnessClient(timed, created.data!.key);
      expect((await withKey.GET("/api/v1/agents")).response.status).toBe(200);
      nowMs = expiresAtMs - 1;
      expect((await withKey.GET("/api/v1/agents")).response.status).toBe(200);
      nowMs = expiresAtMs;
      const expired = await withKey.GET("/api/v1/agents");
      expect(expired.response.status).toBe(401);
      expect(expired.error!.detail).toContain("expired");
    } finally {
      await timed.close();
    }
  });

  test("a revoked key fails on the very next request, though it was cached", async () => {
    const created = (await api.POST("/api/v1/api-keys", { body: { name: "tmp" } })).data!;
    const withKey = harnessClient(h, created.key);
    expect((await withKey.GET("/api/v1/agents")).response.status).toBe(200);
    expect((await api.DELETE("/api/v1/api-keys/{id}", byId(created.id))).response.status).toBe(204);
    const after = await withKey.GET("/api/v1/agents");
    expect(after.response.status).toBe(401);
    expect(after.error!.detail).toContain("revoked");
    const list = await api.GET("/api/v1/api-keys");
    expect(list.data!.data.find((k) => k.id === created.id)?.revoked_at).toBeString();
  });

  test("another org's key id is a 404 and stays valid", async () => {
    const other = await h.newOrg();
    const theirs = (
      await harnessClient(h, other.ownerKey).POST("/api/v1/api-keys", { body: { name: "theirs" } })
    ).data!;
    expect((await api.DELETE("/api/v1/api-keys/{id}", byId(theirs.id))).response.status).toBe(404);
    expect((await harnessClient(h, theirs.key).GET("/api/v1/agents")).response.status).toBe(200);
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
      const created = (await harnessClient(a).POST("/api/v1/api-keys", { body: { name: "shared" } })).data!;
      const onA = harnessClient(a, created.key);
      const onB = harnessClient(b, created.key);
      // Both instances have the key cached.
      expect((await onA.GET("/api/v1/agents")).response.status).toBe(200);
      expect((await onB.GET("/api/v1/agents")).response.status).toBe(200);
      expect((await harnessClient(a).DELETE("/api/v1/api-keys/{id}", byId(created.id))).response.status).toBe(
        204,
      );
      expect((await onB.GET("/api/v1/agents")).response.status).toBe(401);
    } finally {
      await a.close();
      await b.close();
      await busA.close();
      await busB.close();
    }
  });
});
