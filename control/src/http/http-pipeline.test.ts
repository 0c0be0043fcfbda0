import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { createHarness, type Harness, testDatabase, testRedisBus } from "../testing/harness.ts";
import { Idempotency } from "./idempotency.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe("problem details", () => {
  test("unknown routes are 404 problem+json, with or without a key", async () => {
    for (const path of ["/api/v1/nope", "/nope"]) {
      const response = await h.request("GET", path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({
        status: 404,
        code: "route_not_found",
        title: "Not Found",
      });
    }
  });

  test("health and readiness need no key", async () => {
    expect(await (await h.request("GET", "/health", { key: null })).json()).toEqual({ status: "ok" });
    const ready = await h.request("GET", "/ready", { key: null });
    expect(ready.status).toBe(200);
  });

  test("the OpenAPI 3.1 document lists the routes and the Bearer scheme", async () => {
    const doc = (await (await h.request("GET", "/openapi.json", { key: null })).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };
    expect(doc.openapi).toStartWith("3.1");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/agents", "/api/v1/agents/{agent_id}", "/api/v1/api-keys"]),
    );
    expect(doc.paths["/api/v1/agents"]).toHaveProperty("post");
    expect(doc.components.securitySchemes.bearer?.scheme).toBe("bearer");
    const page = await h.request("GET", "/docs", { key: null });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});

describe("rate limit", () => {
  for (const backend of ["memory", "redis"] as const) {
    test(`per key, with RateLimit headers and Retry-After (${backend})`, async () => {
      const bus = backend === "redis" ? await testRedisBus() : undefined;
      const limited = await createHarness({ bus, config: { rateLimitPerMinute: 5 } });
      try {
        const other = await limited.newKey("member");
        const statuses: number[] = [];
        let last: Response | null = null;
        for (let i = 0; i < 7; i++) {
          last = await limited.request("GET", "/api/v1/agents");
          statuses.push(last.status);
        }
        // A window boundary may fall inside the loop; at most one reset can happen.
        expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
        expect(statuses.slice(0, 5)).not.toContain(429);
        const refused = await limited.request("GET", "/api/v1/agents");
        if (refused.status === 429) {
          expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
          expect(refused.headers.get("ratelimit-remaining")).toBe("0");
          expect(refused.headers.get("content-type")).toContain("application/problem+json");
          expect(((await refused.json()) as { code: string }).code).toBe("rate_limited");
        }
        expect(last?.headers.get("ratelimit-limit")).toBe("5");
        // Another key has its own budget.
        const fresh = await limited.request("GET", "/api/v1/agents", { key: other });
        expect(fresh.status).toBe(200);
        expect(fresh.headers.get("ratelimit-remaining")).toBe("4");
      } finally {
        await limited.close();
        await bus?.close();
      }
    });
  }
});

describe("Idempotency-Key", () => {
  test("replays the first response, refuses another body under the same key", async () => {
    const key = crypto.randomUUID();
    const first = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: { name: "Once" },
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    const again = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: { name: "Once" },
      headers: { "idempotency-key": key },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const list = await h.json<{ data: { name: string }[] }>("GET", "/api/v1/agents?limit=100");
    expect(list.body.data.filter((a) => a.name === "Once").length).toBe(1);
    const different = await h.json<{ code: string }>("POST", "/api/v1/agents", {
      body: { name: "Twice" },
      headers: { "idempotency-key": key },
    });
    expect(different.status).toBe(422);
    expect(different.body.code).toBe("idempotency_key_reused");
  });

  test("keys are per org", async () => {
    const key = crypto.randomUUID();
    const other = await h.newOrg();
    const mine = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      body: { name: "A" },
      headers: { "idempotency-key": key },
    });
    const theirs = await h.json<{ id: string }>("POST", "/api/v1/agents", {
      key: other.ownerKey,
      body: { name: "A" },
      headers: { "idempotency-key": key },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  test("409 while the first request is in flight; 5xx responses are not kept", async () => {
    const idempotency = new Idempotency((await testDatabase()).db);
    const request = () => new Request("http://localhost/api/v1/things", { method: "POST", body: "{}" });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let handling = false;
    const slow = idempotency.run(h.orgId, "inflight", request(), "{}", async () => {
      handling = true;
      await gate;
      return new Response("done", { status: 201 });
    });
    // The handler runs once the key is claimed.
    await waitFor("the first request's handler to run", () => handling);
    const error = await idempotency
      .run(h.orgId, "inflight", request(), "{}", async () => new Response("second"))
      .catch((e: { status: number; code: string }) => e);
    expect(error).toMatchObject({ status: 409, code: "idempotency_key_in_use" });
    release();
    expect((await slow).status).toBe(201);

    const failed = await idempotency.run(
      h.orgId,
      "fails",
      request(),
      "{}",
      async () => new Response("x", { status: 503 }),
    );
    expect(failed.status).toBe(503);
    const retried = await idempotency.run(
      h.orgId,
      "fails",
      request(),
      "{}",
      async () => new Response("ok", { status: 201 }),
    );
    expect(retried.status).toBe(201);
    expect(await retried.text()).toBe("ok");
  });

  test("an over-long key is a 400", async () => {
    const response = await h.json<{ code: string }>("POST", "/api/v1/agents", {
      body: { name: "x" },
      headers: { "idempotency-key": "k".repeat(300) },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("invalid_idempotency_key");
  });
});
