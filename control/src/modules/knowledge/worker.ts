// Background ingestion: claims a pending source (SKIP LOCKED, so several control instances
// share the work), chunks its text, embeds the chunks locally in batches while reporting
// progress, then swaps the stored chunks in one transaction and publishes them to gateways.
// A source whose content changed meanwhile is left for the next round; a worker that died
// mid-way loses its lease and the source is claimed again.
import type { Bus, Unsubscribe } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";
import type { Embedder } from "@switchboard/shared/embeddings/embedder";
import { packVectors } from "@switchboard/shared/embeddings/vectors";
import type { Logger } from "@switchboard/shared/logger";
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { PollLoop } from "../../background/poll-loop.ts";
import type { Database } from "../../db/client.ts";
import { knowledgeChunks, knowledgeSources } from "../../db/schema.ts";
import { chunkDocument } from "./chunker.ts";
import { publishSource } from "./publish.ts";
import type { SourceRow } from "./service.ts";

interface KnowledgeWorkerOptions {
  db: Database;
  bus: Bus;
  log: Logger;
  embedder: () => Promise<Embedder>;
  chunkTokens: number;
  /** Only these orgs' sources (tests sharing one database); all when absent. */
  orgIds?: string[];
  pollMs?: number;
  leaseMs?: number;
}

const EMBED_BATCH = 32;
const INSERT_BATCH = 1000;
/** Renewed with every progress update, so only a dead worker's claim runs out. */
const DEFAULT_LEASE_MS = 5 * 60_000;

export class KnowledgeWorker {
  private readonly loop: PollLoop;
  private unsubscribe: Unsubscribe | null = null;

  constructor(private readonly options: KnowledgeWorkerOptions) {
    this.loop = new PollLoop(
      () => this.runOnce(),
      options.pollMs ?? 2000,
      (error) => options.log.error({ err: error }, "knowledge ingestion round failed"),
    );
  }

  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.options.bus.subscribe(Channels.knowledgeIngest, () => this.loop.wake());
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.loop.stop();
  }

  /** Processes sources until none is pending. */
  async drain(): Promise<number> {
    let processed = 0;
    while (await this.runOnce()) processed++;
    return processed;
  }

  /** Claims and processes one source; false when there was nothing to do. */
  async runOnce(): Promise<boolean> {
    const source = await this.claim();
    if (!source) return false;
    try {
      await this.process(source);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log.warn({ sourceId: source.id, err: error }, "knowledge source failed to ingest");
      await this.options.db
        .update(knowledgeSources)
        .set({ status: "failed", error: message.slice(0, 2000), lockedUntil: null })
        .where(and(eq(knowledgeSources.id, source.id), eq(knowledgeSources.contentHash, source.contentHash)));
    }
    return true;
  }

  private async claim(): Promise<SourceRow | null> {
    const { db, orgIds, leaseMs = DEFAULT_LEASE_MS } = this.options;
    const now = new Date();
    const due = or(
      eq(knowledgeSources.status, "pending"),
      and(eq(knowledgeSources.status, "processing"), lt(knowledgeSources.lockedUntil, now)),
    );
    const candidate = db
      .select({ id: knowledgeSources.id })
      .from(knowledgeSources)
      .where(orgIds ? and(due, inArray(knowledgeSources.orgId, orgIds)) : due)
      .orderBy(asc(knowledgeSources.updatedAt))
      .limit(1)
      .for("update", { skipLocked: true });
    const [claimed] = await db
      .update(knowledgeSources)
      .set({ status: "processing", progress: 0, error: null, lockedUntil: new Date(now.getTime() + leaseMs) })
      .where(eq(knowledgeSources.id, sql`(${candidate})`))
      .returning();
    return claimed ?? null;
  }

  private async process(source: SourceRow): Promise<void> {
    const { db, bus, leaseMs = DEFAULT_LEASE_MS } = this.options;
    const embedder = await this.options.embedder();
    // The tokenizer's count includes [CLS] and [SEP]; chunks must fit with them.
    const maxTokens = Math.min(this.options.chunkTokens, embedder.maxTokens - 2);
    const chunks = chunkDocument(source.content, {
      maxTokens,
      overlapTokens: Math.floor(maxTokens / 8),
      countTokens: (text) => Math.max(0, embedder.countTokens(text) - 2),
    });
    if (chunks.length === 0) throw new Error("The source contains no text to embed.");

    const vectors: Float32Array[] = [];
    for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
      const batch = chunks.slice(start, start + EMBED_BATCH);
      vectors.push(...(await embedder.embed(batch.map((chunk) => chunk.text))));
      const progress = Math.min(99, Math.floor((vectors.length / chunks.length) * 100));
      await db
        .update(knowledgeSources)
        .set({ progress, lockedUntil: new Date(Date.now() + leaseMs) })
        .where(and(eq(knowledgeSources.id, source.id), eq(knowledgeSources.contentHash, source.contentHash)));
    }

    const stored = await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ hash: knowledgeSources.contentHash, status: knowledgeSources.status })
        .from(knowledgeSources)
        .where(eq(knowledgeSources.id, source.id))
        .for("update");
      if (!current || current.hash !== source.contentHash || current.status !== "processing") return false;
      await tx.delete(knowledgeChunks).where(eq(knowledgeChunks.sourceId, source.id));
      const rows = chunks.map((chunk, ordinal) => ({
        sourceId: source.id,
        ordinal,
        text: chunk.text,
        tokenCount: chunk.tokens,
        vector: packVectors([vectors[ordinal]!], embedder.dimensions),
      }));
      // Bounded statements: Postgres takes at most 65535 parameters in one.
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await tx.insert(knowledgeChunks).values(rows.slice(start, start + INSERT_BATCH));
      }
      const embeddedAt = new Date();
      await tx
        .update(knowledgeSources)
        .set({
          status: "ready",
          progress: 100,
          error: null,
          chunkCount: chunks.length,
          embeddingModel: embedder.modelId,
          lockedUntil: null,
          embeddedAt,
        })
        .where(eq(knowledgeSources.id, source.id));
      return true;
    });
    if (stored) await publishSource(db, bus, source.orgId, source.id);
  }
}
