import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { encodeAnnouncement } from "@switchboard/shared/cluster/announcement";
import type { Gateway, GatewayList } from "@switchboard/shared/schemas/gateway";
import { createHarness, type Harness } from "../../testing/harness.ts";

const ADMIN_KEY = `sk_admin_${"G4".repeat(16)}`;

function announcement(id: string, sipPort: number, expiresInMs: number, draining = false): Gateway {
  const nowMs = Date.now();
  return {
    id,
    sip_address: `10.0.0.7:${sipPort}`,
    rtp_address: "10.0.0.7",
    rtp_port_min: 10000,
    rtp_port_max: 20000,
    capacity_calls: 200,
    calls_in_progress: 3,
    cpu_percent: 12.5,
    draining,
    started_at: new Date(nowMs - 60_000).toISOString(),
    announced_at: new Date(nowMs).toISOString(),
    expires_at: new Date(nowMs + expiresInMs).toISOString(),
  };
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ config: { adminApiKey: ADMIN_KEY, selfServeCredits: false } });
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe("GET /admin/gateways", () => {
  test("lists the live announcements by id and drops the expired ones from the bus", async () => {
    const live = [
      announcement("gateway-b-5080", 5080, 6000, true),
      announcement("gateway-a-5070", 5070, 6000),
    ];
    for (const gateway of live)
      await h.ctx.bus.hashSet(Hashes.gatewayAnnouncements, gateway.id, encodeAnnouncement(gateway));
    await h.ctx.bus.hashSet(
      Hashes.gatewayAnnouncements,
      "gateway-gone-5090",
      encodeAnnouncement(announcement("gateway-gone-5090", 5090, -1)),
    );
    await h.ctx.bus.hashSet(Hashes.gatewayAnnouncements, "gateway-garbled", "{not json");

    const listed = await h.json<GatewayList>("GET", "/api/v1/admin/gateways", { key: ADMIN_KEY });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((gateway) => gateway.id)).toEqual(["gateway-a-5070", "gateway-b-5080"]);
    expect(listed.body.data[1]).toEqual(live[0]!);
    expect(Object.keys(await h.ctx.bus.hashGetAll(Hashes.gatewayAnnouncements)).sort()).toEqual([
      "gateway-a-5070",
      "gateway-b-5080",
    ]);
  });

  test("is for the operator only", async () => {
    expect((await h.request("GET", "/api/v1/admin/gateways", { key: null })).status).toBe(401);
    const tenant = await h.request("GET", "/api/v1/admin/gateways", { key: h.ownerKey });
    expect([401, 403, 404]).toContain(tenant.status);
    expect(tenant.headers.get("content-type")).toContain("application/problem+json");
  });
});
