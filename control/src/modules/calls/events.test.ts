import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Bus } from "@switchboard/shared/bus/contract";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq } from "drizzle-orm";
import { callEventsSeen, calls, orgs, webhookDeliveries } from "../../db/schema.ts";
import { answerOf, harnessClient, type ResponseBody } from "../../testing/api-client/client.ts";
import {
  addCredits,
  addWebhookEndpoint,
  agentTurn,
  callCharges,
  createAgent,
  type EventBody,
  eventOf,
  inboundCallEvents,
  webhookTypes,
} from "../../testing/calls.ts";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { CALL_EVENTS_GROUP, startCallEventsConsumer } from "./consumer.ts";
import { applyCallEvent, applyCallEvents } from "./events.ts";

const RATES = { inboundCentsPerMinute: 6, outboundCentsPerMinute: 12, webCentsPerMinute: 6 };
const log = createLogger((process.env.TEST_LOG as "info") ?? "silent");

const WAIT = { timeoutMs: 15_000, intervalMs: 50 };

/**
 * An event of an org that does not exist: the consumer records its id and changes nothing.
 * Appended after the entries under test, its id in the table shows the consumer got past them.
 */
function sentinelEvent(h: Harness): CallEvent {
  return eventOf(h, { type: "call.status", call_id: newId("call"), status: "ringing" }, "org_gone");
}

async function seen(h: Harness, event: CallEvent): Promise<boolean> {
  const rows = await h.ctx.db.select().from(callEventsSeen).where(eq(callEventsSeen.eventId, event.event_id));
  return rows.length === 1;
}

async function appendAll(bus: Bus, events: CallEvent[]): Promise<void> {
  for (const event of events) await bus.append(Streams.callEvents, JSON.stringify(event));
}

type CallDetail = ResponseBody<"/api/v1/calls/{call_id}", "get">;

/** GET /calls/{id} through the typed client, as status and body. */
const callDetail = (h: Harness, callId: string) =>
  answerOf<CallDetail>(
    harnessClient(h).GET("/api/v1/calls/{call_id}", { params: { path: { call_id: callId } } }),
  );

