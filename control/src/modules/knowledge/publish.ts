// Puts a ready source (texts + one Float32 vector blob) on the bus for gateways, or takes it
// off, then moves the org's revision and announces the change (see shared/src/knowledge/published.ts).
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels, Hashes, knowledgeSourcesHash } from "@switchboard/shared/bus/topics";
import type { KnowledgeChange, PublishedSource } from "@switchboard/shared/knowledge/published";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { knowledgeChunks, knowledgeSources } from "../../db/schema.ts";

/**
 * What tells a published source's content apart, cheaply: the stored source's content hash,
 * model and title (the vectors follow from them). Compared by the bus reconciliation.
 */
export const sourceFingerprint = (source: { contentHash: string; model: string; title: string }): string =>
  JSON.stringify([source.contentHash, source.model, source.title]);

/** The fingerprint of a source as published on the bus; null when it is unreadable. */
export function publishedSourceFingerprint(json: string): string | null {
  try {
    const published = JSON.parse(json) as PublishedSource;
    return sourceFingerprint({
      contentHash: published.content_hash,
      model: published.model,
      title: published.title,
    });
  } catch {
    return null;
  }
}

/**
 * Gives the org a revision when the bus has none (a flushed Redis): gateways compare it before
 * every search, so a new one makes them reload the org from what is published now.
 */
export async function ensureRevision(bus: Bus, orgId: string): Promise<void> {
  if ((await bus.hashGet(Hashes.knowledgeRevisions, orgId)) === null)
    await bus.hashSet(Hashes.knowledgeRevisions, orgId, crypto.randomUUID());
}

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
