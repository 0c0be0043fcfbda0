import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { computeHa1 } from "@switchboard/shared/sip/digest-hash";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { createHarness, type Harness } from "../../testing/harness.ts";

let h: Harness;
const invalidations: string[] = [];
beforeAll(async () => {
  h = await createHarness();
  await h.ctx.bus.subscribe(Channels.trunkInvalidated, (id) => invalidations.push(id));
});
afterAll(async () => {
  await h.close();
});

type TrunkBody = Record<string, unknown> & { id: string };

const fullTrunk = {
  name: "Acme PBX",
  inbound_cidrs: ["192.0.2.0/24", "2001:db8::/32"],
  inbound_username: "acme-pbx",
  inbound_password: "correct horse battery",
  outbound_uri: "sip:sip.example.net:5060;transport=udp",
  outbound_username: "acme",
  outbound_password: "trunk-secret-1",
  caller_id: { default_caller_id: "+14155550100", allow_from_number: false },
  destination_countries: ["GB"],
  destination_prefixes: ["+1415"],
};

async function snapshotOf(id: string): Promise<TrunkSnapshot | null> {
  const json = await h.ctx.bus.hashGet(Hashes.trunks, id);
  return json === null ? null : (JSON.parse(json) as TrunkSnapshot);
}

describe("trunks", () => {
  test("create 201 never echoes passwords; the gateway snapshot has HA1 hashes and prefixes", async () => {
    const created = await h.json<TrunkBody>("POST", "/api/v1/trunks", { body: fullTrunk });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^trk_[0-9a-f]{32}$/);
    expect(created.body).toMatchObject({
      name: "Acme PBX",
      inbound_username: "acme-pbx",
      has_inbound_password: true,
      has_outbound_password: true,
      destination_countries: ["GB"],
    });
    expect(JSON.stringify(created.body)).not.toContain("correct horse");
    expect(JSON.stringify(created.body)).not.toContain("trunk-secret-1");
    const snapshot = await snapshotOf(created.body.id);
    expect(snapshot).toMatchObject({
      id: created.body.id,
      org_id: h.orgId,
      inbound_cidrs: fullTrunk.inbound_cidrs,
      outbound_uri: fullTrunk.outbound_uri,
      outbound_auth: { username: "acme", password: "trunk-secret-1" },
      caller_id: { default_caller_id: "+14155550100", allow_from_number: false },
    });
    expect(snapshot?.inbound_auth?.ha1_sha256).toBe(
      computeHa1("SHA-256", "acme-pbx", h.ctx.config.sipDigestRealm, "correct horse battery"),
    );
    expect(snapshot?.inbound_auth?.ha1_md5).toBe(
      computeHa1("MD5", "acme-pbx", h.ctx.config.sipDigestRealm, "correct horse battery"),
    );
    expect(snapshot?.destination_prefixes.sort()).toEqual(["+1415", "+44"]);
    expect(invalidations).toContain(created.body.id);
    const read = await h.json<TrunkBody>("GET", `/api/v1/trunks/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  test("bad CIDR, URI, country and half credentials are 422 with field errors, nothing written", async () => {
    const before = await h.json<{ data: unknown[] }>("GET", "/api/v1/trunks?limit=100");
    const bad = await h.json<{ code: string; errors: Array<{ field: string }> }>("POST", "/api/v1/trunks", {
      body: {
        name: "Broken",
        inbound_cidrs: ["300.1.2.3/8"],
        inbound_username: "lonely",
        outbound_uri: "http://example.com",
        destination_countries: ["XX"],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe("validation_failed");
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual([
      "destination_countries[0]",
      "inbound_cidrs[0]",
      "inbound_password",
      "outbound_uri",
    ]);
    const tls = await h.json("POST", "/api/v1/trunks", {
      body: { name: "TLS", outbound_uri: "sip:sip.example.net;transport=tls" },
    });
    expect(tls.status).toBe(422);
    const after = await h.json<{ data: unknown[] }>("GET", "/api/v1/trunks?limit=100");
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  test("an inbound username is unique across orgs: 409", async () => {
    const other = await h.newOrg();
    const first = await h.json("POST", "/api/v1/trunks", {
      body: { name: "One", inbound_username: "shared-user", inbound_password: "password-one" },
    });
    expect(first.status).toBe(201);
    const second = await h.json<{ code: string }>("POST", "/api/v1/trunks", {
      key: other.ownerKey,
      body: { name: "Two", inbound_username: "shared-user", inbound_password: "password-two" },
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("conflict");
  });

  test("PATCH updates and republishes; a new username needs the password again", async () => {
    const created = await h.json<TrunkBody>("POST", "/api/v1/trunks", { body: fullTrunk_with("patch-user") });
    const renamed = await h.json<TrunkBody>("PATCH", `/api/v1/trunks/${created.body.id}`, {
      body: {
        name: "Renamed",
        inbound_cidrs: ["198.51.100.7"],
        outbound_password: null,
        outbound_username: null,
      },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: "Renamed",
      has_outbound_password: false,
      has_inbound_password: true,
    });
    const snapshot = await snapshotOf(created.body.id);
    expect(snapshot).toMatchObject({ name: "Renamed", inbound_cidrs: ["198.51.100.7"], outbound_auth: null });
    const noPassword = await h.json("PATCH", `/api/v1/trunks/${created.body.id}`, {
      body: { inbound_username: "patch-user-2" },
    });
    expect(noPassword.status).toBe(422);
    const withPassword = await h.json<TrunkBody>("PATCH", `/api/v1/trunks/${created.body.id}`, {
      body: { inbound_username: "patch-user-2", inbound_password: "another password" },
    });
    expect(withPassword.status).toBe(200);
    expect((await snapshotOf(created.body.id))?.inbound_auth?.username).toBe("patch-user-2");
  });

  test("members may read but not change trunks; another org's trunk is 404", async () => {
    const created = await h.json<TrunkBody>("POST", "/api/v1/trunks", { body: { name: "Guarded" } });
    const member = await h.newKey("member");
    expect((await h.json("GET", `/api/v1/trunks/${created.body.id}`, { key: member })).status).toBe(200);
    expect((await h.json("POST", "/api/v1/trunks", { key: member, body: { name: "x" } })).status).toBe(403);
    expect((await h.json("DELETE", `/api/v1/trunks/${created.body.id}`, { key: member })).status).toBe(403);
    const other = await h.newOrg();
    expect((await h.json("GET", `/api/v1/trunks/${created.body.id}`, { key: other.ownerKey })).status).toBe(
      404,
    );
    expect(
      (await h.json("DELETE", `/api/v1/trunks/${created.body.id}`, { key: other.ownerKey })).status,
    ).toBe(404);
  });

  test("DELETE removes the trunk and its snapshot", async () => {
    const created = await h.json<TrunkBody>("POST", "/api/v1/trunks", { body: { name: "Temporary" } });
    expect(await snapshotOf(created.body.id)).not.toBeNull();
    const deleted = await h.request("DELETE", `/api/v1/trunks/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(await snapshotOf(created.body.id)).toBeNull();
    expect((await h.json("GET", `/api/v1/trunks/${created.body.id}`)).status).toBe(404);
  });

  test("list paginates newest first", async () => {
    for (const name of ["p1", "p2", "p3"]) await h.json("POST", "/api/v1/trunks", { body: { name } });
    const first = await h.json<{ data: TrunkBody[]; has_more: boolean; next_cursor: string }>(
      "GET",
      "/api/v1/trunks?limit=2",
    );
    expect(first.body.data).toHaveLength(2);
    expect(first.body.has_more).toBe(true);
    const second = await h.json<{ data: TrunkBody[] }>(
      "GET",
      `/api/v1/trunks?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.data[0]!.id < first.body.data[1]!.id).toBe(true);
  });
});

function fullTrunk_with(inboundUsername: string) {
  return { ...fullTrunk, inbound_username: inboundUsername };
}
