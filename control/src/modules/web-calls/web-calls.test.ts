import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { verifyCallToken } from "@switchboard/shared/secrets/call-token";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { rejection } from "../../testing/rejection.ts";

const SECRET = "test-web-call-secret-0123456789abcdef";
const PAGE = "https://shop.example.com";

let h: Harness;
let agentId: string;
let otherAgentId: string;
beforeAll(async () => {
  h = await createHarness({
    config: {
      webCallSecret: SECRET,
      widgetRateLimitPerMinute: 3,
      gatewayPublicUrl: "https://gw.example.com",
    },
  });
  const agent = { name: "Web agent", system_prompt: "Be brief.", first_message: "Hello from the web." };
  agentId = (await h.json<{ id: string }>("POST", "/api/v1/agents", { body: agent })).body.id;
  otherAgentId = (
    await h.json<{ id: string }>("POST", "/api/v1/agents", { body: { ...agent, name: "Other" } })
  ).body.id;
});
afterAll(async () => {
  await h.close();
});

type Grant = { token: string; call_id: string; agent_id: string; expires_at: string; whip_url: string };
type Problem = { status: number; code: string; detail: string; errors?: { field: string }[] };
type WidgetKey = { id: string; key?: string; prefix: string; agent_ids: string[]; allowed_origins: string[] };

async function widgetToken(body: unknown, origin: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (origin !== null) headers.origin = origin;
  const response = await h.app.handle(
    new Request("http://localhost/widget/token", { method: "POST", headers, body: JSON.stringify(body) }),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Grant & Problem,
  };
}

