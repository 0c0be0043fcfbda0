// GET /calls/{call_id}/webhook-deliveries: the deliveries that carried this call's events, to
// every endpoint of the org, and nothing of another call or another org.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { createAgent, eventOf } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "../calls/events.ts";

interface CallDelivery {
  id: string;
  event_type: string;
  status: string;
  endpoint_id: string;
  endpoint_url: string;
}
interface DeliveryPage {
  data: CallDelivery[];
  has_more: boolean;
  next_cursor: string | null;
}

let h: Harness;
let agentId: string;

beforeAll(async () => {
  h = await createHarness();
  agentId = await createAgent(h);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

async function endpoint(url: string, events?: string[]): Promise<string> {
  const created = await h.json<{ id: string }>("POST", "/api/v1/webhooks", {
    body: { url, ...(events ? { events } : {}) },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A web call that starts and ends: call.started and call.ended go to the org's endpoints. */
async function completedCall(): Promise<string> {
  const callId = newId("call");
  const answeredAt = new Date(Date.now() - 30_000).toISOString();
  await applyCallEvent(
    h.ctx,
    eventOf(h, {
      type: "call.started",
      call_id: callId,
      direction: "web",
      agent_id: agentId,
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: answeredAt,
    }),
  );
  await applyCallEvent(
    h.ctx,
    eventOf(h, {
      type: "call.ended",
      call_id: callId,
      status: "completed",
      hangup_cause: "caller_hangup",
      ended_at: new Date().toISOString(),
      duration_s: 30,
    }),
  );
  return callId;
}

describe("GET /calls/{call_id}/webhook-deliveries", () => {
  let everything: string;
  let endsOnly: string;
  let callId: string;

  beforeAll(async () => {
    everything = await endpoint("http://127.0.0.1:9/everything");
    endsOnly = await endpoint("http://127.0.0.1:9/ends", ["call.ended"]);
    callId = await completedCall();
    await completedCall();
  }, 30_000);

  test("lists this call's deliveries to each endpoint, newest first, with the endpoint's URL", async () => {
    const page = await h.json<DeliveryPage>("GET", `/api/v1/calls/${callId}/webhook-deliveries`);
    expect(page.status).toBe(200);
    const seen = page.body.data.map((d) => `${d.endpoint_url} ${d.event_type}`).sort();
    expect(seen).toEqual([
      "http://127.0.0.1:9/ends call.ended",
      "http://127.0.0.1:9/everything call.ended",
      "http://127.0.0.1:9/everything call.started",
    ]);
    expect(new Set(page.body.data.map((d) => d.endpoint_id))).toEqual(new Set([everything, endsOnly]));
    const ids = page.body.data.map((d) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(page.body.has_more).toBe(false);
  });

  test("pages with limit and cursor", async () => {
    const first = await h.json<DeliveryPage>("GET", `/api/v1/calls/${callId}/webhook-deliveries?limit=2`);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.has_more).toBe(true);
    const rest = await h.json<DeliveryPage>(
      "GET",
      `/api/v1/calls/${callId}/webhook-deliveries?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(rest.body.data).toHaveLength(1);
    expect(rest.body.has_more).toBe(false);
  });

  test("members get 403; another org's call and an unknown call are 404", async () => {
    const member = await h.newKey("member");
    const forMember = await h.json("GET", `/api/v1/calls/${callId}/webhook-deliveries`, { key: member });
    expect(forMember.status).toBe(403);
    const other = await h.newOrg();
    const forOther = await h.json("GET", `/api/v1/calls/${callId}/webhook-deliveries`, {
      key: other.ownerKey,
    });
    expect(forOther.status).toBe(404);
    const unknown = await h.json("GET", `/api/v1/calls/${newId("call")}/webhook-deliveries`);
    expect(unknown.status).toBe(404);
    expect((unknown.body as { code: string }).code).toBe("not_found");
  });
});
