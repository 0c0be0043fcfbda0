import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { CallDirection, CallStatus } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { addCredits, agentTurn, createAgent, eventOf, userTurn } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "../calls/events.ts";

const dayMs = 86_400_000;
const baseMs = Date.parse("2026-02-10T00:00:00.000Z");

describe("GET /analytics/overview", () => {
  let h: Harness;
  let agentA: string;
  let agentB: string;

  async function call(options: {
    agentId: string;
    direction: CallDirection;
    status: CallStatus;
    atMs: number;
    durationS: number;
    agentTurnTotals: number[];
  }): Promise<void> {
    const callId = newId("call");
    const at = new Date(options.atMs).toISOString();
    const started = eventOf(h, {
      type: "call.started",
      call_id: callId,
      direction: options.direction,
      agent_id: options.agentId,
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: at,
    });
    await applyCallEvent(h.ctx, { ...started, occurred_at: at });
    for (const [index, totalMs] of options.agentTurnTotals.entries()) {
      await applyCallEvent(
        h.ctx,
        eventOf(h, {
          type: "call.turn",
          call_id: callId,
          index,
          turn: agentTurn(options.atMs + index * 1000, totalMs),
        }),
      );
    }
    await applyCallEvent(
      h.ctx,
      eventOf(h, { type: "call.turn", call_id: callId, index: 99, turn: userTurn(options.atMs) }),
    );
    await applyCallEvent(
      h.ctx,
      eventOf(h, {
        type: "call.ended",
        call_id: callId,
        status: options.status,
        hangup_cause: "test",
        ended_at: new Date(options.atMs + options.durationS * 1000).toISOString(),
        duration_s: options.durationS,
      }),
    );
  }

  beforeAll(async () => {
    h = await createHarness({
      config: { inboundCentsPerMinute: 6, outboundCentsPerMinute: 12, webCentsPerMinute: 6 },
    });
    agentA = await createAgent(h, { name: "A" });
    agentB = await createAgent(h, { name: "B" });
    await addCredits(h, 10_000);
    const at = (hours: number) => baseMs + hours * 3_600_000;
    await call({
      agentId: agentA,
      direction: "inbound",
      status: "completed",
      atMs: at(1),
      durationS: 60,
      agentTurnTotals: [100, 200],
    });
    await call({
      agentId: agentA,
      direction: "outbound",
      status: "completed",
      atMs: at(2),
      durationS: 30,
      agentTurnTotals: [300],
    });
    await call({
      agentId: agentB,
      direction: "inbound",
      status: "failed",
      atMs: at(3),
      durationS: 0,
      agentTurnTotals: [1000],
    });
    await call({
      agentId: agentB,
      direction: "web",
      status: "busy",
      atMs: at(4),
      durationS: 0,
      agentTurnTotals: [],
    });
    // Outside the window.
    await call({
      agentId: agentA,
      direction: "inbound",
      status: "completed",
      atMs: baseMs - dayMs,
      durationS: 600,
      agentTurnTotals: [5000],
    });
  });
  afterAll(async () => {
    await h.close();
  });

  test("a known data set gives its counts, minutes, spend and turn latency, per agent", async () => {
    const from = new Date(baseMs).toISOString();
    const to = new Date(baseMs + dayMs).toISOString();
    const response = await h.json<Record<string, unknown>>(
      "GET",
      `/api/v1/analytics/overview?from=${from}&to=${to}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      from,
      to,
      calls: 4,
      by_status: { completed: 2, failed: 1, busy: 1 },
      by_direction: { inbound: 2, outbound: 1, web: 1 },
      minutes: 1.5,
      // 60 s inbound at 6 cents a minute, 30 s outbound at 12.
      spend_cents: 12,
      turn_latency: { agent_turns: 4, average_ms: 400, p95_ms: 1000 },
      agents: [
        {
          agent_id: agentA,
          calls: 2,
          by_status: { completed: 2 },
          by_direction: { inbound: 1, outbound: 1 },
          minutes: 1.5,
          spend_cents: 12,
          turn_latency: { agent_turns: 3, average_ms: 200, p95_ms: 300 },
        },
        {
          agent_id: agentB,
          calls: 2,
          by_status: { failed: 1, busy: 1 },
          by_direction: { inbound: 1, web: 1 },
          minutes: 0,
          spend_cents: 0,
          turn_latency: { agent_turns: 1, average_ms: 1000, p95_ms: 1000 },
        },
      ].sort((a, b) => String(a.agent_id).localeCompare(String(b.agent_id))),
    });
  });

  test("an empty window, a bad window, and another org", async () => {
    const empty = await h.json<Record<string, unknown>>(
      "GET",
      "/api/v1/analytics/overview?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z",
    );
    expect(empty.status).toBe(200);
    expect(empty.body.calls).toBe(0);
    expect(empty.body.turn_latency).toEqual({ agent_turns: 0, average_ms: null, p95_ms: null });
    expect(empty.body.agents).toEqual([]);
    const reversed = await h.json<{ code: string }>(
      "GET",
      "/api/v1/analytics/overview?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z",
    );
    expect(reversed.status).toBe(422);
    const garbage = await h.json<{ code: string }>("GET", "/api/v1/analytics/overview?from=soon");
    expect(garbage.status).toBe(422);
    expect(garbage.body.code).toBe("validation_failed");
    const other = await h.newOrg();
    const foreign = await h.json<Record<string, unknown>>(
      "GET",
      `/api/v1/analytics/overview?from=${new Date(baseMs).toISOString()}&to=${new Date(baseMs + dayMs).toISOString()}`,
      { key: other.ownerKey },
    );
    expect(foreign.body.calls).toBe(0);
  });
});
