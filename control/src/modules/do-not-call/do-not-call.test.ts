import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { addCredits, addNumber, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "../calls/events.ts";

describe("/do-not-call", () => {
  let h: Harness;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1"] } });
    agentId = await createAgent(h);
    await addNumber(h, { agentId });
    await addCredits(h, 1000);
  }, 30_000);
  afterAll(async () => {
    await h.close();
  });

  test("adding is idempotent: 201 then 200 with the same entry", async () => {
    const first = await h.json<{ id: string; phone_number: string; source: string }>(
      "POST",
      "/api/v1/do-not-call",
      {
        body: { phone_number: "+14155550142", reason: "asked on the phone" },
      },
    );
    expect(first.status).toBe(201);
    expect(first.body.phone_number).toBe("+14155550142");
    expect(first.body.source).toBe("api");
    const again = await h.json<{ id: string }>("POST", "/api/v1/do-not-call", {
      body: { phone_number: "+14155550142" },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  test("a number not in E.164 is a 422 naming the field", async () => {
    const response = await h.json<{ code: string; errors: { field: string }[] }>(
      "POST",
      "/api/v1/do-not-call",
      {
        body: { phone_number: "415 555 0142" },
      },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors[0]?.field).toBe("phone_number");
  });

  test("an outbound call to a listed number is refused with 409 do_not_call and nothing is queued", async () => {
    await h.json("POST", "/api/v1/do-not-call", { body: { phone_number: "+14155550143" } });
    const refused = await h.json<{ code: string }>("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550143" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("do_not_call");
    const calls = await h.json<{ data: { to_number: string }[] }>("GET", "/api/v1/calls");
    expect(calls.body.data.some((call) => call.to_number === "+14155550143")).toBe(false);

    const removed = await h.request("DELETE", "/api/v1/do-not-call/%2B14155550143");
    expect(removed.status).toBe(204);
    const placed = await h.json("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550143" },
    });
    expect(placed.status).toBe(201);
    expect((await h.request("DELETE", "/api/v1/do-not-call/+14155550143")).status).toBe(404);
  });

  test("the list pages and filters by number; another org sees none of it", async () => {
    for (const suffix of ["51", "52", "53"]) {
      await h.json("POST", "/api/v1/do-not-call", { body: { phone_number: `+141555501${suffix}` } });
    }
    const page = await h.json<{ data: { phone_number: string }[]; has_more: boolean; next_cursor: string }>(
      "GET",
      "/api/v1/do-not-call?limit=2",
    );
    expect(page.body.data).toHaveLength(2);
    expect(page.body.has_more).toBe(true);
    const next = await h.json<{ data: unknown[] }>(
      "GET",
      `/api/v1/do-not-call?limit=2&cursor=${page.body.next_cursor}`,
    );
    expect(next.body.data.length).toBeGreaterThan(0);
    const one = await h.json<{ data: { phone_number: string }[] }>(
      "GET",
      "/api/v1/do-not-call?phone_number=%2B14155550152",
    );
    expect(one.body.data.map((entry) => entry.phone_number)).toEqual(["+14155550152"]);

    const other = await h.newOrg();
    const theirs = await h.json<{ data: unknown[] }>("GET", "/api/v1/do-not-call", { key: other.ownerKey });
    expect(theirs.body.data).toHaveLength(0);
  });

  test("members may add but not remove", async () => {
    const member = await h.newKey("member");
    const added = await h.json("POST", "/api/v1/do-not-call", {
      key: member,
      body: { phone_number: "+14155550160" },
    });
    expect(added.status).toBe(201);
    expect((await h.request("DELETE", "/api/v1/do-not-call/%2B14155550160", { key: member })).status).toBe(
      403,
    );
  });

  test("a callee's request during a call (call.do_not_call) lists their number once, with the call", async () => {
    const placed = await h.json<{ id: string }>("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550170" },
    });
    expect(placed.status).toBe(201);
    const event = {
      type: "call.do_not_call" as const,
      call_id: placed.body.id,
      org_id: h.orgId,
      gateway_id: "gw-test",
      occurred_at: new Date().toISOString(),
      reason: "please stop calling",
    };
    expect(await applyCallEvent(h.ctx, { ...event, event_id: newId("evt") })).toBe("applied");
    expect(await applyCallEvent(h.ctx, { ...event, event_id: newId("evt") })).toBe("applied");
    const listed = await h.json<{ data: { source: string; call_id: string; reason: string }[] }>(
      "GET",
      "/api/v1/do-not-call?phone_number=%2B14155550170",
    );
    expect(listed.body.data).toEqual([
      expect.objectContaining({ source: "call", call_id: placed.body.id, reason: "please stop calling" }),
    ]);
    const again = await h.json<{ code: string }>("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550170" },
    });
    expect(again.body.code).toBe("do_not_call");
  });
});
