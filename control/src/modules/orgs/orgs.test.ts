import { afterAll, beforeAll, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { eq } from "drizzle-orm";
import { orgs } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { publishCallLimits } from "./service.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

test("every org's concurrent-call cap is published for the gateways", async () => {
  await h.ctx.db.update(orgs).set({ maxConcurrentCalls: 3 }).where(eq(orgs.id, h.orgId));
  const other = await h.newOrg();
  expect(await publishCallLimits(h.ctx.db, h.ctx.bus)).toBeGreaterThanOrEqual(2);
  expect(await h.ctx.bus.hashGet(Hashes.orgCallLimits, h.orgId)).toBe("3");
  expect(await h.ctx.bus.hashGet(Hashes.orgCallLimits, other.orgId)).toBe("10");
});
