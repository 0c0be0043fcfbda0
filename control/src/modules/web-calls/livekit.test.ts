// POST /agents/{id}/web-token with and without LiveKit configured: the room token, and the
// room dispatched to the gateways on the bus.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { type RoomDispatchCommand, Streams } from "@switchboard/shared/events";
import { jwtVerify } from "jose";
import { createHarness, type Harness } from "../../testing/harness.ts";

const LIVEKIT = {
  url: "wss://livekit.example.com",
  apiKey: "APItestkey",
  apiSecret: "livekit-test-secret-0123456789abcdef",
};
const GROUP = "livekit-test";

type Grant = {
  token: string;
  call_id: string;
  agent_id: string;
  expires_at: string;
  whip_url: string;
  ice_servers: unknown[];
  livekit?: { url: string; room: string; token: string };
};

let withLiveKit: Harness;
let withoutLiveKit: Harness;
const bus = new MemoryBus();
let agentId: string;
let plainAgentId: string;

beforeAll(async () => {
  withLiveKit = await createHarness({ bus, config: { livekit: LIVEKIT } });
  withoutLiveKit = await createHarness({ bus, config: { livekit: null } });
  const agent = { name: "Room agent", first_message: "Hello {{name}}." };
  agentId = (await withLiveKit.json<{ id: string }>("POST", "/api/v1/agents", { body: agent })).body.id;
  plainAgentId = (await withoutLiveKit.json<{ id: string }>("POST", "/api/v1/agents", { body: agent })).body
    .id;
  await bus.ensureGroup(Streams.liveKitRooms, GROUP);
});
afterAll(async () => {
  await withLiveKit.close();
  await withoutLiveKit.close();
  await bus.close();
});

async function dispatched(): Promise<RoomDispatchCommand[]> {
  const entries = await bus.readGroup(Streams.liveKitRooms, GROUP, "test", { count: 100, blockMs: 0 });
  await bus.ack(
    Streams.liveKitRooms,
    GROUP,
    entries.map((entry) => entry.id),
  );
  return entries.map((entry) => JSON.parse(entry.data) as RoomDispatchCommand);
}

describe("web-token with LiveKit configured", () => {
  test("carries a caller token for a fresh room named after the call, and dispatches that room", async () => {
    const created = await withLiveKit.json<Grant>("POST", `/api/v1/agents/${agentId}/web-token`, {
      body: { metadata: { name: "Ada" } },
    });
    expect(created.status).toBe(201);
    const grant = created.body;
    expect(Object.keys(grant).sort()).toEqual(
      ["agent_id", "call_id", "expires_at", "ice_servers", "livekit", "token", "whip_url"].sort(),
    );
    expect(grant.livekit).toMatchObject({ url: LIVEKIT.url, room: grant.call_id });
    const { payload } = await jwtVerify(grant.livekit!.token, new TextEncoder().encode(LIVEKIT.apiSecret));
    expect(payload.iss).toBe(LIVEKIT.apiKey);
    expect(payload.sub).toBe(`caller-${grant.call_id}`);
    expect(payload.video).toEqual({
      roomJoin: true,
      room: grant.call_id,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canPublishSources: ["microphone"],
    });
    // The room token lasts as long as the call token.
    expect(Math.abs((payload.exp as number) * 1000 - new Date(grant.expires_at).getTime())).toBeLessThan(
      1500,
    );

    expect(await dispatched()).toEqual([
      {
        call_id: grant.call_id,
        org_id: withLiveKit.orgId,
        agent_id: agentId,
        room: grant.call_id,
        metadata: { name: "Ada" },
        expires_at: grant.expires_at,
      },
    ]);
  });

  test("every token is its own room", async () => {
    const first = await withLiveKit.json<Grant>("POST", `/api/v1/agents/${agentId}/web-token`);
    const second = await withLiveKit.json<Grant>("POST", `/api/v1/agents/${agentId}/web-token`);
    expect(first.body.livekit!.room).not.toBe(second.body.livekit!.room);
    expect((await dispatched()).map((command) => command.room)).toEqual([
      first.body.call_id,
      second.body.call_id,
    ]);
  });

  test("an inactive agent or another org's agent dispatches nothing", async () => {
    await withLiveKit.json("PATCH", `/api/v1/agents/${agentId}`, { body: { is_active: false } });
    const inactive = await withLiveKit.json("POST", `/api/v1/agents/${agentId}/web-token`);
    expect(inactive.status).toBe(409);
    await withLiveKit.json("PATCH", `/api/v1/agents/${agentId}`, { body: { is_active: true } });
    const foreign = await withLiveKit.json("POST", `/api/v1/agents/${plainAgentId}/web-token`);
    expect(foreign.status).toBe(404);
    expect(await dispatched()).toEqual([]);
  });

  test("the OpenAPI document describes the livekit field", async () => {
    const response = await withLiveKit.app.handle(new Request("http://localhost/openapi.json"));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain("The caller's participant token for that room");
  });
});

describe("web-token without LiveKit", () => {
  test("answers as before: no livekit field, nothing dispatched", async () => {
    const created = await withoutLiveKit.json<Grant>("POST", `/api/v1/agents/${plainAgentId}/web-token`);
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(
      ["agent_id", "call_id", "expires_at", "ice_servers", "token", "whip_url"].sort(),
    );
    expect(await dispatched()).toEqual([]);
  });
});
