import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq } from "drizzle-orm";
import { calls } from "../../db/schema.ts";
import { type ApiClient, harnessClient } from "../../testing/api-client/client.ts";
import { addCredits, addNumber, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";

const cancelOf = (callId: string) => ({ params: { path: { call_id: callId } } });

describe("POST /calls/{id}/cancel", () => {
  let h: Harness;
  let api: ApiClient;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1"] } });
    api = harnessClient(h);
    agentId = await createAgent(h);
    await addNumber(h, { agentId });
    await addCredits(h, 1000);
  });
  afterAll(async () => {
    await h.close();
  });

  async function placeCall(): Promise<string> {
    const placed = await api.POST("/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550142" },
    });
    expect(placed.response.status).toBe(201);
    return placed.data!.id;
  }

  test("a dispatched call is handed to the gateways: 202, marker and broadcast", async () => {
    const heard: string[] = [];
    const unsubscribe = await h.ctx.bus.subscribe(Channels.callCancel, (callId) => heard.push(callId));
    const callId = await placeCall();
    const response = await api.POST("/api/v1/calls/{call_id}/cancel", cancelOf(callId));
    expect(response.response.status).toBe(202);
    expect(response.data!.status).toBe("queued");
    expect(await h.ctx.bus.hashGet(Hashes.canceledCalls, callId)).toBe("1");
    await waitFor("the cancel broadcast", () => heard.includes(callId));
    await unsubscribe();
  });

  test("a queued call no gateway was handed is cancelled at once, then 409", async () => {
    const callId = await placeCall();
    // As after a failed append: the outbox has not handed it to any gateway.
    await h.ctx.db.update(calls).set({ dispatchedAt: null }).where(eq(calls.id, callId));
    const response = await api.POST("/api/v1/calls/{call_id}/cancel", cancelOf(callId));
    expect(response.response.status).toBe(200);
    expect(response.data!).toMatchObject({ status: "canceled", hangup_cause: "api_cancel", cost_cents: 0 });
    const [row] = await h.ctx.db.select().from(calls).where(eq(calls.id, callId));
    expect(row?.dispatchedAt).not.toBeNull();
    const again = await api.POST("/api/v1/calls/{call_id}/cancel", cancelOf(callId));
    expect(again.response.status).toBe(409);
    expect(again.error!.code).toBe("call_already_ended");
  });

  test("another org's call is a 404", async () => {
    const callId = await placeCall();
    const other = await h.newOrg();
    const response = await harnessClient(h, other.ownerKey).POST(
      "/api/v1/calls/{call_id}/cancel",
      cancelOf(callId),
    );
    expect(response.response.status).toBe(404);
  });
});
