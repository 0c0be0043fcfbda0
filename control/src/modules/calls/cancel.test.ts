import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq } from "drizzle-orm";
import { calls } from "../../db/schema.ts";
import { addCredits, addNumber, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

describe("POST /calls/{id}/cancel", () => {
  let h: Harness;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1"] } });
    agentId = await createAgent(h);
    await addNumber(h, { agentId });
    await addCredits(h, 1000);
  });
  afterAll(async () => {
    await h.close();
  });

  async function placeCall(): Promise<string> {
    const placed = await h.json<{ id: string }>("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550142" },
    });
    expect(placed.status).toBe(201);
    return placed.body.id;
  }

  test("a dispatched call is handed to the gateways: 202, marker and broadcast", async () => {
    const heard: string[] = [];
    const unsubscribe = await h.ctx.bus.subscribe(Channels.callCancel, (callId) => heard.push(callId));
    const callId = await placeCall();
    const response = await h.json<{ status: string }>("POST", `/api/v1/calls/${callId}/cancel`);
    expect(response.status).toBe(202);
    expect(response.body.status).toBe("queued");
    expect(await h.ctx.bus.hashGet(Hashes.canceledCalls, callId)).toBe("1");
    await waitFor("the cancel broadcast", () => heard.includes(callId));
    await unsubscribe();
  });

  test("a queued call no gateway was handed is cancelled at once, then 409", async () => {
    const callId = await placeCall();
    // As after a failed append: the outbox has not handed it to any gateway.
    await h.ctx.db.update(calls).set({ dispatchedAt: null }).where(eq(calls.id, callId));
    const response = await h.json<{ status: string; hangup_cause: string; cost_cents: number }>(
      "POST",
      `/api/v1/calls/${callId}/cancel`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "canceled", hangup_cause: "api_cancel", cost_cents: 0 });
    const [row] = await h.ctx.db.select().from(calls).where(eq(calls.id, callId));
    expect(row?.dispatchedAt).not.toBeNull();
    const again = await h.json<{ code: string }>("POST", `/api/v1/calls/${callId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("call_already_ended");
  });

  test("another org's call is a 404", async () => {
    const callId = await placeCall();
    const other = await h.newOrg();
    const response = await h.json("POST", `/api/v1/calls/${callId}/cancel`, { key: other.ownerKey });
    expect(response.status).toBe(404);
  });
});
