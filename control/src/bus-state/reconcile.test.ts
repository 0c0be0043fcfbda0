// One reconciliation makes the bus match the database exactly, on both bus backends: stale,
// missing and unwanted entries of every kind are repaired, gateways hear of each, and the
// "state published" marker is written; a bus emptied mid-run is never declared published.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Bus } from "@switchboard/shared/bus/contract";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { STATE_GENERATION_FIELD, STATE_PUBLISHED_AT_FIELD } from "@switchboard/shared/bus/state";
import { Channels, Hashes, knowledgeSourcesHash } from "@switchboard/shared/bus/topics";
import type { PublishedSource } from "@switchboard/shared/knowledge/published";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq } from "drizzle-orm";
import { knowledgeChunks, knowledgeSources } from "../db/schema.ts";
import { credit } from "../modules/credits/ledger.ts";
import { createHarness, type Harness, testRedisBus } from "../testing/harness.ts";
import { stockInventory } from "../testing/numbers.ts";
import { rejection } from "../testing/rejection.ts";
import { BusEmptiedDuringRebuild, reconcileBusState } from "./reconcile.ts";

const backends: [string, () => Promise<Bus>][] = [
  ["memory", async () => new MemoryBus()],
  ["redis", () => testRedisBus()],
];

for (const [name, connect] of backends) {
  describe(`bus reconciliation on the ${name} bus`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({ bus: await connect() });
    });
    afterAll(async () => {
      await h.close();
      await h.ctx.bus.close();
    });

    test("drift of every kind is repaired from the database, with invalidations, then the marker", async () => {
      const { bus } = h.ctx;
      const org = await h.newOrg();
      const as = { key: org.ownerKey };
      await credit(h.ctx, org.orgId, 2500, "purchase", `seed-${crypto.randomUUID()}`);
      const agent = await h.json<{ id: string; name: string }>("POST", "/api/v1/agents", {
        ...as,
        body: { name: "Front desk", first_message: "Hello." },
      });
      expect(agent.status).toBe(201);
      const [numberE164] = await stockInventory(h.ctx.db, 1);
      const number = await h.json<{ id: string }>("POST", "/api/v1/phone-numbers", {
        ...as,
        body: { phone_number: numberE164, agent_id: agent.body.id },
      });
      expect(number.status).toBe(201);
      const trunk = await h.json<{ id: string }>("POST", "/api/v1/trunks", {
        ...as,
        body: { name: "carrier", outbound_uri: "sip:127.0.0.1:5099", destination_countries: ["US"] },
      });
      expect(trunk.status).toBe(201);
      const balance = (await h.json<{ balance_cents: number }>("GET", "/api/v1/credits/balance", as)).body
        .balance_cents;
      // Everything the API wrote is on the bus; one full rebuild puts every other org's there too.
      await reconcileBusState(h.ctx);
      const published = {
        snapshot: await bus.hashGet(Hashes.agentSnapshots, agent.body.id),
        route: await bus.hashGet(Hashes.numberRoutes, numberE164!),
        trunk: await bus.hashGet(Hashes.trunks, trunk.body.id),
        rates: await bus.hashGet(Hashes.orgRates, org.orgId),
        otherOrgLimit: await bus.hashGet(Hashes.orgCallLimits, h.orgId),
      };
      expect(JSON.parse(published.snapshot!).name).toBe("Front desk");
      expect(JSON.parse(published.route!)).toMatchObject({ agent_id: agent.body.id, org_id: org.orgId });

      // Drift: stale, missing and unwanted entries, and no marker (a flushed Redis).
      const stale = { ...JSON.parse(published.snapshot!), name: "Stale name", first_message: "Old." };
      await bus.hashSet(Hashes.agentSnapshots, agent.body.id, JSON.stringify(stale));
      await bus.hashSet(Hashes.agentSnapshots, "agt_deleted_long_ago", JSON.stringify({ org_id: org.orgId }));
      await bus.hashDelete(Hashes.numberRoutes, numberE164!);
      await bus.hashSet(Hashes.numberRoutes, "+19995550199", JSON.stringify({ org_id: org.orgId }));
      await bus.hashSet(Hashes.creditBalances, org.orgId, "999999");
      // (Another org's: a cap's repair republishes its org's rates too.)
      await bus.hashSet(Hashes.orgCallLimits, h.orgId, "1");
      await bus.hashDelete(Hashes.orgRates, org.orgId);
      await bus.hashDelete(Hashes.trunks, trunk.body.id);
      await bus.hashSet(Hashes.trunks, "trk_released", "{}");
      await bus.hashDelete(Hashes.knowledgeRevisions, org.orgId);
      await bus.hashDelete(Hashes.controlState, STATE_PUBLISHED_AT_FIELD);

      const heard = { agents: [] as string[], routes: [] as string[], trunks: [] as string[] };
      const unsubscribes = [
        await bus.subscribe(Channels.agentInvalidated, (id) => heard.agents.push(id)),
        await bus.subscribe(Channels.numberRouteInvalidated, (e164) => heard.routes.push(e164)),
        await bus.subscribe(Channels.trunkInvalidated, (id) => heard.trunks.push(id)),
      ];
      const report = await reconcileBusState(h.ctx);
      expect(report.repaired).toEqual({
        agentSnapshots: 2,
        numberRoutes: 2,
        creditBalances: 1,
        orgCallLimits: 1,
        orgRates: 1,
        trunks: 2,
        knowledgeRevisions: 1,
      });

      // The bus holds exactly what the database says.
      expect(await bus.hashGet(Hashes.agentSnapshots, agent.body.id)).toBe(published.snapshot);
      expect(await bus.hashGet(Hashes.agentSnapshots, "agt_deleted_long_ago")).toBeNull();
      expect(await bus.hashGet(Hashes.numberRoutes, numberE164!)).toBe(published.route);
      expect(await bus.hashGet(Hashes.numberRoutes, "+19995550199")).toBeNull();
      expect(await bus.hashGet(Hashes.creditBalances, org.orgId)).toBe(String(balance));
      expect(await bus.hashGet(Hashes.orgCallLimits, h.orgId)).toBe(published.otherOrgLimit);
      expect(published.otherOrgLimit).not.toBe("1");
      expect(await bus.hashGet(Hashes.orgRates, org.orgId)).toBe(published.rates);
      expect(await bus.hashGet(Hashes.trunks, trunk.body.id)).toBe(published.trunk);
      expect(await bus.hashGet(Hashes.trunks, "trk_released")).toBeNull();
      expect(await bus.hashGet(Hashes.knowledgeRevisions, org.orgId)).not.toBeNull();
      expect(Number(await bus.hashGet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD))).toBeGreaterThan(0);
      expect(report.generation).toBe(Number(await bus.hashGet(Hashes.controlState, STATE_GENERATION_FIELD)));
      const again = await reconcileBusState(h.ctx);
      expect(again.total).toBe(0);
      expect(again.generation).toBe(report.generation + 1);

      // Gateways dropped what they cached of each repaired entry.
      await waitFor(
        "invalidations of the repaired agents, routes and trunks",
        () => heard.agents.length >= 2 && heard.routes.length >= 2 && heard.trunks.length >= 2,
      );
      expect(heard.agents.sort()).toEqual([agent.body.id, "agt_deleted_long_ago"].sort());
      expect(heard.routes.sort()).toEqual([numberE164!, "+19995550199"].sort());
      expect(heard.trunks.sort()).toEqual([trunk.body.id, "trk_released"].sort());
      for (const unsubscribe of unsubscribes) await unsubscribe();
    });

    test("knowledge: each org's sources hash is rebuilt, a changed source republished, unknown ones dropped", async () => {
      const { bus, db } = h.ctx;
      const org = await h.newOrg();
      const other = await h.newOrg();
      const sourceId = `ks_${crypto.randomUUID().replaceAll("-", "")}`;
      await db.insert(knowledgeSources).values({
        id: sourceId,
        orgId: org.orgId,
        kind: "text",
        title: "Opening hours",
        content: "We open at nine.",
        contentHash: "hash-1",
        status: "ready",
        chunkCount: 1,
        embeddingModel: "test-model",
      });
      const vector = Buffer.from(new Float32Array([0.5, 0.25, 0, 1]).buffer);
      await db
        .insert(knowledgeChunks)
        .values({ sourceId, ordinal: 0, text: "We open at nine.", tokenCount: 4, vector });
      const first = await reconcileBusState(h.ctx);
      expect(first.repaired.knowledgeSources).toBeGreaterThanOrEqual(1);
      const publishedOf = async (orgId: string, id: string) => {
        const json = await bus.hashGet(knowledgeSourcesHash(orgId), id);
        return json === null ? null : (JSON.parse(json) as PublishedSource);
      };
      expect(await publishedOf(org.orgId, sourceId)).toMatchObject({ content_hash: "hash-1", dimensions: 4 });
      const revision = await bus.hashGet(Hashes.knowledgeRevisions, org.orgId);

      // A re-embedding whose publish was lost, and sources the database never had.
      await db
        .update(knowledgeSources)
        .set({ contentHash: "hash-2" })
        .where(eq(knowledgeSources.id, sourceId));
      await bus.hashSet(knowledgeSourcesHash(org.orgId), "ks_gone", "{}");
      await bus.hashSet(knowledgeSourcesHash(other.orgId), "ks_never", "{}");
      const changes: string[] = [];
      const unsubscribe = await bus.subscribe(Channels.knowledgeChanged, (message) => changes.push(message));
      const report = await reconcileBusState(h.ctx);
      expect(report.repaired.knowledgeSources).toBe(3);
      expect((await publishedOf(org.orgId, sourceId))?.content_hash).toBe("hash-2");
      expect(await bus.hashGet(knowledgeSourcesHash(org.orgId), "ks_gone")).toBeNull();
      expect(await bus.hashGetAll(knowledgeSourcesHash(other.orgId))).toEqual({});
      expect(await bus.hashGet(Hashes.knowledgeRevisions, org.orgId)).not.toBe(revision);
      await waitFor("three knowledge changes announced", () => changes.length >= 3);
      const announced = changes.map(
        (message) => JSON.parse(message) as { source_id: string; removed: boolean },
      );
      expect(announced.map((change) => [change.source_id, change.removed]).sort()).toEqual(
        [
          [sourceId, false],
          ["ks_gone", true],
          ["ks_never", true],
        ].sort(),
      );
      await unsubscribe();
      expect((await reconcileBusState(h.ctx)).total).toBe(0);
    });

    test("a bus emptied during the rebuild is not declared published", async () => {
      // A flush between the start of the run and its marker: the run's own mark goes with it.
      let emptied = false;
      const flushing: Bus = new Proxy(h.ctx.bus, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property !== "hashGetAll") return typeof value === "function" ? value.bind(target) : value;
          return async (key: string) => {
            if (!emptied) {
              emptied = true;
              const state = await target.hashGetAll(Hashes.controlState);
              for (const field of Object.keys(state)) await target.hashDelete(Hashes.controlState, field);
            }
            return target.hashGetAll(key);
          };
        },
      });
      expect(await rejection(reconcileBusState({ ...h.ctx, bus: flushing }))).toBeInstanceOf(
        BusEmptiedDuringRebuild,
      );
      expect(await h.ctx.bus.hashGet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD)).toBeNull();
      await reconcileBusState(h.ctx);
      expect(await h.ctx.bus.hashGet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD)).not.toBeNull();
    });
  });
}
