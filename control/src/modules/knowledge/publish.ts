// Puts a ready source (texts + one Float32 vector blob) on the bus for gateways, or takes it
// off, then moves the org's revision and announces the change (see shared/src/knowledge.ts).
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes, knowledgeSourcesHash } from "@switchboard/shared/bus/topics";
import type { KnowledgeChange, PublishedSource } from "@switchboard/shared/knowledge";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { knowledgeChunks, knowledgeSources } from "../../db/schema.ts";

async function announce(bus: Bus, orgId: string, sourceId: string, removed: boolean): Promise<void> {
  const revision = crypto.randomUUID();
  await bus.hashSet(Hashes.knowledgeRevisions, orgId, revision);
  const change: KnowledgeChange = { org_id: orgId, source_id: sourceId, revision, removed };
  await bus.publish(Channels.knowledgeChanged, JSON.stringify(change));
}

export async function unpublishSource(bus: Bus, orgId: string, sourceId: string): Promise<void> {
  await bus.hashDelete(knowledgeSourcesHash(orgId), sourceId);
  await announce(bus, orgId, sourceId, true);
}

/** Publishes the source as stored now; a source that is not ready (or gone) is unpublished. */
export async function publishSource(db: Database, bus: Bus, orgId: string, sourceId: string): Promise<void> {
  const [source] = await db
    .select()
    .from(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.id, sourceId)));
  if (source?.status !== "ready" || !source.embeddingModel) {
    await unpublishSource(bus, orgId, sourceId);
    return;
  }
  const chunks = await db
    .select()
    .from(knowledgeChunks)
    .where(eq(knowledgeChunks.sourceId, sourceId))
    .orderBy(asc(knowledgeChunks.ordinal));
  const dimensions = chunks[0] ? chunks[0].vector.byteLength / 4 : 0;
  const published: PublishedSource = {
    id: source.id,
    org_id: orgId,
    title: source.title,
    model: source.embeddingModel,
    dimensions,
    content_hash: source.contentHash,
    chunks: chunks.map((chunk) => ({ text: chunk.text, tokens: chunk.tokenCount })),
    vectors: Buffer.concat(chunks.map((chunk) => chunk.vector)).toString("base64"),
  };
  await bus.hashSet(knowledgeSourcesHash(orgId), sourceId, JSON.stringify(published));
  await announce(bus, orgId, sourceId, false);
}

/**
 * Makes the bus match the database for every ready source (a flushed Redis, a first start on
 * an existing database) and drops published sources that no longer exist.
 */
export async function republishAll(db: Database, bus: Bus): Promise<number> {
  const ready = await db
    .select({ id: knowledgeSources.id, orgId: knowledgeSources.orgId, hash: knowledgeSources.contentHash })
    .from(knowledgeSources)
    .where(eq(knowledgeSources.status, "ready"));
  const byOrg = new Map<string, Map<string, string>>();
  for (const row of ready) {
    if (!byOrg.has(row.orgId)) byOrg.set(row.orgId, new Map());
    byOrg.get(row.orgId)!.set(row.id, row.hash);
  }
  let published = 0;
  for (const [orgId, sources] of byOrg) {
    const onBus = await bus.hashGetAll(knowledgeSourcesHash(orgId));
    for (const [sourceId, hash] of sources) {
      const current = onBus[sourceId];
      if (current && (JSON.parse(current) as PublishedSource).content_hash === hash) continue;
      await publishSource(db, bus, orgId, sourceId);
      published++;
    }
    for (const sourceId of Object.keys(onBus)) {
      if (!sources.has(sourceId)) await unpublishSource(bus, orgId, sourceId);
    }
  }
  return published;
}
