import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { StreamEntry } from "@switchboard/shared/bus/contract";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import { type ApiClient, harnessClient, type RequestBody } from "../../testing/api-client/client.ts";
import { addCredits, addNumber, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

const GROUP = "outbound-test";

async function dispatched(h: Harness): Promise<DispatchCommand[]> {
  const entries: StreamEntry[] = await h.ctx.bus.readGroup(Streams.dispatch, GROUP, "reader", {
    count: 100,
    blockMs: 50,
  });
  return entries.map((entry) => JSON.parse(entry.data) as DispatchCommand);
}

describe("POST /calls/outbound", () => {
  let h: Harness;
  let api: ApiClient;
  let agentId: string;
  let attached: { id: string; phoneNumber: string };

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1", "+44"] } });
    api = harnessClient(h);
    await h.ctx.bus.ensureGroup(Streams.dispatch, GROUP);
    agentId = await createAgent(h);
    await addNumber(h);
    attached = await addNumber(h, { agentId });
    await addCredits(h, 1000);
  });
  afterAll(async () => {
    await h.close();
  });

  test("the reference page's example queues a call from the agent's number and dispatches it once", async () => {
    const response = await api.POST("/api/v1/calls/outbound", {
      params: { header: { "Idempotency-Key": "outbound-example-1" } },
      body: {
        agent_id: agentId,
        to_number: "+14155550142",
        objective: "Remind the customer about tomorrow at 10am and offer to reschedule.",
      },
    });
    expect(response.response.status).toBe(201);
    const call = response.data!;
    expect(call.status).toBe("queued");
    expect(call.direction).toBe("outbound");
    expect(call.from_number).toBe(attached.phoneNumber);
    expect(call.phone_number_id).toBe(attached.id);
    expect(call.to_number).toBe("+14155550142");
    expect(call.cost_cents).toBeNull();
    expect(typeof call.started_at).toBe("string");

    const replay = await api.POST("/api/v1/calls/outbound", {
      params: { header: { "Idempotency-Key": "outbound-example-1" } },
      body: {
        agent_id: agentId,
        to_number: "+14155550142",
        objective: "Remind the customer about tomorrow at 10am and offer to reschedule.",
      },
    });
    expect(replay.response.status).toBe(201);
    expect(replay.data!.id).toBe(call.id);

    const commands = await dispatched(h);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      call_id: call.id,
      org_id: h.orgId,
      agent_id: agentId,
      from_number: attached.phoneNumber,
      to_number: "+14155550142",
      objective: "Remind the customer about tomorrow at 10am and offer to reschedule.",
      trunk_id: null,
    });

    const fetched = await api.GET("/api/v1/calls/{call_id}", { params: { path: { call_id: call.id } } });
    expect(fetched.response.status).toBe(200);
    expect(fetched.data!.transcript).toEqual([]);
  });

  test("an explicit from_number of the org is used, with metadata", async () => {
    const other = await addNumber(h);
    const response = await api.POST("/api/v1/calls/outbound", {
      body: {
        agent_id: agentId,
        to_number: "+442079460958",
        from_number: other.phoneNumber,
        metadata: { crm: 42 },
      },
    });
    expect(response.response.status).toBe(201);
    expect(response.data!.from_number).toBe(other.phoneNumber);
    expect(response.data!.metadata).toEqual({ crm: 42 });
    const commands = await dispatched(h);
    expect(commands.map((c) => c.call_id)).toEqual([response.data!.id]);
  });

  test("each invalid request is a precise 4xx and queues nothing", async () => {
    const inactive = await createAgent(h, { is_active: false });
    const suspended = await addNumber(h, { status: "suspended" });
    const foreign = await h.newOrg();
    const foreignAgent = await createAgent({
      ...h,
      json: (m, p, o) => h.json(m, p, { ...o, key: foreign.ownerKey }),
    });
    const cases: Array<{
      body: Partial<RequestBody<"/api/v1/calls/outbound", "post">>;
      status: number;
      code: string;
    }> = [
      { body: { agent_id: agentId, to_number: "4155550142" }, status: 422, code: "validation_failed" },
      { body: { agent_id: agentId, to_number: "+1415555" }, status: 422, code: "validation_failed" },
      {
        body: { agent_id: agentId, to_number: "+33142685300" },
        status: 403,
        code: "destination_not_allowed",
      },
      { body: { agent_id: "agt_missing", to_number: "+14155550142" }, status: 404, code: "not_found" },
      { body: { agent_id: foreignAgent, to_number: "+14155550142" }, status: 404, code: "not_found" },
      { body: { agent_id: inactive, to_number: "+14155550142" }, status: 409, code: "agent_inactive" },
      {
        body: { agent_id: agentId, to_number: "+14155550142", from_number: "+14155550100" },
        status: 422,
        code: "validation_failed",
      },
      {
        body: { agent_id: agentId, to_number: "+14155550142", from_number: suspended.phoneNumber },
        status: 422,
        code: "number_suspended",
      },
      { body: { to_number: "+14155550142" }, status: 422, code: "validation_failed" },
    ];
    for (const item of cases) {
      // One case leaves out the required agent_id on purpose: the cast is the point of the test.
      const response = await api.POST("/api/v1/calls/outbound", { body: item.body as never });
      expect({ body: item.body, status: response.response.status, code: response.error?.code }).toEqual({
        body: item.body,
        status: item.status,
        code: item.code,
      });
      expect(response.response.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await dispatched(h)).toHaveLength(0);
  });

  test("an org's own trunk decides the destinations, and the dispatch names that trunk", async () => {
    const org = await h.newOrg();
    const as: Harness = { ...h, json: (m, p, o) => h.json(m, p, { ...o, key: org.ownerKey }) };
    const agent = await createAgent(as);
    await addNumber(h, { orgId: org.orgId, agentId: agent });
    await addCredits(h, 500, org.orgId);
    const orgApi = harnessClient(h, org.ownerKey);
    const trunk = await orgApi.POST("/api/v1/trunks", {
      body: { name: "carrier", outbound_uri: "sip:carrier.example.com", destination_countries: ["GB"] },
    });
    expect(trunk.response.status).toBe(201);
    const refused = await orgApi.POST("/api/v1/calls/outbound", {
      body: { agent_id: agent, to_number: "+14155550142" },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.error!.code).toBe("destination_not_allowed");
    expect(await dispatched(h)).toHaveLength(0);

    const placed = await orgApi.POST("/api/v1/calls/outbound", {
      body: { agent_id: agent, to_number: "+442079460958" },
    });
    expect(placed.response.status).toBe(201);
    const commands = await dispatched(h);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ call_id: placed.data!.id, trunk_id: trunk.data!.id });
  });

  test("without credits it is a 402; without any active number a 422 that says so", async () => {
    const broke = await h.newOrg();
    const as = (key: string): Harness => ({ ...h, json: (m, p, o) => h.json(m, p, { ...o, key }) });
    const brokeAgent = await createAgent(as(broke.ownerKey));
    const brokeApi = harnessClient(h, broke.ownerKey);
    const noNumber = await brokeApi.POST("/api/v1/calls/outbound", {
      body: { agent_id: brokeAgent, to_number: "+14155550142" },
    });
    expect(noNumber.response.status).toBe(422);
    expect(noNumber.error!.code).toBe("no_caller_number");

    await addNumber(h, { orgId: broke.orgId, agentId: brokeAgent });
    const noBalance = await brokeApi.POST("/api/v1/calls/outbound", {
      body: { agent_id: brokeAgent, to_number: "+14155550142" },
    });
    expect(noBalance.response.status).toBe(402);
    expect(noBalance.error!.code).toBe("insufficient_credits");
    const list = await brokeApi.GET("/api/v1/calls");
    expect(list.data!.data).toHaveLength(0);
    expect(await dispatched(h)).toHaveLength(0);
  });
});
