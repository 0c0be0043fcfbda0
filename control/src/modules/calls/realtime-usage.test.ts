// A realtime call's token usage from call.ended on the bus to the call record: persisted once,
// shown on GET /calls/{id} and in the call.ended webhook, and charged with the call's minutes
// at REALTIME_TOKEN_PRICES exactly once however often the event is delivered.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Bus } from "@switchboard/shared/bus/contract";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import type { RealtimeUsage } from "@switchboard/shared/realtime";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { and, eq } from "drizzle-orm";
import { callEventsSeen, webhookDeliveries } from "../../db/schema.ts";
import { answerOf, harnessClient } from "../../testing/api-client/client.ts";
import {
  addCredits,
  addWebhookEndpoint,
  callCharges,
  createAgent,
  inboundCallEvents,
} from "../../testing/calls.ts";
import { createHarness, type Harness, testRedisBus } from "../../testing/harness.ts";
import { CALL_EVENTS_GROUP, startCallEventsConsumer } from "./consumer.ts";

const RATES = { inboundCentsPerMinute: 6, outboundCentsPerMinute: 12, webCentsPerMinute: 6 };
// Cents per million tokens.
const PRICES = {
  "gpt-realtime": { input_audio: 3200, output_audio: 6400, text: 1000 },
  "*": { input_audio: 1000, output_audio: 1000, text: 1000 },
};
const WAIT = { timeoutMs: 15_000, intervalMs: 50 };
const log = createLogger("silent");

/** A realtime call's events: the inbound call whose call.ended carries `usage` as given. */
function realtimeCallEvents(h: Harness, agentId: string, usage: unknown, durationS = 61): CallEvent[] {
  const events = inboundCallEvents(h, {
    callId: newId("call"),
    agentId,
    answeredAtMs: Date.now() - durationS * 1000,
    durationS,
  });
  const ended = events.at(-1)!;
  return [...events.slice(0, -1), { ...ended, usage } as CallEvent];
}

async function consumeAll(h: Harness, bus: Bus, events: CallEvent[], copies: number): Promise<void> {
  for (let copy = 0; copy < copies; copy++) {
    for (const event of events) await bus.append(Streams.callEvents, JSON.stringify(event));
  }
  const consumer = startCallEventsConsumer(h.ctx, log, {
    consumerName: "c1",
    claimIdleMs: 60_000,
    blockMs: 100,
  });
  try {
    const last = events.at(-1)!;
    await waitFor(
      "every copy of the call's events handled and acked",
      async () =>
        (await h.ctx.db.select().from(callEventsSeen).where(eq(callEventsSeen.eventId, last.event_id)))
          .length === 1 &&
        (await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "c1", 100)).length === 0,
      WAIT,
    );
  } finally {
    await consumer.stop();
  }
}

type CallBody = { usage: RealtimeUsage | null; cost_cents: number | null; status: string };

/** GET /calls/{id} through the typed client, as status and body. */
const callDetail = (h: Harness, callId: string) =>
  answerOf<CallBody>(
    harnessClient(h).GET("/api/v1/calls/{call_id}", { params: { path: { call_id: callId } } }),
  );

async function endedWebhook(h: Harness, callId: string): Promise<CallBody> {
  const rows = await h.ctx.db
    .select({ payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, h.orgId), eq(webhookDeliveries.eventType, "call.ended")));
  const payloads = rows.map((row) => JSON.parse(row.payload) as { data: CallBody & { id: string } });
  return payloads.find((payload) => payload.data.id === callId)!.data;
}

for (const backend of ["memory", "redis"] as const) {
  describe(`realtime usage over the ${backend} bus`, () => {
    let h: Harness;
    let bus: Bus;
    let agentId: string;

    beforeAll(async () => {
      bus = backend === "memory" ? new MemoryBus() : await testRedisBus();
      h = await createHarness({ bus, config: { ...RATES, realtimeTokenPrices: PRICES } });
      agentId = await createAgent(h, {
        realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" },
      });
      await addCredits(h, 10_000);
      await addWebhookEndpoint(h);
    }, 30_000);
    afterAll(async () => {
      await h.close();
      await bus.close();
    });

    test("usage is stored, shown and charged with the minutes once, though the event came twice", async () => {
      const usage = {
        model: "gpt-realtime",
        input_audio_tokens: 1500,
        output_audio_tokens: 2500,
        text_tokens: 800,
      };
      const events = realtimeCallEvents(h, agentId, usage);
      const callId = events[0]!.call_id;
      await consumeAll(h, bus, events, 2);
      const detail = await callDetail(h, callId);
      expect(detail.status).toBe(200);
      expect(detail.body.usage).toEqual(usage);
      // 61 s at 6 cents a minute: 7 cents. Tokens: 1500 x 3200 + 2500 x 6400 + 800 x 1000
      // = 21.6 million micro-cents: 22 cents. One charge of 29.
      expect(detail.body.cost_cents).toBe(29);
      expect(await callCharges(h, callId)).toEqual([-29]);
      expect((await endedWebhook(h, callId)).usage).toEqual(usage);
      const listed = await harnessClient(h).GET("/api/v1/calls", { params: { query: { limit: 100 } } });
      expect(listed.data!.data.find((call) => call.id === callId)?.usage).toEqual(usage);
    });

    test("a model without its own price pays the `*` price", async () => {
      const usage = {
        model: "gpt-realtime-mini",
        input_audio_tokens: 10_000,
        output_audio_tokens: 0,
        text_tokens: 0,
      };
      const events = realtimeCallEvents(h, agentId, usage, 60);
      await consumeAll(h, bus, events, 1);
      // 6 cents for the minute and 10 for ten thousand input audio tokens at 1000 cents a million.
      expect(await callCharges(h, events[0]!.call_id)).toEqual([-16]);
    });

    test("a pipeline call has usage null and pays its minutes only; a malformed usage counts as none", async () => {
      for (const usage of [
        undefined,
        { model: "gpt-realtime", input_audio_tokens: -5, output_audio_tokens: 1, text_tokens: 1 },
      ]) {
        const events = realtimeCallEvents(h, agentId, usage);
        const callId = events[0]!.call_id;
        await consumeAll(h, bus, events, 1);
        const detail = await callDetail(h, callId);
        expect(detail.body.usage).toBeNull();
        expect(detail.body.cost_cents).toBe(7);
      }
    });
  });
}
