import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { eq } from "drizzle-orm";
import { calls, callTurns } from "../../db/schema.ts";
import { agentTurn, eventOf, userTurn } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";

describe("turn events and a call's first status", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  }, 30_000);
  afterAll(async () => {
    await h.close();
  });

  async function callRow(callId: string) {
    const [row] = await h.ctx.db.select().from(calls).where(eq(calls.id, callId));
    return row;
  }

  test("a first ringing creates the call ringing, on the event's gateway", async () => {
    const callId = newId("call");
    const ringing = eventOf(h, {
      type: "call.status",
      call_id: callId,
      status: "ringing",
      gateway_id: "gw-a",
    });
    expect(await applyCallEvent(h.ctx, ringing)).toBe("applied");
    const row = await callRow(callId);
    expect(row?.status).toBe("ringing");
    expect(row?.gatewayId).toBe("gw-a");
    expect(await applyCallEvent(h.ctx, ringing)).toBe("duplicate");
  });

  test("a turn of a known call is stored whole and touches the call's gateway and time", async () => {
    const callId = newId("call");
    await applyCallEvent(h.ctx, eventOf(h, { type: "call.status", call_id: callId, status: "ringing" }));
    const before = await callRow(callId);
    const startedAtMs = Date.parse("2026-01-02T03:04:05.678Z");
    const turn = eventOf(h, {
      type: "call.turn",
      call_id: callId,
      index: 4,
      turn: agentTurn(startedAtMs, 812.6, "Sure, for how many?"),
      gateway_id: "gw-b",
    });
    expect(await applyCallEvent(h.ctx, turn)).toBe("applied");

    const [stored] = await h.ctx.db.select().from(callTurns).where(eq(callTurns.id, turn.event_id));
    expect(stored).toMatchObject({
      callId,
      orgId: h.orgId,
      ordinal: 4,
      role: "agent",
      text: "Sure, for how many?",
      interrupted: false,
      toolCalls: null,
      totalMs: 813,
    });
    expect(stored?.startedAt.toISOString()).toBe("2026-01-02T03:04:05.678Z");
    expect(stored?.endedAt.toISOString()).toBe("2026-01-02T03:04:07.178Z");
    expect(stored?.latency).toEqual(agentTurn(startedAtMs, 812.6).latency);
    const after = await callRow(callId);
    expect(after?.gatewayId).toBe("gw-b");
    expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
  });

  test("a turn of an unknown call creates the call; one of another org's call changes nothing", async () => {
    const callId = newId("call");
    const first = eventOf(h, { type: "call.turn", call_id: callId, index: 0, turn: userTurn(Date.now()) });
    expect(await applyCallEvent(h.ctx, first)).toBe("applied");
    expect((await callRow(callId))?.orgId).toBe(h.orgId);

    const other = await h.newOrg();
    const hijack = eventOf(
      h,
      { type: "call.turn", call_id: callId, index: 1, turn: userTurn(Date.now()), gateway_id: "gw-evil" },
      other.orgId,
    );
    expect(await applyCallEvent(h.ctx, hijack)).toBe("unknown_org");
    const turns = await h.ctx.db.select().from(callTurns).where(eq(callTurns.callId, callId));
    expect(turns.map((row) => row.id)).toEqual([first.event_id]);
    expect((await callRow(callId))?.gatewayId).toBe("gw-test");
  });
});
