// How each hash control publishes is rebuilt from the database: its full expected content
// (computed by the same value functions the incremental publish paths write with) and the
// repair of one entry, which re-reads the database and goes through that entry's own publish
// path, invalidation message included.
import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes, HashFamilies } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { agents, creditBalances, knowledgeSources, orgs, phoneNumbers, trunks } from "../db/schema.ts";
import { toAgent } from "../modules/agents/present.ts";
import { agentSnapshotValue, publishAgentById } from "../modules/agents/snapshot.ts";
import { balanceValue, publishBalance } from "../modules/credits/ledger.ts";
import {
  ensureRevision,
  publishedSourceFingerprint,
  publishSource,
  sourceFingerprint,
} from "../modules/knowledge/publish.ts";
import { callLimitValue, publishOrg, ratesValue } from "../modules/orgs/service.ts";
import { signingSecretCiphertexts } from "../modules/orgs/signing-secret.ts";
import { publishRouteOf, routeValue } from "../modules/phone-numbers/routing.ts";
import { publishTrunkById, trunkValue } from "../modules/trunks/service.ts";

export interface BusStateDeps {
  db: Database;
  bus: Bus;
  config: Config;
}

/** field -> what it should hold (or its fingerprint), per hash key. */
export type ExpectedContent = Map<string, Map<string, string>>;

export interface PublishedHash {
  /** Every key of the hash (a family has one per org) with its fields as the database says. */
  expected(deps: BusStateDeps): Promise<ExpectedContent>;
  /** What an entry found on the bus is compared by; default: the value itself. */
  fingerprint?(value: string): string | null;
  /**
   * Brings one entry in line with the database as it is now: written, or deleted when it
   * should not exist, with the invalidation gateways need. `found` is what the bus held.
   */
  repair(deps: BusStateDeps, key: string, field: string, found: string | null): Promise<void>;
}

const oneKey = (key: string, fields: Map<string, string>): ExpectedContent => new Map([[key, fields]]);

/** The org id a stale JSON entry names (to tell that org's listeners), if any. */
function orgIdIn(json: string | null): string | null {
  try {
    const orgId = json === null ? null : (JSON.parse(json) as { org_id?: unknown }).org_id;
    return typeof orgId === "string" ? orgId : null;
  } catch {
    return null;
  }
}

const allOrgIds = async (db: Database): Promise<string[]> =>
  (await db.select({ id: orgs.id }).from(orgs)).map((row) => row.id);

export const agentSnapshots: PublishedHash = {
  async expected(deps) {
    const rows = await deps.db.select().from(agents);
    const secretsByOrg = new Map<string, string[]>();
    const fields = new Map<string, string>();
    for (const row of rows) {
      let secrets = secretsByOrg.get(row.orgId);
      if (!secrets) {
        secrets = await signingSecretCiphertexts(deps.db, deps.config, row.orgId);
        secretsByOrg.set(row.orgId, secrets);
      }
      fields.set(row.id, await agentSnapshotValue(deps, row.orgId, toAgent(row), secrets));
    }
    return oneKey(Hashes.agentSnapshots, fields);
  },
  repair: (deps, _key, agentId, found) => publishAgentById(deps, agentId, orgIdIn(found)),
};

export const numberRoutes: PublishedHash = {
  async expected(deps) {
    const rows = await deps.db.select().from(phoneNumbers);
    return oneKey(Hashes.numberRoutes, new Map(rows.map((row) => [row.phoneNumber, routeValue(row)])));
  },
  repair: (deps, _key, phoneNumber) => publishRouteOf(deps.db, deps.bus, phoneNumber),
};

export const creditBalanceHash: PublishedHash = {
  async expected(deps) {
    const rows = await deps.db
      .select({ orgId: creditBalances.orgId, balanceCents: creditBalances.balanceCents })
      .from(creditBalances);
    return oneKey(
      Hashes.creditBalances,
      new Map(rows.map((row) => [row.orgId, balanceValue(row.balanceCents)])),
    );
  },
  repair: async (deps, _key, orgId) => {
    await publishBalance(deps.db, deps.bus, orgId);
  },
};

export const orgCallLimits: PublishedHash = {
  async expected(deps) {
    const rows = await deps.db
      .select({ id: orgs.id, maxConcurrentCalls: orgs.maxConcurrentCalls })
      .from(orgs);
    return oneKey(Hashes.orgCallLimits, new Map(rows.map((row) => [row.id, callLimitValue(row)])));
  },
  repair: (deps, _key, orgId) => publishOrg(deps.db, deps.bus, deps.config, orgId),
};

export const orgRates: PublishedHash = {
  async expected(deps) {
    const rows = await deps.db.select({ id: orgs.id, rates: orgs.rates }).from(orgs);
    return oneKey(Hashes.orgRates, new Map(rows.map((row) => [row.id, ratesValue(deps.config, row)])));
  },
  repair: (deps, _key, orgId) => publishOrg(deps.db, deps.bus, deps.config, orgId),
};

export const trunkSnapshots: PublishedHash = {
  async expected(deps) {
    const rows = await deps.db.select().from(trunks);
    return oneKey(Hashes.trunks, new Map(rows.map((row) => [row.id, trunkValue(deps.config, row)])));
  },
  repair: (deps, _key, trunkId) => publishTrunkById(deps, trunkId),
};

/** One hash per org; an org with no ready source has an empty one (stale entries are found). */
export const knowledgeSourceHashes: PublishedHash = {
  async expected(deps) {
    const ready = await deps.db
      .select({
        id: knowledgeSources.id,
        orgId: knowledgeSources.orgId,
        title: knowledgeSources.title,
        contentHash: knowledgeSources.contentHash,
        model: knowledgeSources.embeddingModel,
      })
      .from(knowledgeSources)
      .where(and(eq(knowledgeSources.status, "ready"), isNotNull(knowledgeSources.embeddingModel)));
    const expected: ExpectedContent = new Map();
    for (const orgId of await allOrgIds(deps.db))
      expected.set(HashFamilies.knowledgeSources(orgId), new Map());
    for (const row of ready) {
      expected
        .get(HashFamilies.knowledgeSources(row.orgId))
        ?.set(
          row.id,
          sourceFingerprint({ contentHash: row.contentHash, model: row.model!, title: row.title }),
        );
    }
    return expected;
  },
  fingerprint: publishedSourceFingerprint,
  repair: (deps, key, sourceId) =>
    publishSource(deps.db, deps.bus, key.slice(HashFamilies.knowledgeSources("").length), sourceId),
};

/** Every org has a revision; its value is arbitrary (gateways only compare it). */
const ANY_REVISION = "present";

export const knowledgeRevisions: PublishedHash = {
  async expected(deps) {
    const fields = new Map((await allOrgIds(deps.db)).map((orgId) => [orgId, ANY_REVISION]));
    return oneKey(Hashes.knowledgeRevisions, fields);
  },
  fingerprint: () => ANY_REVISION,
  async repair(deps, key, orgId) {
    const [org] = await deps.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId));
    if (org) await ensureRevision(deps.bus, orgId);
    else await deps.bus.hashDelete(key, orgId);
  },
};
