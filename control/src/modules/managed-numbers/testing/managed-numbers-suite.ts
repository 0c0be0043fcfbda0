// What every `/numbers` test file starts from: `/numbers` is a number and its agent as one
// resource, on the agents' and numbers' services, so each error case sends the same request to
// the canonical route and expects the same answer. All test files share one process and one
// database, so each file calls useManagedNumbersSuite() for a harness of its own.
import { afterAll, beforeAll, expect } from "bun:test";
import { and, eq } from "drizzle-orm";
import { agents, creditLedger, numberInventory, phoneNumbers } from "../../../db/schema.ts";
import { answerOf, harnessClient } from "../../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../../testing/harness.ts";
import { stockInventory } from "../../../testing/numbers.ts";
import { credit } from "../../credits/ledger.ts";

export type Body = Record<string, unknown> & {
  code?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
};
export type Answer = { status: number; body: Body; headers: Headers };
export type Org = { orgId: string; ownerKey: string };

/** A public address: the tenant URL guard (ALLOW_PRIVATE_URLS unset here) lets it through. */
export const WEBHOOK_URL = "http://8.8.8.8:8080/voice";
export const PRIVATE_URL = "http://169.254.169.254/latest";

export const answer = (pending: Parameters<typeof answerOf>[0]) => answerOf<Body>(pending);
export const byId = (id: unknown) => ({ params: { path: { id: String(id) } } });
export const agentById = (id: unknown) => ({ params: { path: { agent_id: String(id) } } });

export function expectSameProblem(alias: Answer, canonical: Answer): void {
  expect({ status: alias.status, code: alias.body.code }).toEqual({
    status: canonical.status,
    code: canonical.body.code,
  });
  expect(alias.headers.get("content-type")).toContain("application/problem+json");
  expect(canonical.headers.get("content-type")).toContain("application/problem+json");
}

/** `harness` is set in the file's beforeAll; the helpers are arrow functions, safe to destructure. */
export class ManagedNumbersSuite {
  harness!: Harness;
  private areaCount = 0;

  /**
   * `areaCodes` must be the calling file's own: the inventory is shared by every file in the test
   * process, and a test that counts the unclaimed numbers of its area code must see only its own.
   */
  constructor(private readonly areaCodes: readonly string[]) {}

  as = (key: string) => harnessClient(this.harness, key);

  fundedOrg = async (cents = 5000): Promise<Org> => {
    const org = await this.harness.newOrg();
    if (cents > 0) await credit(this.harness.ctx, org.orgId, cents, "purchase", "seed");
    return org;
  };

  /** The next of this file's area codes (one per test while they last), with `count` numbers stocked in it. */
  stockedAreaCode = async (count = 2): Promise<string> => {
    if (this.areaCodes.length === 0) throw new Error("this suite was given no area codes to stock");
    const areaCode = this.areaCodes[this.areaCount++ % this.areaCodes.length]!;
    await stockInventory(this.harness.ctx.db, count, areaCode, "Test");
    return areaCode;
  };

  orgRows = async (orgId: string) => {
    const { db } = this.harness.ctx;
    const agentRows = await db.select().from(agents).where(eq(agents.orgId, orgId));
    const numberRows = await db.select().from(phoneNumbers).where(eq(phoneNumbers.orgId, orgId));
    const ledger = await db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.orgId, orgId), eq(creditLedger.kind, "number_purchase")));
    return { agents: agentRows, numbers: numberRows, charges: ledger };
  };

  unclaimed = async (areaCode: string): Promise<number> => {
    const rows = await this.harness.ctx.db.select().from(numberInventory);
    return rows.filter((row) => row.orgId === null && row.phoneNumber.startsWith(`+1${areaCode}`)).length;
  };
}

/** Registers this file's beforeAll and afterAll. */
export function useManagedNumbersSuite(options: { areaCodes: readonly string[] }): ManagedNumbersSuite {
  const suite = new ManagedNumbersSuite(options.areaCodes);
  beforeAll(async () => {
    suite.harness = await createHarness({ config: { allowPrivateUrls: false } });
  });
  afterAll(async () => {
    await suite.harness.close();
  });
  return suite;
}
