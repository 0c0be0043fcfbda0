// A database procedure for procedure.test.ts: it writes an org in a transaction, optionally
// fails inside it, and says which thread it ran on.
import { eq, sql } from "drizzle-orm";
import { databaseProcedure } from "../procedure.ts";
import { orgs } from "../schema.ts";

export const writeOrgAndReport = databaseProcedure(
  import.meta.url,
  "writeOrgAndReport",
  (db, input: { orgId: string; failAfterWrite: boolean }) =>
    db.transaction(async (tx) => {
      await tx.insert(orgs).values({ id: input.orgId, name: "procedure-test" });
      if (input.failAfterWrite) await tx.execute(sql`select 1 / 0`);
      const [row] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, input.orgId));
      return { name: row?.name ?? null, onMainThread: Bun.isMainThread, createdAt: new Date(0) };
    }),
);
