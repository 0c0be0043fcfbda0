// Two transactions charging the same call at once, on a PostgreSQL database of its own: PGlite
// serves one connection, so there two transactions never overlap. The second waits on the
// balance row the first holds, then finds the call in the ledger and moves nothing.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { newId } from "@switchboard/shared/ids";
import { and, eq } from "drizzle-orm";
import { type DatabaseHandle, openDatabase } from "../../db/client.ts";
import { creditLedger } from "../../db/schema.ts";
import { createFreshDatabase } from "../../testing/fresh-database.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";
import { createOrg } from "../orgs/service.ts";
import { chargeCall } from "./billing.ts";
import { TEST_CALL_EVENTS_CONFIG } from "./testing/rates.ts";

let database: { url: string; drop(): Promise<void> };
let handle: DatabaseHandle;

beforeAll(async () => {
  database = await createFreshDatabase("switchboard_charge");
  handle = await openDatabase({ databaseUrl: database.url, dataDir: null });
}, 30_000);

afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

test("the same call charged by two transactions at once is charged once", async () => {
  const org = await createOrg(handle.db, "charge-concurrency");
  const deps = { db: handle.db, bus: new MemoryBus(), config: TEST_CALL_EVENTS_CONFIG };
  await credit(deps, org.id, 1000, "purchase", "seed");
  const call = { id: newId("call"), orgId: org.id, direction: "inbound" as const };
  const { promise: charged, resolve: firstCharged } = Promise.withResolvers<void>();
  const { promise: released, resolve: releaseFirst } = Promise.withResolvers<void>();
  const first = handle.db.transaction(async (tx) => {
    const cents = await chargeCall(tx, TEST_CALL_EVENTS_CONFIG, call, 100);
    firstCharged();
    await released;
    return cents;
  });
  await charged;
  const second = handle.db
    .transaction((tx) => chargeCall(tx, TEST_CALL_EVENTS_CONFIG, call, 100))
    .then(
      (cents) => ({ cents, error: null }),
      (error: unknown) => ({ cents: 0, error }),
    );
  releaseFirst();
  expect(await first).toBe(100);
  const outcome = await second;
  expect(outcome.error === null ? outcome.cents : 0).toBe(0);
  expect(await getBalanceCents(handle.db, org.id)).toBe(900);
  const entries = await handle.db
    .select()
    .from(creditLedger)
    .where(and(eq(creditLedger.orgId, org.id), eq(creditLedger.kind, "call_usage")));
  expect(entries).toHaveLength(1);
});