describe("web call tokens (API key)", () => {
  test("201 with a token the gateway verifies for this org, agent and call", async () => {
    const created = await h.json<Grant>("POST", `/api/v1/agents/${agentId}/web-token`, {
      body: { metadata: { name: "Ada" } },
    });
    expect(created.status).toBe(201);
    expect(created.body.whip_url).toBe("https://gw.example.com/webrtc/calls");
    expect(created.body.call_id).toMatch(/^call_[0-9a-f]{32}$/);
    const claims = await verifyCallToken(
      { webCallSecret: SECRET, secretKey: null, dataDir: "/nonexistent" },
      created.body.token,
    );
    expect(claims).toMatchObject({
      callId: created.body.call_id,
      orgId: h.orgId,
      agentId,
      origin: null,
      metadata: { name: "Ada" },
    });
    const ttlMs = new Date(created.body.expires_at).getTime() - Date.now();
    expect(ttlMs).toBeGreaterThan(60_000);
    expect(ttlMs).toBeLessThanOrEqual(120_000);
  });

  test("a token signed with another secret does not verify", async () => {
    const created = await h.json<Grant>("POST", `/api/v1/agents/${agentId}/web-token`);
    expect(created.status).toBe(201);
    const other = {
      webCallSecret: "another-secret-0123456789abcdefghijkl",
      secretKey: null,
      dataDir: "/nonexistent",
    };
    expect(await rejection(verifyCallToken(other, created.body.token))).toMatchObject({
      message: expect.stringContaining("not valid"),
    });
  });

  test("another org's agent is a 404 problem", async () => {
    const other = await h.newOrg();
    const response = await h.request("POST", `/api/v1/agents/${agentId}/web-token`, { key: other.ownerKey });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("widget keys", () => {
  let widget: WidgetKey;

  test("an admin creates a pk_live_ key shown once; the list shows only its prefix", async () => {
    const created = await h.json<WidgetKey>("POST", "/api/v1/widget-keys", {
      body: {
        name: "Shop",
        agent_ids: [agentId],
        allowed_origins: [PAGE, "http://localhost:8080", "http://localhost:8081"],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^pk_live_[A-Za-z0-9]{32}$/);
    expect(created.body.allowed_origins).toEqual([PAGE, "http://localhost:8080", "http://localhost:8081"]);
    widget = created.body;
    const list = await h.json<{ data: WidgetKey[] }>("GET", "/api/v1/widget-keys");
    expect(list.status).toBe(200);
    const listed = list.body.data.find((row) => row.id === widget.id)!;
    expect(listed.prefix).toBe(widget.key!.slice(0, 12));
    expect(listed.key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(widget.key!);
  });

  test("bad origins and unknown agents are 422 with field errors and nothing is written", async () => {
    const before = (await h.json<{ data: WidgetKey[] }>("GET", "/api/v1/widget-keys")).body.data.length;
    const bad = await h.json<Problem>("POST", "/api/v1/widget-keys", {
      body: {
        name: "Bad",
        agent_ids: [agentId, "agt_missing"],
        allowed_origins: ["https://ok.example", "ftp://x", "https://a.example/path"],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((problem) => problem.field).sort()).toEqual([
      "agent_ids.1",
      "allowed_origins.1",
      "allowed_origins.2",
    ]);
    const after = (await h.json<{ data: WidgetKey[] }>("GET", "/api/v1/widget-keys")).body.data.length;
    expect(after).toBe(before);
  });

  test("a member key may not manage widget keys", async () => {
    const member = await h.newKey("member");
    const response = await h.json<Problem>("POST", "/api/v1/widget-keys", {
      key: member,
      body: { name: "X", agent_ids: [agentId], allowed_origins: [PAGE] },
    });
    expect(response.status).toBe(403);
  });

  test("the page's origin gets a token bound to it, with CORS for that origin", async () => {
    const granted = await widgetToken({ key: widget.key, agent_id: agentId }, PAGE);
    expect(granted.status).toBe(201);
    expect(granted.headers.get("access-control-allow-origin")).toBe(PAGE);
    const claims = await verifyCallToken(
      { webCallSecret: SECRET, secretKey: null, dataDir: "/nonexistent" },
      granted.body.token,
    );
    expect(claims).toMatchObject({ orgId: h.orgId, agentId, origin: PAGE });
  });

  test("a refused origin, a missing origin, another agent and a wrong key are clear 4xx problems", async () => {
    const refused = await widgetToken({ key: widget.key, agent_id: agentId }, "https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("origin_not_allowed");
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    expect((await widgetToken({ key: widget.key, agent_id: agentId }, null)).body.code).toBe(
      "origin_not_allowed",
    );
    const otherAgent = await widgetToken({ key: widget.key, agent_id: otherAgentId }, PAGE);
    expect(otherAgent.status).toBe(403);
    expect(otherAgent.body.code).toBe("agent_not_allowed");
    const wrongKey = await widgetToken({ key: `pk_live_${"x".repeat(32)}`, agent_id: agentId }, PAGE);
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.code).toBe("invalid_widget_key");
    const missing = await widgetToken({ agent_id: agentId }, PAGE);
    expect(missing.status).toBe(422);
    const preflight = await h.app.handle(
      new Request("http://localhost/widget/token", { method: "OPTIONS", headers: { origin: PAGE } }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type");
  });

  test("tokens per key and origin are rate limited with Retry-After", async () => {
    // The limit counts in fixed one-minute windows: four requests that straddle a window's end
    // are counted in two windows, so the burst is sent again from another allowed origin.
    const minuteOf = () => Math.floor(Date.now() / 60_000);
    let statuses: number[] = [];
    let last: Awaited<ReturnType<typeof widgetToken>> | null = null;
    for (const origin of ["http://localhost:8080", "http://localhost:8081"]) {
      const startMinute = minuteOf();
      statuses = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        last = await widgetToken({ key: widget.key, agent_id: agentId }, origin);
        statuses.push(last.status);
      }
      if (minuteOf() === startMinute) break;
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(last!.body.code).toBe("rate_limited");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("a revoked key stops working; another org cannot revoke it", async () => {
    const other = await h.newOrg();
    expect(
      (await h.request("DELETE", `/api/v1/widget-keys/${widget.id}`, { key: other.ownerKey })).status,
    ).toBe(404);
    expect((await h.request("DELETE", `/api/v1/widget-keys/${widget.id}`)).status).toBe(204);
    const afterRevoke = await widgetToken({ key: widget.key, agent_id: agentId }, PAGE);
    expect(afterRevoke.status).toBe(401);
  });
});

describe("widget assets", () => {
  test("widget.js and the demo page are served", async () => {
    const script = await h.app.handle(new Request("http://localhost/widget.js"));
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("window.Switchboard");
    const demo = await h.app.handle(new Request("http://localhost/demo"));
    expect(demo.status).toBe(200);
    expect(await demo.text()).toContain('id="agent"');
  });
});
