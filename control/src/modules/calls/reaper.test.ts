import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { encodeHeartbeat } from "@switchboard/shared/heartbeat";
import { newId } from "@switchboard/shared/ids";
import { answerOf, harnessClient, type ResponseBody } from "../../testing/api-client/client.ts";
import {
  addCredits,
  addWebhookEndpoint,
  callCharges,
  createAgent,
  inboundCallEvents,
  webhookTypes,
} from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";
import { GATEWAY_LOST_CAUSE, reapLostCalls } from "./reaper.ts";

const LOST_AFTER_MS = 1000;
const REAP = { lostAfterMs: LOST_AFTER_MS, ringingMaxMs: 600_000 };

type CallDetail = ResponseBody<"/api/v1/calls/{call_id}", "get">;

/** GET /calls/{id} through the typed client, as status and body. */
const callDetail = (h: Harness, callId: string) =>
  answerOf<CallDetail>(
    harnessClient(h).GET("/api/v1/calls/{call_id}", { params: { path: { call_id: callId } } }),
  );

describe("lost-gateway reaper", () => {
  let h: Harness;
  let agentId: string;
  const lostGateway = `gw-lost-${crypto.randomUUID().slice(0, 8)}`;
  const liveGateway = `gw-live-${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    h = await createHarness({ config: { inboundCentsPerMinute: 6 } });
    agentId = await createAgent(h);
    await addCredits(h, 5000);
    await addWebhookEndpoint(h);
  });
  afterAll(async () => {
    await h.ctx.bus.hashDelete(Hashes.gatewayHeartbeats, lostGateway);
    await h.ctx.bus.hashDelete(Hashes.gatewayHeartbeats, liveGateway);
    await h.close();
  });

  test("calls of a silent gateway end as failed with their transcript, billed once; live gateways keep theirs", async () => {
    const lostCall = newId("call");
    const liveCall = newId("call");
    const answeredAtMs = Date.now() - 120_000;
    // Everything up to the hang-up: ringing, started and three turns; the gateway dies before call.ended.
    const lostEvents = inboundCallEvents(h, {
      callId: lostCall,
      agentId,
      answeredAtMs,
      durationS: 0,
      gatewayId: lostGateway,
    }).slice(0, 5);
    const liveEvents = inboundCallEvents(h, {
      callId: liveCall,
      agentId,
      answeredAtMs,
      durationS: 0,
      gatewayId: liveGateway,
    }).slice(0, 2);
    for (const event of [...lostEvents, ...liveEvents]) await applyCallEvent(h.ctx, event);
    await h.ctx.bus.hashSet(Hashes.gatewayHeartbeats, lostGateway, String(Date.now() - 60_000));

    // Both gateways hold their calls' places in the org's cap.
    const scope = `calls:${h.orgId}`;
    await h.ctx.bus.acquireLease(scope, lostCall, lostGateway, 10, 600_000);
    await h.ctx.bus.acquireLease(scope, liveCall, liveGateway, 10, 600_000);

    // Nothing is lost while the last word from the gateway is recent.
    await h.ctx.bus.hashSet(Hashes.gatewayHeartbeats, liveGateway, String(Date.now()));
    await reapLostCalls(h.ctx, REAP);
    expect((await callDetail(h, lostCall)).body.status).toBe("in_progress");
    expect(await h.ctx.bus.countLeases(scope)).toBe(2);

    // The reaper's clock moved past the lost gateway's window; the live one beats at that time.
    const laterMs = Date.now() + LOST_AFTER_MS + 300;
    await h.ctx.bus.hashSet(Hashes.gatewayHeartbeats, liveGateway, String(laterMs));
    expect(await reapLostCalls(h.ctx, REAP, laterMs)).toBeGreaterThanOrEqual(1);
    expect(await reapLostCalls(h.ctx, REAP, laterMs)).toBe(0);
    // The lost gateway's place is free long before its lease would expire; the live one's stays.
    expect(await h.ctx.bus.countLeases(scope)).toBe(1);
    expect(await h.ctx.bus.releaseLease(scope, lostCall)).toBe(false);
    expect(await h.ctx.bus.releaseLease(scope, liveCall)).toBe(true);

    const lost = await callDetail(h, lostCall);
    expect(lost.body.status).toBe("failed");
    expect(lost.body.hangup_cause).toBe(GATEWAY_LOST_CAUSE);
    expect(lost.body.transcript).toHaveLength(3);
    // Billed from the answer to the gateway's last sign of life: about two minutes at 6 cents.
    expect(lost.body.duration_s!).toBeGreaterThan(119);
    expect(lost.body.duration_s!).toBeLessThan(130);
    expect(lost.body.cost_cents!).toBeGreaterThanOrEqual(12);
    expect(await callCharges(h, lostCall)).toEqual([-lost.body.cost_cents!]);

    const live = await callDetail(h, liveCall);
    expect(live.body.status).toBe("in_progress");

    // The gateway's own call.ended arriving late changes nothing and charges nothing more.
    const [lateEnd] = inboundCallEvents(h, {
      callId: lostCall,
      agentId,
      answeredAtMs,
      durationS: 600,
      gatewayId: lostGateway,
    }).slice(5);
    expect(await applyCallEvent(h.ctx, lateEnd!)).toBe("applied");
    const after = await callDetail(h, lostCall);
    expect(after.body.hangup_cause).toBe(GATEWAY_LOST_CAUSE);
    expect(after.body.cost_cents).toBe(lost.body.cost_cents);
    expect(await callCharges(h, lostCall)).toEqual([-lost.body.cost_cents!]);
    const types = await webhookTypes(h);
    expect(types.filter((type) => type === "call.failed")).toHaveLength(1);
    expect(types.filter((type) => type === "call.transcript.ready")).toHaveLength(1);
  });

  test("answered calls older than their gateway's current run end at once, even with a fresh heartbeat", async () => {
    const restartedGateway = `gw-restarted-${crypto.randomUUID().slice(0, 8)}`;
    const orphan = newId("call");
    const answeredAtMs = Date.now() - 40_000;
    const events = inboundCallEvents(h, {
      callId: orphan,
      agentId,
      answeredAtMs,
      durationS: 0,
      gatewayId: restartedGateway,
    }).slice(0, 3);
    for (const event of events) await applyCallEvent(h.ctx, event);
    const restartedAtMs = Date.now() - 1000;
    await h.ctx.bus.hashSet(
      Hashes.gatewayHeartbeats,
      restartedGateway,
      encodeHeartbeat({ last_seen_ms: Date.now(), started_ms: restartedAtMs }),
    );
    try {
      expect(await reapLostCalls(h.ctx, REAP)).toBeGreaterThanOrEqual(1);
    } finally {
      await h.ctx.bus.hashDelete(Hashes.gatewayHeartbeats, restartedGateway);
    }
    const detail = await callDetail(h, orphan);
    expect(detail.body.status).toBe("failed");
    expect(detail.body.hangup_cause).toBe(GATEWAY_LOST_CAUSE);
    expect(detail.body.transcript).toHaveLength(1);
    expect(Date.parse(detail.body.ended_at!)).toBeLessThanOrEqual(restartedAtMs);
    expect(await callCharges(h, orphan)).toHaveLength(1);
  });
});