for (const backend of ["memory", "redis"] as const) {
  describe(`call events over the ${backend} bus`, () => {
    let h: Harness;
    let bus: Bus;
    let agentId: string;

    beforeAll(async () => {
      bus = backend === "memory" ? new MemoryBus() : await testRedisBus();
      h = await createHarness({ bus, config: RATES });
      agentId = await createAgent(h);
      await addCredits(h, 10_000);
      await addWebhookEndpoint(h);
    });
    afterAll(async () => {
      await h.close();
      await bus.close();
    });

    test("a stream replayed twice persists every event once and bills once", async () => {
      const callId = newId("call");
      const events = inboundCallEvents(h, {
        callId,
        agentId,
        answeredAtMs: Date.now() - 61_000,
        durationS: 61,
      });
      await appendAll(bus, events);
      await appendAll(bus, events);
      const sentinel = sentinelEvent(h);
      await appendAll(bus, [sentinel]);
      const consumer = startCallEventsConsumer(h.ctx, log, {
        consumerName: "c1",
        claimIdleMs: 60_000,
        blockMs: 100,
      });
      try {
        // The sentinel went last: once it is handled and nothing is pending, every copy was.
        await waitFor(
          "both copies of the stream handled and acked",
          async () =>
            (await seen(h, sentinel)) &&
            (await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "c1", 100)).length === 0,
          WAIT,
        );
      } finally {
        await consumer.stop();
      }
      const detail = await callDetail(h, callId);
      expect(detail.body.status).toBe("completed");
      expect(detail.body.direction).toBe("inbound");
      expect(detail.body.agent_id).toBe(agentId);
      expect(detail.body.duration_s).toBe(61);
      // 61 s at 6 cents a minute: 6.1 cents, rounded up.
      expect(detail.body.cost_cents).toBe(7);
      expect(detail.body.transcript.map((turn) => turn.role)).toEqual(["agent", "user", "agent"]);
      expect(detail.body.transcript[2]!.latency!.total_ms).toBe(900);
      expect(await callCharges(h, callId)).toEqual([-7]);
      expect((await webhookTypes(h)).filter((type) => type.startsWith("call."))).toEqual([
        "call.ended",
        "call.started",
        "call.transcript.ready",
      ]);
      const balance = await bus.hashGet(Hashes.creditBalances, h.orgId);
      expect(Number(balance)).toBe(await getBalanceCents(h.ctx.db, h.orgId));
    });

    test("an event that cannot be stored holds back nothing else of its batch and stays pending", async () => {
      const callId = newId("call");
      const events = inboundCallEvents(h, {
        callId,
        agentId,
        answeredAtMs: Date.now() - 60_000,
        durationS: 60,
      });
      // PostgreSQL text cannot hold NUL, so this turn fails inside the batch's transaction.
      const poison = eventOf(h, {
        type: "call.turn",
        call_id: newId("call"),
        index: 0,
        turn: agentTurn(Date.now(), 500, "bad\u0000text"),
      });
      const sentinel = sentinelEvent(h);
      await appendAll(bus, [...events.slice(0, 3), poison, ...events.slice(3), sentinel]);
      const consumer = startCallEventsConsumer(h.ctx, log, {
        consumerName: "c-poison",
        claimIdleMs: 60_000,
        blockMs: 100,
      });
      try {
        await waitFor("the batch around the bad event applied", () => seen(h, sentinel), WAIT);
      } finally {
        await consumer.stop();
      }
      const detail = await callDetail(h, callId);
      expect(detail.body.status).toBe("completed");
      expect(detail.body.transcript).toHaveLength(3);
      expect(await callCharges(h, callId)).toEqual([-6]);
      expect(await seen(h, poison)).toBe(false);
      const pending = await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "c-poison", 100);
      expect(pending.map((entry) => JSON.parse(entry.data).event_id)).toEqual([poison.event_id]);
      await bus.ack(
        Streams.callEvents,
        CALL_EVENTS_GROUP,
        pending.map((entry) => entry.id),
      );
    });

    test("one batch of two orgs' calls: each is billed at its own org's prices and announced to its own endpoints", async () => {
      const other = await h.newOrg();
      await addCredits(h, 10_000, other.orgId);
      await h.ctx.db
        .update(orgs)
        .set({ rates: { inbound_cents_per_minute: 60 } })
        .where(eq(orgs.id, other.orgId));
      const hook = await harnessClient(h, other.ownerKey).POST("/api/v1/webhooks", {
        body: { url: "http://127.0.0.1:9/other", events: ["call.ended"] },
      });
      expect(hook.response.status).toBe(201);
      const ours = newId("call");
      const theirs = newId("call");
      const answeredAtMs = Date.now() - 60_000;
      const ourEvents = inboundCallEvents(h, { callId: ours, agentId, answeredAtMs, durationS: 60 });
      const theirEvents = inboundCallEvents(
        { ...h, orgId: other.orgId },
        {
          callId: theirs,
          agentId,
          answeredAtMs,
          durationS: 60,
        },
      );
      const interleaved = ourEvents.flatMap((event, index) => [event, theirEvents[index]!]);
      const outcomes = await applyCallEvents(h.ctx, [...interleaved, sentinelEvent(h)]);
      expect(outcomes).toEqual([...interleaved.map(() => "applied" as const), "unknown_org" as const]);
      expect(await callCharges(h, ours)).toEqual([-6]);
      expect(await callCharges(h, theirs)).toEqual([-60]);
      expect(await webhookTypes(h, other.orgId)).toEqual(["call.ended"]);
      const ourDeliveries = await h.ctx.db
        .select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.orgId, h.orgId));
      expect(
        ourDeliveries
          .filter((delivery) => delivery.payload.includes(ours))
          .map((delivery) => delivery.type)
          .sort(),
      ).toEqual(["call.ended", "call.started", "call.transcript.ready"]);
    });

    test("entries read by a consumer that died before acking are claimed by another", async () => {
      const callId = newId("call");
      const events = inboundCallEvents(h, {
        callId,
        agentId,
        answeredAtMs: Date.now() - 30_000,
        durationS: 30,
      });
      await bus.ensureGroup(Streams.callEvents, CALL_EVENTS_GROUP);
      await appendAll(bus, events);
      // The dead consumer read everything; it committed the first two events, then died before its ack.
      const taken = await bus.readGroup(Streams.callEvents, CALL_EVENTS_GROUP, "dead", {
        count: 100,
        blockMs: 100,
      });
      expect(taken.length).toBe(events.length);
      for (const event of events.slice(0, 2)) expect(await applyCallEvent(h.ctx, event)).toBe("applied");

      const survivor = startCallEventsConsumer(h.ctx, log, {
        consumerName: "survivor",
        claimIdleMs: 300,
        blockMs: 100,
      });
      try {
        // Polling the dead consumer's pending list would redeliver to it (and reset its idle
        // time), so the database is watched, then the survivor's own pending list.
        await waitFor(
          "the claimed events applied",
          async () => {
            const detail = await callDetail(h, callId);
            return detail.body.status === "completed" && detail.body.transcript.length === 3;
          },
          WAIT,
        );
        await waitFor(
          "the survivor to ack what it claimed",
          async () =>
            (await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "survivor", 100)).length === 0,
          WAIT,
        );
      } finally {
        await survivor.stop();
      }
      expect(await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "dead", 100)).toHaveLength(0);
      expect(await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "survivor", 100)).toHaveLength(0);
      const detail = await callDetail(h, callId);
      expect(detail.body.status).toBe("completed");
      expect(detail.body.transcript).toHaveLength(3);
      // 30 s at 6 cents a minute.
      expect(await callCharges(h, callId)).toEqual([-3]);
    });

    test("out of order: ended before started still ends the call, billed once", async () => {
      const callId = newId("call");
      const answeredAtMs = Date.now() - 90_000;
      const [ringing, started, , , , ended] = inboundCallEvents(h, {
        callId,
        agentId,
        answeredAtMs,
        durationS: 90,
      });
      const recording = eventOf(h, {
        type: "call.recording",
        call_id: callId,
        path: "/nonexistent/recording.wav",
        duration_s: 90,
        bytes: 2_880_044,
      });
      for (const event of [recording, ended!, started!, ringing!]) {
        expect(await applyCallEvent(h.ctx, event)).toBe("applied");
      }
      const detail = await callDetail(h, callId);
      expect(detail.body.status).toBe("completed");
      expect(detail.body.agent_id).toBe(agentId);
      expect(detail.body.answered_at).toBe(new Date(answeredAtMs).toISOString());
      expect(detail.body.hangup_cause).toBe("caller_hangup");
      expect(detail.body.recording_url).toBe(`/api/v1/calls/${callId}/recording`);
      expect(detail.body.cost_cents).toBe(9);
      expect(await callCharges(h, callId)).toEqual([-9]);
      for (const event of [ended!, started!]) expect(await applyCallEvent(h.ctx, event)).toBe("duplicate");
      expect(await callCharges(h, callId)).toEqual([-9]);
    });

    test("outbound calls are billed at the outbound rate; failures send call.failed", async () => {
      const callId = newId("call");
      const answeredAtMs = Date.now() - 90_200;
      await applyCallEvent(
        h.ctx,
        eventOf(h, {
          type: "call.started",
          call_id: callId,
          direction: "outbound",
          agent_id: agentId,
          from_number: "+16282000001",
          to_number: "+14155550142",
          phone_number_id: null,
          answered_at: new Date(answeredAtMs).toISOString(),
        }),
      );
      await applyCallEvent(
        h.ctx,
        eventOf(h, { type: "call.turn", call_id: callId, index: 0, turn: agentTurn(answeredAtMs + 50, 650) }),
      );
      await applyCallEvent(
        h.ctx,
        eventOf(h, {
          type: "call.ended",
          call_id: callId,
          status: "failed",
          hangup_cause: "media_timeout",
          ended_at: new Date().toISOString(),
          duration_s: 90.2,
        }),
      );
      const detail = await callDetail(h, callId);
      expect(detail.body.status).toBe("failed");
      // 90.2 s bills 91 s; at 12 cents a minute that is 18.2 cents, rounded up.
      expect(detail.body.cost_cents).toBe(19);
      expect(await callCharges(h, callId)).toEqual([-19]);
      expect(await webhookTypes(h)).toContain("call.failed");
    });

    test("a status creates an unseen call and only moves it forward; another org's status moves nothing", async () => {
      const callId = newId("call");
      const status = (value: "ringing" | "in_progress" | "completed", orgId = h.orgId) =>
        applyCallEvent(h.ctx, eventOf(h, { type: "call.status", call_id: callId, status: value }, orgId));
      expect(await status("ringing")).toBe("applied");
      expect((await callDetail(h, callId)).body).toMatchObject({ status: "ringing", direction: "inbound" });
      const other = await h.newOrg();
      expect(await status("in_progress", other.orgId)).toBe("unknown_org");
      expect((await callDetail(h, callId)).body.status).toBe("ringing");
      expect(await status("in_progress")).toBe("applied");
      expect(await status("ringing")).toBe("applied");
      // An end comes with call.ended (billed there), never with a status.
      expect(await status("completed")).toBe("applied");
      expect((await callDetail(h, callId)).body.status).toBe("in_progress");
    });

    test("events of another org never touch this org's calls, and unreadable entries are skipped", async () => {
      const callId = newId("call");
      const [, started] = inboundCallEvents(h, { callId, agentId, answeredAtMs: Date.now(), durationS: 1 });
      await applyCallEvent(h.ctx, started!);
      const other = await h.newOrg();
      const hijack = eventOf(
        h,
        {
          type: "call.ended",
          call_id: callId,
          status: "completed",
          hangup_cause: "x",
          ended_at: new Date().toISOString(),
          duration_s: 5,
        },
        other.orgId,
      );
      expect(await applyCallEvent(h.ctx, hijack)).toBe("unknown_org");
      const fieldSetters: EventBody[] = [
        {
          type: "call.started",
          call_id: callId,
          direction: "outbound",
          agent_id: "agt_hijack",
          from_number: "+15550001111",
          to_number: "+15550002222",
          phone_number_id: null,
          answered_at: new Date().toISOString(),
        },
        { type: "call.recording", call_id: callId, path: "hijack/recording.wav", duration_s: 5, bytes: 44 },
      ];
      for (const body of fieldSetters)
        expect(await applyCallEvent(h.ctx, eventOf(h, body, other.orgId))).toBe("unknown_org");
      const ghost = eventOf(
        h,
        { type: "call.status", call_id: newId("call"), status: "ringing" },
        "org_gone",
      );
      expect(await applyCallEvent(h.ctx, ghost)).toBe("unknown_org");
      const detail = await callDetail(h, callId);
      expect(detail.body).toMatchObject({ status: "in_progress", direction: "inbound", agent_id: agentId });
      expect(detail.body.from_number).not.toBe("+15550001111");
      const [row] = await h.ctx.db.select().from(calls).where(eq(calls.id, callId));
      expect(row!.recordingPath).toBeNull();

      await bus.append(Streams.callEvents, "not json");
      await bus.append(Streams.callEvents, JSON.stringify({ type: "call.ended" }));
      const sentinel = sentinelEvent(h);
      await appendAll(bus, [sentinel]);
      const consumer = startCallEventsConsumer(h.ctx, log, {
        consumerName: "c2",
        claimIdleMs: 60_000,
        blockMs: 100,
      });
      try {
        // Past the sentinel with nothing pending: the unreadable entries were read and acked.
        await waitFor(
          "the unreadable entries dropped and acked",
          async () =>
            (await seen(h, sentinel)) &&
            (await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "c2", 100)).length === 0,
          WAIT,
        );
      } finally {
        await consumer.stop();
      }
      expect((await callDetail(h, callId)).body.status).toBe("in_progress");
    });
  });
}
