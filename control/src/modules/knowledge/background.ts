// The control process's knowledge duties: publish every ready source the bus is missing
// (first start on an existing database, a flushed Redis), then keep embedding new sources.
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import type { ControlContext } from "../../context.ts";
import { republishAll } from "./publish.ts";
import { KnowledgeWorker } from "./worker.ts";

export async function startKnowledgeBackground(ctx: ControlContext): Promise<{ stop(): Promise<void> }> {
  const worker = new KnowledgeWorker({
    db: ctx.db,
    bus: ctx.bus,
    log: ctx.log,
    embedder: () => embedderFromConfig(ctx.config),
    chunkTokens: ctx.config.knowledgeChunkTokens,
  });
  try {
    const published = await republishAll(ctx.db, ctx.bus);
    if (published > 0) ctx.log.info({ published }, "knowledge sources republished to the bus");
  } catch (error) {
    ctx.log.error({ err: error }, "knowledge sources could not be republished");
  }
  await worker.start();
  return { stop: () => worker.stop() };
}
