import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AgentSnapshot } from "@switchboard/shared/agent";
import { Hashes } from "@switchboard/shared/bus/topics";
import { createHarness, type Harness } from "../../testing/harness.ts";

type Json = Record<string, unknown> & { id: string };

describe("/tools: the org's catalogue referenced by agents", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ config: { allowPrivateUrls: false } });
  }, 30_000);
  afterAll(async () => {
    await h.close();
  });

  const post = (path: string, body: Record<string, unknown>, key?: string) =>
    h.json<Json>("POST", `/api/v1${path}`, {
      body,
      key,
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
  const snapshotOf = async (agentId: string) =>
    JSON.parse((await h.ctx.bus.hashGet(Hashes.agentSnapshots, agentId))!) as AgentSnapshot;

  const lookup = {
    type: "http",
    name: "lookup_order",
    description: "Find an order by its number.",
    method: "POST",
    url: "https://8.8.8.8/orders",
    headers: { "X-Api-Version": "2" },
    parameters: { type: "object", properties: { order: { type: "string" } }, required: ["order"] },
    timeout_ms: 4000,
    waiting_message: "One moment while I look that up.",
  };

  test("a tool referenced by two agents is in both snapshots, follows its changes, and cannot be deleted while used", async () => {
    const created = await post("/tools", lookup);
    expect(created.status).toBe(201);
    const toolId = created.body.id;
    expect(toolId).toMatch(/^tool_[0-9a-f]{32}$/);
    expect(created.body).toMatchObject(lookup);

    const first = await post("/agents", { name: "Orders", tool_ids: [toolId] });
    const second = await post("/agents", { name: "Returns", tool_ids: [toolId] });
    expect({ status: first.status, body: first.body }).toMatchObject({ status: 201 });
    expect(second.body.tool_ids).toEqual([toolId]);
    for (const agent of [first.body, second.body]) {
      const snapshot = await snapshotOf(agent.id);
      expect(snapshot.tools).toContainEqual(
        expect.objectContaining({ type: "http", name: "lookup_order", url: lookup.url, timeout_ms: 4000 }),
      );
    }

    const renamed = await h.json<Json>("PATCH", `/api/v1/tools/${toolId}`, {
      body: { url: "https://8.8.4.4/v2/orders" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("lookup_order");
    expect((await snapshotOf(second.body.id)).tools).toContainEqual(
      expect.objectContaining({ url: "https://8.8.4.4/v2/orders" }),
    );

    const refused = await h.json<{ detail: string }>("DELETE", `/api/v1/tools/${toolId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(first.body.id);
    expect(refused.body.detail).toContain(second.body.id);

    for (const agent of [first.body, second.body])
      await h.json("PATCH", `/api/v1/agents/${agent.id}`, { body: { tool_ids: [] } });
    expect((await snapshotOf(first.body.id)).tools).toEqual([]);
    expect((await h.request("DELETE", `/api/v1/tools/${toolId}`)).status).toBe(204);
    expect((await h.request("GET", `/api/v1/tools/${toolId}`)).status).toBe(404);
  });

  test("unknown tool ids, unsafe URLs and duplicate names are refused; members may read but not write", async () => {
    const unknown = await post("/agents", { name: "Nope", tool_ids: ["tool_0000"] });
    expect(unknown.status).toBe(422);
    const metadata = await post("/tools", {
      ...lookup,
      name: "metadata",
      url: "http://169.254.169.254/latest",
    });
    expect(metadata.status).toBe(422);
    expect((await post("/tools", { ...lookup, name: "twice" })).status).toBe(201);
    expect((await post("/tools", { ...lookup, name: "twice" })).status).toBe(409);
    const other = await post("/tools", { ...lookup, name: "once" });
    const renamed = await h.json("PATCH", `/api/v1/tools/${other.body.id}`, { body: { name: "twice" } });
    expect(renamed.status).toBe(409);

    const member = await h.newKey("member");
    expect((await post("/tools", { ...lookup, name: "by_member" }, member)).status).toBe(403);
    const listed = await h.json<{ data: Json[] }>("GET", "/api/v1/tools", { key: member });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((tool) => tool.name)).toContain("twice");
    const builtIns = await h.json<{ data: Array<{ name: string }> }>("GET", "/api/v1/tools/built-ins");
    expect(builtIns.body.data.map((tool) => tool.name)).toEqual([
      "end_call",
      "transfer_call",
      "send_dtmf",
      "warm_transfer",
      "send_sms",
    ]);

    const otherOrg = await h.newOrg();
    const theirs = await h.json<{ data: Json[] }>("GET", "/api/v1/tools", { key: otherOrg.ownerKey });
    expect(theirs.body.data).toEqual([]);
    const twice = listed.body.data.find((tool) => tool.name === "twice")!;
    expect((await h.request("GET", `/api/v1/tools/${twice.id}`, { key: otherOrg.ownerKey })).status).toBe(
      404,
    );
    const borrowed = await post("/agents", { name: "Borrower", tool_ids: [twice.id] }, otherOrg.ownerKey);
    expect(borrowed.status).toBe(422);
  });
});
