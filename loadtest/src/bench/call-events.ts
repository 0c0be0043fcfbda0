// Call events persisted per second: N answered inbound calls (6 events each: ringing,
// started, three turns, ended with billing and webhooks) appended to Streams.callEvents on
// Redis, then applied by C consumers of the control group.
//   bun loadtest/src/bench/call-events.ts [calls=300] [consumers=1]
// Database: PGlite in memory, or TEST_DATABASE=postgres with TEST_DATABASE_URL.

import { calls } from "@switchboard/control/src/db/schema";
import { startCallEventsConsumer } from "@switchboard/control/src/modules/calls/consumer";
import { addCredits, createAgent, inboundCallEvents } from "@switchboard/control/src/testing/calls";
import { createHarness, testDatabase, testRedisBus } from "@switchboard/control/src/testing/harness";
import { Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { and, count, eq } from "drizzle-orm";

const callCount = Number(process.argv[2] ?? 300);
const consumerCount = Number(process.argv[3] ?? 1);

const bus = await testRedisBus();
const h = await createHarness({ bus });
const agentId = await createAgent(h);
await addCredits(h, 10_000_000);
for (let i = 0; i < callCount; i++) {
  const callId = newId("call");
  for (const event of inboundCallEvents(h, {
    callId,
    agentId,
    answeredAtMs: Date.now() - 60_000,
    durationS: 60,
  })) {
    await bus.append(Streams.callEvents, JSON.stringify(event));
  }
}

const startedMs = performance.now();
const consumers = Array.from({ length: consumerCount }, (_, index) =>
  startCallEventsConsumer(h.ctx, createLogger("silent"), {
    consumerName: `bench-${index}`,
    claimIdleMs: 60_000,
    blockMs: 50,
  }),
);
for (;;) {
  const [row] = await h.ctx.db
    .select({ completed: count() })
    .from(calls)
    .where(and(eq(calls.orgId, h.orgId), eq(calls.status, "completed")));
  if ((row?.completed ?? 0) >= callCount) break;
  await Bun.sleep(20);
}
const elapsedMs = performance.now() - startedMs;
const events = callCount * 6;
console.log(
  `${process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite"}: ${events} events by ${consumerCount} consumer(s) in ${elapsedMs.toFixed(0)} ms = ${((events * 1000) / elapsedMs).toFixed(0)} events/s`,
);
for (const consumer of consumers) await consumer.stop();
await h.close();
await bus.close();
await (await testDatabase()).close();
