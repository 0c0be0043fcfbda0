import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { orgs } from "../../db/schema.ts";
import { createAgent, eventOf } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";

describe("tool calls on the transcript", () => {
  let h: Harness;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness();
    agentId = await createAgent(h);
  }, 30_000);
  afterAll(async () => {
    await h.close();
  });

  test("an agent turn's tool calls are stored with arguments and results masked like its text", async () => {
    await h.ctx.db
      .update(orgs)
      .set({ redaction: { entities: ["email"], patterns: [] } })
      .where(eq(orgs.id, h.orgId));
    const callId = `call_${crypto.randomUUID().replaceAll("-", "")}`;
    const started = eventOf(h, {
      type: "call.started",
      call_id: callId,
      direction: "inbound",
      agent_id: agentId,
      from_number: "+14155550111",
      to_number: "+14155550100",
      phone_number_id: null,
      answered_at: new Date().toISOString(),
    });
    expect(await applyCallEvent(h.ctx, started)).toBe("applied");
    const at = new Date().toISOString();
    const turn = eventOf(h, {
      type: "call.turn",
      call_id: callId,
      index: 0,
      turn: {
        role: "agent",
        text: "I sent it to you.",
        started_at: at,
        ended_at: at,
        interrupted: false,
        latency: null,
        tool_calls: [
          {
            name: "send_receipt",
            arguments: '{"email":"ada@example.com"}',
            result: '{"sent_to":"ada@example.com"}',
            duration_ms: 212,
            outcome: "completed",
          },
          { name: "lookup_order", arguments: "{}", result: null, duration_ms: 40, outcome: "cancelled" },
        ],
      },
    });
    expect(await applyCallEvent(h.ctx, turn)).toBe("applied");
    const detail = await h.json<{ transcript: Array<{ tool_calls?: Array<Record<string, unknown>> }> }>(
      "GET",
      `/api/v1/calls/${callId}`,
    );
    expect(detail.status).toBe(200);
    const calls = detail.body.transcript[0]!.tool_calls!;
    expect(calls).toHaveLength(2);
    expect(JSON.stringify(calls)).not.toContain("ada@example.com");
    expect(calls[0]).toMatchObject({ name: "send_receipt", duration_ms: 212, outcome: "completed" });
    expect(calls[1]).toEqual({
      name: "lookup_order",
      arguments: "{}",
      result: null,
      duration_ms: 40,
      outcome: "cancelled",
    });
  });
});
