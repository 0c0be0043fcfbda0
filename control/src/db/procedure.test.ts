// Database procedures on the test run's database: on PGlite they run on its thread in one
// message, on PostgreSQL here; either way their transaction commits or rolls back whole.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { eq } from "drizzle-orm";
import { testDatabase } from "../testing/harness.ts";
import type { DatabaseHandle } from "./client.ts";
import { runProcedure } from "./procedure.ts";
import { orgs } from "./schema.ts";
import { sqlStateOf } from "./sql-state.ts";
import { writeOrgAndReport } from "./testing/procedures.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await testDatabase();
}, 120_000);
afterAll(async () => {
  await handle.db.delete(orgs).where(eq(orgs.name, "procedure-test"));
});

const orgNamed = async (orgId: string) =>
  (await handle.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)))[0]?.name ?? null;

test("a procedure commits its transaction and returns its result, on PGlite's thread when embedded", async () => {
  const orgId = newId("org");
  const result = await runProcedure(handle.db, writeOrgAndReport, { orgId, failAfterWrite: false });
  expect(result.name).toBe("procedure-test");
  expect(result.onMainThread).toBe(handle.kind === "postgres");
  // Structured clone keeps dates.
  expect(result.createdAt).toBeInstanceOf(Date);
  expect(await orgNamed(orgId)).toBe("procedure-test");
});

test("a procedure that fails rolls its transaction back and rejects with drizzle's error around the database's", async () => {
  const orgId = newId("org");
  const failed = runProcedure(handle.db, writeOrgAndReport, { orgId, failAfterWrite: true });
  const error = (await failed.catch((caught: unknown) => caught)) as Error & { cause?: Error };
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toContain("select 1 / 0");
  expect(sqlStateOf(error)).toBe("22012");
  expect(error.cause?.message).toContain("division by zero");
  expect(await orgNamed(orgId)).toBeNull();
});
