// Batched persistence across a crash: a control process persisting call events in batches is
// SIGKILLed mid-stream (real PostgreSQL and Redis); another consumer claims what it left
// pending. Every event is recorded exactly once, every call billed exactly once.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { RedisBus } from "@switchboard/shared/bus/redis";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { type ScriptProcess, startScript } from "@switchboard/shared/testing/script-process";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { count, eq, inArray } from "drizzle-orm";
import { type DatabaseHandle, openDatabase } from "../../db/client.ts";
import { callEventsSeen, callTurns, creditLedger } from "../../db/schema.ts";
import { inboundCallEvents } from "../../testing/calls.ts";
import { createFreshDatabase } from "../../testing/fresh-database.ts";
import type { Harness } from "../../testing/harness.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";
import { createOrg } from "../orgs/service.ts";
import { CALL_EVENTS_GROUP, startCallEventsConsumer } from "./consumer.ts";
import { TEST_CALL_EVENTS_CONFIG } from "./testing/rates.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const CALLS = 300;
const DURATION_S = 60;
const RATES = TEST_CALL_EVENTS_CONFIG;
const WAIT = { timeoutMs: 60_000, intervalMs: 10 };

let database: { url: string; drop(): Promise<void> };
let handle: DatabaseHandle;
let bus: RedisBus;
let victim: ScriptProcess | null = null;
const keyPrefix = `sbtest:${crypto.randomUUID()}:`;

beforeAll(async () => {
  database = await createFreshDatabase("switchboard_kill");
  handle = await openDatabase({ databaseUrl: database.url, dataDir: null });
  bus = await RedisBus.connect(REDIS_URL, keyPrefix);
}, 30_000);

afterAll(async () => {
  await victim?.kill();
  await bus?.close();
  await handle?.close();
  await database?.drop();
});

async function seenCount(eventIds: string[]): Promise<number> {
  const [row] = await handle.db
    .select({ n: count() })
    .from(callEventsSeen)
    .where(inArray(callEventsSeen.eventId, eventIds));
  return row!.n;
}

test("a consumer killed mid-batch loses nothing and applies nothing twice", async () => {
  const org = await createOrg(handle.db, "kill-test");
  const deps = { db: handle.db, bus, config: RATES };
  await credit({ ...deps, bus: new MemoryBus() }, org.id, 1_000_000, "adjustment", newId("txn"), "test");
  const fixture = { orgId: org.id } as Harness;
  const callIds = Array.from({ length: CALLS }, () => newId("call"));
  const events: CallEvent[] = callIds.flatMap((callId) =>
    inboundCallEvents(fixture, {
      callId,
      agentId: "agt_kill",
      answeredAtMs: Date.now() - DURATION_S * 1000,
      durationS: DURATION_S,
    }),
  );
  const eventIds = events.map((event) => event.event_id);
  await bus.ensureGroup(Streams.callEvents, CALL_EVENTS_GROUP);
  for (const event of events) await bus.append(Streams.callEvents, JSON.stringify(event));

  victim = await startScript(join(import.meta.dir, "testing", "events-consumer-main.ts"), {
    env: {
      DATABASE_URL: database.url,
      REDIS_URL,
      BUS_KEY_PREFIX: keyPrefix,
      CONSUMER_NAME: "victim",
    },
    ready: /CONSUMING/,
  });
  await waitFor("the victim to commit some batches", async () => (await seenCount(eventIds)) > 0, WAIT);
  await victim.kill();
  const persistedAtKill = await seenCount(eventIds);
  // Killed mid-stream: some events were committed, the rest were left to the survivor.
  expect(persistedAtKill).toBeLessThan(events.length);

  const survivor = startCallEventsConsumer(deps, createLogger("silent"), {
    consumerName: "survivor",
    claimIdleMs: 200,
    blockMs: 100,
  });
  try {
    await waitFor("every event persisted", async () => (await seenCount(eventIds)) === events.length, WAIT);
    await waitFor(
      "nothing left pending",
      async () =>
        (await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "survivor", 10)).length === 0 &&
        (await bus.readPending(Streams.callEvents, CALL_EVENTS_GROUP, "victim", 10)).length === 0,
      WAIT,
    );
  } finally {
    await survivor.stop();
  }
  const charges = await handle.db
    .select({ reference: creditLedger.reference, amount: creditLedger.amountCents })
    .from(creditLedger)
    .where(eq(creditLedger.kind, "call_usage"));
  // 60 s at 6 cents a minute: 6 cents, once per call.
  expect(charges.length).toBe(CALLS);
  expect(new Set(charges.map((charge) => charge.reference))).toEqual(new Set(callIds));
  expect(charges.every((charge) => charge.amount === -6)).toBe(true);
  expect(await getBalanceCents(handle.db, org.id)).toBe(1_000_000 - 6 * CALLS);
  const [turns] = await handle.db
    .select({ n: count() })
    .from(callTurns)
    .where(inArray(callTurns.callId, callIds));
  expect(turns!.n).toBe(3 * CALLS);
}, 120_000);
