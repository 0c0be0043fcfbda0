// Knowledge sources: stored as extracted text with a content hash, embedded in the background
// by the ingestion worker. Every query is scoped to the org.
import { createHash } from "node:crypto";
import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";
import { notFound } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { knowledgeSources } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import type { KnowledgeSourceResponse } from "./model.ts";
import { publishSource, unpublishSource } from "./publish.ts";

export type SourceRow = typeof knowledgeSources.$inferSelect;

export interface SourceInput {
  kind: SourceRow["kind"];
  title: string;
  content: string;
  url?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
}

const hashContent = (content: string) => createHash("sha256").update(content).digest("hex");

export function presentSource(row: SourceRow): KnowledgeSourceResponse {
  return {
    id: row.id,
    external_id: row.externalId,
    kind: row.kind,
    title: row.title,
    status: row.status,
    error: row.error,
    progress: row.progress,
    chunk_count: row.chunkCount,
    content_hash: row.contentHash,
    characters: row.content.length,
    url: row.url,
    file_name: row.fileName,
    embedding_model: row.embeddingModel,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    embedded_at: row.embeddedAt?.toISOString() ?? null,
  };
}

async function wakeWorkers(bus: Bus): Promise<void> {
  await bus.publish(Channels.knowledgeIngest, "");
}

export async function createSource(
  db: Database,
  bus: Bus,
  orgId: string,
  input: SourceInput,
): Promise<SourceRow> {
  const [row] = await db
    .insert(knowledgeSources)
    .values({
      id: newId("ks"),
      orgId,
      kind: input.kind,
      title: input.title,
      content: input.content,
      contentHash: hashContent(input.content),
      url: input.url ?? null,
      fileName: input.fileName ?? null,
      mimeType: input.mimeType ?? null,
    })
    .returning();
  await wakeWorkers(bus);
  return row!;
}

async function findExternal(db: Database, orgId: string, externalId: string): Promise<SourceRow | undefined> {
  const [row] = await db
    .select()
    .from(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.externalId, externalId)));
  return row;
}

/**
 * Creates the source keyed by the caller's id, or replaces it in place. The same content is
 * never embedded again: only a changed title or url is written (and republished).
 */
export async function upsertExternalSource(
  db: Database,
  bus: Bus,
  orgId: string,
  externalId: string,
  input: SourceInput,
): Promise<{ row: SourceRow; created: boolean }> {
  const contentHash = hashContent(input.content);
  let existing = await findExternal(db, orgId, externalId);
  if (!existing) {
    const inserted = await db
      .insert(knowledgeSources)
      .values({
        id: newId("ks"),
        orgId,
        externalId,
        kind: input.kind,
        title: input.title,
        content: input.content,
        contentHash,
        url: input.url ?? null,
        fileName: input.fileName ?? null,
        mimeType: input.mimeType ?? null,
      })
      .onConflictDoNothing({ target: [knowledgeSources.orgId, knowledgeSources.externalId] })
      .returning();
    if (inserted[0]) {
      await wakeWorkers(bus);
      return { row: inserted[0], created: true };
    }
    // A concurrent PUT with the same external id created it first: replace that one.
    existing = await findExternal(db, orgId, externalId);
    if (!existing) throw notFound("Knowledge source");
  }

  const sameContent = existing.contentHash === contentHash && existing.status !== "failed";
  if (sameContent) {
    const url = input.url ?? null;
    if (existing.title === input.title && existing.kind === input.kind && existing.url === url) {
      return { row: existing, created: false };
    }
    const [row] = await db
      .update(knowledgeSources)
      .set({ title: input.title, kind: input.kind, url, updatedAt: new Date() })
      .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.id, existing.id)))
      .returning();
    if (row?.status === "ready") await publishSource(db, bus, orgId, row.id);
    return { row: row ?? existing, created: false };
  }

  const [row] = await db
    .update(knowledgeSources)
    .set({
      kind: input.kind,
      title: input.title,
      content: input.content,
      contentHash,
      url: input.url ?? null,
      fileName: input.fileName ?? null,
      mimeType: input.mimeType ?? null,
      status: "pending",
      error: null,
      progress: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    })
    .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.id, existing.id)))
    .returning();
  if (!row) throw notFound("Knowledge source");
  await wakeWorkers(bus);
  return { row, created: false };
}

export async function listSources(db: Database, orgId: string, page: PageRequest): Promise<SourceRow[]> {
  return selectPage(
    db.select().from(knowledgeSources).$dynamic(),
    knowledgeSources.id,
    eq(knowledgeSources.orgId, orgId),
    page,
  );
}

export async function getSource(db: Database, orgId: string, sourceId: string): Promise<SourceRow> {
  const [row] = await db
    .select()
    .from(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.id, sourceId)));
  if (!row) throw notFound("Knowledge source");
  return row;
}

export async function deleteSource(db: Database, bus: Bus, orgId: string, sourceId: string): Promise<void> {
  const deleted = await db
    .delete(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.id, sourceId)))
    .returning({ id: knowledgeSources.id });
  if (deleted.length === 0) throw notFound("Knowledge source");
  await unpublishSource(bus, orgId, sourceId);
}

export async function deleteExternalSource(
  db: Database,
  bus: Bus,
  orgId: string,
  externalId: string,
): Promise<void> {
  const deleted = await db
    .delete(knowledgeSources)
    .where(and(eq(knowledgeSources.orgId, orgId), eq(knowledgeSources.externalId, externalId)))
    .returning({ id: knowledgeSources.id });
  if (!deleted[0]) throw notFound("Knowledge source");
  await unpublishSource(bus, orgId, deleted[0].id);
}
